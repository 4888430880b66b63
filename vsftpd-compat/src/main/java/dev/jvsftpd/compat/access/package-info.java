/**
 * vsftpd's filename access rules: deny_file, hide_file, Debian's upload_file/download_file and
 * the LIST/NLST pattern (section 5 of the semantics reference).
 *
 * <ul>
 * <li>{@link dev.jvsftpd.compat.access.VsftpdPattern}: the bounded matching loop, per dialect.</li>
 * <li>{@link dev.jvsftpd.compat.access.NameView}: what a pattern is compared with (upstream: the
 *     typed string; Debian: realpath in the jail, then basename or absolute path; RHEL: the typed
 *     path, cwd-prefixed or basename).</li>
 * <li>{@link dev.jvsftpd.compat.access.NameResolver}: Debian's realpath inside a
 *     {@link dev.jvsftpd.compat.fs.Jail}, with its ENOENT fallback.</li>
 * <li>{@link dev.jvsftpd.compat.access.AccessRules}: one session's checks, built from the config.</li>
 * </ul>
 *
 * Callers pass arguments after {@code ~} expansion; nothing here touches the filesystem except
 * through the resolver, and nothing is cached.
 */
package dev.jvsftpd.compat.access;
