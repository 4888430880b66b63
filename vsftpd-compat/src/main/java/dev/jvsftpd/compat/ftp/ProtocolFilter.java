package dev.jvsftpd.compat.ftp;

import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.data.Addresses;
import dev.jvsftpd.compat.log.SessionEvent;
import dev.jvsftpd.compat.session.VsftpdUser;
import dev.jvsftpd.compat.session.SessionState;
import java.net.InetSocketAddress;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.DefaultFtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;

/**
 * Per-session MINA filter for what FtpServer's handler does differently from vsftpd before a
 * command reaches a Command: vsftpd answers FEAT and OPTS before login (the handler refuses
 * them without asking anyone), ignores empty lines, and says
 * {@code 421 Timeout.} before closing an idle session (the handler closes silently).
 */
final class ProtocolFilter extends IoFilterAdapter {
    private final VsftpdConfig config;

    ProtocolFilter(VsftpdConfig config) {
        this.config = config;
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) {
        // vsftpd ignores an empty line; a line of blanks is the (unknown) command " ".
        if (message.toString().isEmpty()) {
            return;
        }
        SessionState state = SessionState.of(session);
        if (state.log() != null && state.log().logsProtocol()) {
            state.log().log(SessionEvent.ftpCommand(clientIp(session), logUser(session, state), message.toString()));
        }
        // The codec hands the handler raw lines; it parses them the same way.
        FtpRequest request = new DefaultFtpRequest(message.toString());
        if (!isLoggedIn(session)) {
            switch (Verbs.of(request)) {
                case "FEAT" -> {
                    session.write(Texts.feat(config));
                    return;
                }
                case "OPTS" -> {
                    session.write(Texts.opts(request.hasArgument() ? request.getArgument() : ""));
                    return;
                }
                default -> {
                    // the handler and our commands take it from here
                }
            }
        }
        next.messageReceived(session, message);
    }

    /** FtpServer's handler greets every session; {@link ConnectionGate} already greeted vsftpd's way. */
    @Override
    public void filterWrite(NextFilter next, IoSession session, WriteRequest request) {
        if (request.getMessage() instanceof FtpReply reply && !(reply instanceof Reply) && reply.getCode() == 220) {
            request.getFuture().setWritten();
            return;
        }
        SessionState state = SessionState.of(session);
        if (request.getMessage() instanceof FtpReply reply && state.log() != null && state.log().logsProtocol()) {
            for (String line : reply.toString().split("(?<=\r\n)")) {
                // vsftpd logs the lines it formats without CRLF, the raw body lines (FEAT, STAT) with it
                boolean formatted = line.length() > 3 && line.substring(0, 3).chars().allMatch(Character::isDigit)
                        && (line.charAt(3) == ' ' || line.charAt(3) == '-');
                state.log().log(SessionEvent.ftpResponse(clientIp(session), logUser(session, state),
                        formatted ? line.stripTrailing() : line));
            }
        }
        next.filterWrite(session, request);
    }

    @Override
    public void sessionIdle(NextFilter next, IoSession session, IdleStatus status) {
        if (SessionState.of(session).transferring()) {
            return;
        }
        session.write(Reply.of(421, "Timeout."));
        session.closeOnFlush();
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        SessionState state = SessionState.of(session);
        if (state.dataChannel() != null) {
            state.dataChannel().close();
        }
        if (state.log() != null) {
            state.log().close();
        }
        if (state.pamSession() != null) {
            state.pamSession().close();
        }
        next.sessionClosed(session);
    }

    private static String clientIp(IoSession session) {
        return Addresses.ipv4View(((InetSocketAddress) session.getRemoteAddress()).getAddress());
    }

    private static String logUser(IoSession session, SessionState state) {
        return state.logUser((VsftpdUser) new FtpIoSession(session, null).getUser());
    }

    private static boolean isLoggedIn(IoSession session) {
        // the wrapper only reads the session's attributes; FtpServer itself makes one per event
        return new FtpIoSession(session, null).isLoggedIn();
    }
}
