package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.ASYNC_ABOR_ENABLE;

import dev.jvsftpd.compat.config.VsftpdConfig;
import org.apache.ftpserver.ipfilter.SessionFilter;
import org.apache.mina.core.session.IoSession;

/**
 * FtpServer's only per-session hook into the MINA chain: admits every session and installs
 * {@link ProtocolFilter} in front of the handler (and {@link UrgentAbortFilter} ahead of all).
 */
public final class VsftpdSessionFilter implements SessionFilter {
    private final ProtocolFilter protocol;
    private final VsftpdConfig config;

    public VsftpdSessionFilter(VsftpdConfig config) {
        this.protocol = new ProtocolFilter(config);
        this.config = config;
    }

    @Override
    public boolean accept(IoSession session) {
        session.getFilterChain().addLast("jvsftpd", protocol);
        if (config.bool(ASYNC_ABOR_ENABLE)) {
            session.getFilterChain().addFirst("jvsftpd-urgent-abort", new UrgentAbortFilter());
        }
        // implicit_ssl: the TLS filter goes first, ahead of everything FtpServer put there
        TlsCommands.startImplicit(session, config);
        return true;
    }
}
