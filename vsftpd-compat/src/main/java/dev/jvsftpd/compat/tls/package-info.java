/**
 * FTPS as vsftpd 3.0.3 configures it: the PEM files of rsa_cert_file and friends (PKCS#1, SEC1,
 * PKCS#8, chains, the key inside the certificate file), ssl_ciphers as an OpenSSL cipher string,
 * the protocol switches, client certificates, TLS on the control connection through MINA's
 * SslFilter and on data connections through JSSE, with require_ssl_reuse and the strict closing
 * rules. Decisions are pure functions ({@link dev.jvsftpd.compat.tls.TlsSettings},
 * {@link dev.jvsftpd.compat.tls.OpenSslCipherString}, {@link dev.jvsftpd.compat.tls.LoginEncryption});
 * the socket and MINA code around them is kept thin.
 */
package dev.jvsftpd.compat.tls;
