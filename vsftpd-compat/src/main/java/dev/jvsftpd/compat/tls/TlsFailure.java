package dev.jvsftpd.compat.tls;

import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.CertificateException;
import java.util.Locale;

/**
 * The text after {@code 500 OOPS: } when a handshake fails. vsftpd prints OpenSSL's error string;
 * for the failures clients cause in practice jvsftpd prints the very string OpenSSL 3 gives for
 * the same cause (as seen from Debian's vsftpd), else the JVM's own message.
 */
public final class TlsFailure {
    private TlsFailure() {
    }

    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("unsupported or unrecognized ssl message") || message.contains("plaintext connection")) {
                return "error:0A00010B:SSL routines::wrong version number";
            }
            if (message.contains("empty client certificate chain") || message.contains("certificate required")) {
                return "error:0A0000C7:SSL routines::peer did not return a certificate";
            }
            if (t instanceof CertificateException || message.contains("pkix path")
                    || message.contains("certificate_unknown") || message.contains("bad_certificate")) {
                return "error:0A000086:SSL routines::certificate verify failed";
            }
            if (message.contains("no cipher suites in common")) {
                return "error:0A0000C1:SSL routines::no shared cipher";
            }
            if (message.contains("no appropriate protocol") || message.contains("is not enabled or supported")
                    || message.contains("protocol_version")) {
                return "error:0A000102:SSL routines::unsupported protocol";
            }
            if (t instanceof EOFException || t instanceof SocketException || message.contains("remote host terminated")
                    || message.contains("socket closed") || message.contains("connection reset")) {
                return "error:0A000126:SSL routines::unexpected eof while reading";
            }
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
