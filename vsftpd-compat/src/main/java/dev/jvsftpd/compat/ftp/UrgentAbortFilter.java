package dev.jvsftpd.compat.ftp;

import dev.jvsftpd.compat.session.SessionState;
import dev.jvsftpd.compat.tls.FtpsState;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;

/**
 * async_abor_enable: an ABOR sent while a transfer runs stops it at once, as vsftpd's urgent-data
 * handler does. FtpServer reads a session's next command only after the current one ends, so
 * this filter sits first in the chain, ahead of the thread pool, and looks at the raw bytes.
 * Clients precede the ABOR with telnet IP and synch bytes (0xFF 0xF4 0xFF 0xF2); those are taken
 * out so the line decoder sees a plain ABOR. Not on TLS sessions, as in vsftpd.
 */
final class UrgentAbortFilter extends IoFilterAdapter {
    private static final int TELNET_IAC = 0xff;

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) {
        if (!(message instanceof IoBuffer buffer) || FtpsState.of(session).controlProtected()) {
            next.messageReceived(session, message);
            return;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        int kept = 0;
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xff) == TELNET_IAC && i + 1 < bytes.length) {
                i++; // a telnet command: IAC and the byte after it
            } else {
                bytes[kept++] = bytes[i];
            }
        }
        SessionState state = SessionState.of(session);
        if (state.transferring() && startsWithAbor(bytes, kept)) {
            state.abortTransfer();
        }
        next.messageReceived(session, IoBuffer.wrap(bytes, 0, kept));
    }

    private static boolean startsWithAbor(byte[] bytes, int length) {
        String text = new String(bytes, 0, Math.min(length, 4), java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.equalsIgnoreCase("ABOR");
    }
}
