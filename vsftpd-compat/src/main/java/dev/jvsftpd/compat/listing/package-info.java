/**
 * LIST, NLST and {@code STAT <path>} bodies exactly as vsftpd 3.0.3 (Debian) builds them: option
 * parsing, long-format lines, filtering, sorting, {@code -F} markers, NLST path prefixes and
 * {@code -R} recursion. Pure code over {@link dev.jvsftpd.compat.listing.ListEntry} values; the
 * only I/O is {@link dev.jvsftpd.compat.listing.ListEntry#read} and
 * {@link dev.jvsftpd.compat.listing.ListEntry#readDirectory}. Pattern matching (deny_file /
 * hide_file syntax) is injected as predicates, since it lives elsewhere.
 */
package dev.jvsftpd.compat.listing;
