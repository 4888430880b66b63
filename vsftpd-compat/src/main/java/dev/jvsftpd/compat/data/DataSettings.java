package dev.jvsftpd.compat.data;

import static dev.jvsftpd.compat.config.Directives.ACCEPT_TIMEOUT;
import static dev.jvsftpd.compat.config.Directives.CONNECT_FROM_PORT_20;
import static dev.jvsftpd.compat.config.Directives.CONNECT_TIMEOUT;
import static dev.jvsftpd.compat.config.Directives.DATA_CONNECTION_TIMEOUT;
import static dev.jvsftpd.compat.config.Directives.FTP_DATA_PORT;
import static dev.jvsftpd.compat.config.Directives.PASV_MAX_PORT;
import static dev.jvsftpd.compat.config.Directives.PASV_MIN_PORT;
import static dev.jvsftpd.compat.config.Directives.PASV_PROMISCUOUS;

import dev.jvsftpd.compat.config.VsftpdConfig;

/**
 * The data-connection directives, with vsftpd's clamping of the passive range applied.
 *
 * @param activeSourcePort ftp_data_port when connect_from_port_20, else 0 (any port)
 */
public record DataSettings(int pasvMinPort, int pasvMaxPort, boolean pasvPromiscuous, int activeSourcePort,
                           int acceptTimeoutMillis, int connectTimeoutMillis, int dataTimeoutMillis) {

    public static DataSettings from(VsftpdConfig config) {
        long min = config.uint(PASV_MIN_PORT);
        long max = config.uint(PASV_MAX_PORT);
        // vsftpd: min is used only above 1024; max only from min to below 65535.
        int low = min > 1024 && min <= 65535 ? (int) min : 1024;
        int high = max >= low && max < 65535 ? (int) max : 65535;
        int source = config.bool(CONNECT_FROM_PORT_20) ? (int) (config.uint(FTP_DATA_PORT) & 0xffff) : 0;
        return new DataSettings(low, high, config.bool(PASV_PROMISCUOUS), source,
                millis(config.uint(ACCEPT_TIMEOUT)), millis(config.uint(CONNECT_TIMEOUT)),
                millis(config.uint(DATA_CONNECTION_TIMEOUT)));
    }

    /** Seconds to socket-timeout milliseconds; 0 stays 0, which sockets read as "none". */
    private static int millis(long seconds) {
        return (int) Math.min(Integer.MAX_VALUE, seconds * 1000);
    }
}
