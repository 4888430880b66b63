package dev.jvsftpd.compat.ftp;

import static dev.jvsftpd.compat.config.Directives.FTP_USERNAME;
import static dev.jvsftpd.compat.config.Directives.RUN_AS_LAUNCHING_USER;

import dev.jvsftpd.compat.config.ConfigParser;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import dev.jvsftpd.compat.unix.UnixAccount;
import dev.jvsftpd.compat.unix.UnixAccounts;
import dev.jvsftpd.pam.PamAuthenticator;
import dev.jvsftpd.selinux.SelinuxGuard;
import dev.jvsftpd.tcpwrappers.HostsAccess;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What sessions need from the host besides the config.
 *
 * @param accounts      the system user database
 * @param launchingUser the account jvsftpd runs as (used with run_as_launching_user)
 * @param version       jvsftpd's version, for the default greeting and STAT
 * @param loadConf      the VSFTPD_LOAD_CONF file from jvsftpd's environment, loaded on top of the
 *                      config for every session as vsftpd does (null when unset)
 * @param pam           checks local and guest passwords; null when the config allows neither
 * @param hostsAccess   hosts.allow and hosts.deny; null without tcp_wrappers=YES
 * @param selinux       ftpd_t's SELinux decisions, asked after the Unix permission checks as the
 *                      kernel asks them; inactive unless the host has SELinux or jvsftpd's own
 *                      JVSFTPD_SELINUX setting turns the emulation on
 */
public record SessionServices(UnixAccounts accounts, UnixAccount launchingUser, String version, Path loadConf,
                              PamAuthenticator pam, HostsAccess hostsAccess, SelinuxGuard selinux) {

    /** The name of the environment variable vsftpd reads per session. */
    public static final String LOAD_CONF_VARIABLE = "VSFTPD_LOAD_CONF";

    /**
     * The settings one connection runs with: {@code config}, plus a VSFTPD_LOAD_CONF file, set by
     * a tcp_wrappers setenv option or else in jvsftpd's own environment (vsftpd simply calls
     * getenv, so both work). Its errors are fatal for that session only, as in vsftpd.
     */
    public VsftpdConfig sessionConfig(VsftpdConfig config, Optional<String> fromTcpWrappers) {
        Optional<Path> overlay = fromTcpWrappers.map(Path::of).or(() -> Optional.ofNullable(loadConf));
        if (overlay.isEmpty()) {
            return config;
        }
        VsftpdConfig.Builder builder = config.toBuilder();
        ConfigParser.loadFile(overlay.get(), launchingUser.uid(), builder);
        return builder.build();
    }

    /**
     * The account anonymous sessions act as: ftp_username, or the launching user when
     * run_as_launching_user lets jvsftpd run without root and without an ftp account.
     */
    public UnixAccount anonymousAccount(VsftpdConfig config) {
        if (config.bool(RUN_AS_LAUNCHING_USER)) {
            return launchingUser;
        }
        String name = config.string(FTP_USERNAME);
        return accounts.byName(name == null ? "" : name).orElseThrow(() -> new OopsException(
                "vsftpd: cannot locate user specified in 'ftp_username':" + name,
                "ftp_username names no account in the system user database; create it (useradd -r ftp) or set ftp_username"));
    }
}
