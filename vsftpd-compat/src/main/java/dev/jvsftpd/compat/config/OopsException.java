package dev.jvsftpd.compat.config;

import java.util.Optional;

/**
 * A fatal condition reported the way vsftpd reports it: {@code 500 OOPS: <text>}. The text is
 * exactly vsftpd's, so scripts that grep for it keep working; {@link #detail()} is what jvsftpd
 * adds on a line of its own (file and line, a did-you-mean).
 */
public class OopsException extends RuntimeException {
    private final String detail;

    public OopsException(String vsftpdText) {
        this(vsftpdText, null);
    }

    public OopsException(String vsftpdText, String detail) {
        super(vsftpdText);
        this.detail = detail;
    }

    /** The text after {@code 500 OOPS: }. */
    public String vsftpdText() {
        return getMessage();
    }

    /** The line as vsftpd prints it, without CRLF. */
    public String oopsLine() {
        return "500 OOPS: " + getMessage();
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
