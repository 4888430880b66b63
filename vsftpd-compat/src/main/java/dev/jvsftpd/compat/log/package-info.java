/**
 * vsftpd 3.0.3's logging (reference section 11): the wu-ftpd xferlog line ({@link
 * dev.jvsftpd.compat.log.XferlogFormat}), the vsftpd-format line ({@link
 * dev.jvsftpd.compat.log.VsftpdLogFormat}), both pure functions of an event record, and one
 * per-session sink ({@link dev.jvsftpd.compat.log.VsftpdLog}) that picks the active outputs from
 * the config and does all I/O: append-only 0600 files under an fcntl lock, and syslog.
 */
package dev.jvsftpd.compat.log;
