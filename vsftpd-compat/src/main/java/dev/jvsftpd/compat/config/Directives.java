package dev.jvsftpd.compat.config;

import dev.jvsftpd.compat.config.Directive.Support;
import dev.jvsftpd.compat.config.Directive.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every directive of vsftpd 3.0.3, declared once: name, type, compiled-in default (per dialect
 * where the builds differ) and meaning. Parsing, defaults, validation, the unknown-directive
 * error and the startup warning about directives not acted on yet are all driven by this table.
 * Source: shared/reference/vsftpd-semantics.md section 2.
 */
public final class Directives {
    private static final Map<String, Directive> BY_NAME = new LinkedHashMap<>();

    public static final Directive ANONYMOUS_ENABLE = add(bool("anonymous_enable", "YES",
            "Allow anonymous logins (USER 'ftp' or 'anonymous', any case). Debian's man page says NO. The Debian binary default is YES.")
            .supported(Support.IMPLEMENTED));
    public static final Directive LOCAL_ENABLE = add(bool("local_enable", "NO",
            "Allow local (PAM or passwd) users.")
            .supported(Support.IMPLEMENTED));
    public static final Directive PASV_ENABLE = add(bool("pasv_enable", "YES",
            "Allow PASV/EPSV. Otherwise '550 Permission denied.', and FEAT omits EPSV/PASV.")
            .supported(Support.IMPLEMENTED));
    public static final Directive PORT_ENABLE = add(bool("port_enable", "YES",
            "Allow PORT/EPRT. Otherwise '550 Permission denied.', and FEAT omits EPRT.")
            .supported(Support.IMPLEMENTED));
    public static final Directive CHROOT_LOCAL_USER = add(bool("chroot_local_user", "NO",
            "chroot local users into their start directory (XOR chroot_list, section 4).")
            .supported(Support.IMPLEMENTED));
    public static final Directive WRITE_ENABLE = add(bool("write_enable", "NO",
            "Master switch for STOR, STOU, APPE, MKD, RMD, DELE, RNFR/RNTO, SITE CHMOD, MDTM-set.")
            .supported(Support.IMPLEMENTED));
    public static final Directive ANON_UPLOAD_ENABLE = add(bool("anon_upload_enable", "NO",
            "Anonymous STOR/STOU (needs write_enable).")
            .supported(Support.IMPLEMENTED));
    public static final Directive ANON_MKDIR_WRITE_ENABLE = add(bool("anon_mkdir_write_enable", "NO",
            "Anonymous MKD/XMKD (needs write_enable).")
            .supported(Support.IMPLEMENTED));
    public static final Directive ANON_OTHER_WRITE_ENABLE = add(bool("anon_other_write_enable", "NO",
            "Anonymous DELE, RMD, RNFR/RNTO, APPE, MDTM-set. Also lets anonymous STOR overwrite.")
            .supported(Support.IMPLEMENTED));
    public static final Directive CHOWN_UPLOADS = add(bool("chown_uploads", "NO",
            "Anonymous uploads: fchmod to chown_upload_mode, then chown to chown_username.")
            .supported(Support.IMPLEMENTED));
    public static final Directive CONNECT_FROM_PORT_20 = add(bool("connect_from_port_20", "NO",
            "PORT/EPRT data connections are made from port ftp_data_port.")
            .supported(Support.IMPLEMENTED));
    public static final Directive XFERLOG_ENABLE = add(bool("xferlog_enable", "NO",
            "Turn on file logging. Which file depends on xferlog_std_format and dual_log_enable (section 11).")
            .supported(Support.IMPLEMENTED));
    public static final Directive DIRMESSAGE_ENABLE = add(bool("dirmessage_enable", "NO",
            "On first entry into a directory, show message_file as a '250-'/'230-' prefix.")
            .supported(Support.IMPLEMENTED));
    public static final Directive ANON_WORLD_READABLE_ONLY = add(bool("anon_world_readable_only", "YES",
            "Anonymous RETR only of others-readable files. Listing only of others-readable directories.")
            .supported(Support.IMPLEMENTED));
    public static final Directive ASYNC_ABOR_ENABLE = add(bool("async_abor_enable", "NO",
            "Handle ABOR sent as urgent data during a transfer (not on TLS sessions).")
            .supported(Support.IMPLEMENTED));
    public static final Directive ASCII_UPLOAD_ENABLE = add(bool("ascii_upload_enable", "NO",
            "Honour TYPE A on uploads (strip CR before LF).")
            .supported(Support.IMPLEMENTED));
    public static final Directive ASCII_DOWNLOAD_ENABLE = add(bool("ascii_download_enable", "NO",
            "Honour TYPE A on downloads (LF to CRLF). The 150 text says 'ASCII' only if this is on.")
            .supported(Support.IMPLEMENTED));
    public static final Directive ONE_PROCESS_MODEL = add(bool("one_process_model", "NO",
            "Experimental single-process mode. Anonymous only.")
            .supported(Support.NOT_APPLICABLE));
    public static final Directive XFERLOG_STD_FORMAT = add(bool("xferlog_std_format", "NO",
            "Write wu-ftpd xferlog to xferlog_file instead of the vsftpd format to vsftpd_log_file.")
            .supported(Support.IMPLEMENTED));
    public static final Directive PASV_PROMISCUOUS = add(bool("pasv_promiscuous", "NO",
            "Skip the check that the PASV data connection comes from the control connection's IP.")
            .supported(Support.IMPLEMENTED));
    public static final Directive DENY_EMAIL_ENABLE = add(bool("deny_email_enable", "NO",
            "Reject anonymous passwords listed in banned_email_file.")
            .supported(Support.IMPLEMENTED));
    public static final Directive CHROOT_LIST_ENABLE = add(bool("chroot_list_enable", "NO",
            "Users listed in chroot_list_file invert chroot_local_user.")
            .supported(Support.IMPLEMENTED));
    public static final Directive SETPROCTITLE_ENABLE = add(bool("setproctitle_enable", "NO",
            "Show session state in 'ps'.")
            .supported(Support.NOT_APPLICABLE));
    public static final Directive TEXT_USERDB_NAMES = add(bool("text_userdb_names", "NO",
            "Listings show user/group names instead of numeric ids.")
            .supported(Support.IMPLEMENTED));
    public static final Directive LS_RECURSE_ENABLE = add(bool("ls_recurse_enable", "NO",
            "Allow '-R' in LIST/NLST.")
            .supported(Support.IMPLEMENTED));
    public static final Directive LOG_FTP_PROTOCOL = add(bool("log_ftp_protocol", "NO",
            "Log every command and reply into the vsftpd-format log.")
            .supported(Support.IMPLEMENTED));
    public static final Directive GUEST_ENABLE = add(bool("guest_enable", "NO",
            "Map every non-anonymous login to guest_username (virtual users).")
            .supported(Support.IMPLEMENTED));
    public static final Directive USERLIST_ENABLE = add(bool("userlist_enable", "NO",
            "Check userlist_file at USER time.")
            .supported(Support.IMPLEMENTED));
    public static final Directive USERLIST_DENY = add(bool("userlist_deny", "YES",
            "YES: listed users are refused. NO: only listed users are allowed.")
            .supported(Support.IMPLEMENTED));
    public static final Directive USE_LOCALTIME = add(bool("use_localtime", "NO",
            "Listing dates and MDTM in local time instead of GMT.")
            .supported(Support.IMPLEMENTED));
    public static final Directive CHECK_SHELL = add(bool("check_shell", "YES",
            "Non-PAM builds only: the user's shell must be in /etc/shells. PAM builds ignore it (pam_shells does it).")
            .supported(Support.IMPLEMENTED));
    public static final Directive HIDE_IDS = add(bool("hide_ids", "NO",
            "Listings show 'ftp' as owner and group.")
            .supported(Support.IMPLEMENTED));
    public static final Directive LISTEN = add(bool("listen", "YES",
            "Standalone IPv4 listener. Debian's compiled default is NO. The upstream man page wrongly says NO.")
            .withDefault(Dialect.DEBIAN, "NO")
            .supported(Support.IMPLEMENTED));
    public static final Directive PORT_PROMISCUOUS = add(bool("port_promiscuous", "NO",
            "Skip PORT/EPRT checks (same IP, port ≥ 1024). Allows FTP bounce.")
            .supported(Support.IMPLEMENTED));
    public static final Directive PASSWD_CHROOT_ENABLE = add(bool("passwd_chroot_enable", "NO",
            "With chroot: '/./' in the passwd home dir marks the chroot point.")
            .supported(Support.IMPLEMENTED));
    public static final Directive NO_ANON_PASSWORD = add(bool("no_anon_password", "NO",
            "Anonymous is logged in right after USER (no 331).")
            .supported(Support.IMPLEMENTED));
    public static final Directive TCP_WRAPPERS = add(bool("tcp_wrappers", "NO",
            "Check hosts.allow/hosts.deny for daemon 'vsftpd' per connection.")
            .supported(Support.IMPLEMENTED));
    public static final Directive USE_SENDFILE = add(bool("use_sendfile", "YES",
            "Use sendfile(2) for downloads.")
            .supported(Support.NOT_APPLICABLE));
    public static final Directive FORCE_DOT_FILES = add(bool("force_dot_files", "NO",
            "Listings show dot files without '-a' (never '.' and '..').")
            .supported(Support.IMPLEMENTED));
    public static final Directive LISTEN_IPV6 = add(bool("listen_ipv6", "NO",
            "Standalone IPv6 listener. Mutually exclusive with listen.")
            .supported(Support.IMPLEMENTED));
    public static final Directive DUAL_LOG_ENABLE = add(bool("dual_log_enable", "NO",
            "Write both the xferlog and the vsftpd log.")
            .supported(Support.IMPLEMENTED));
    public static final Directive SYSLOG_ENABLE = add(bool("syslog_enable", "NO",
            "Send vsftpd-format lines to syslog (LOG_DAEMON, ident 'vsftpd') instead of vsftpd_log_file.")
            .supported(Support.IMPLEMENTED));
    public static final Directive BACKGROUND = add(bool("background", "NO",
            "Fork the listener into the background.")
            .withDefault(Dialect.RHEL, "YES"));
    public static final Directive VIRTUAL_USE_LOCAL_PRIVS = add(bool("virtual_use_local_privs", "NO",
            "Guest users get local-user rules (umask, write rights, no forced chroot).")
            .supported(Support.IMPLEMENTED));
    public static final Directive SESSION_SUPPORT = add(bool("session_support", "NO",
            "Open a PAM session and write utmp/wtmp.")
            .supported(Support.IMPLEMENTED));
    public static final Directive DOWNLOAD_ENABLE = add(bool("download_enable", "YES",
            "Allow RETR. Otherwise '550 Permission denied.'")
            .supported(Support.IMPLEMENTED));
    public static final Directive DIRLIST_ENABLE = add(bool("dirlist_enable", "YES",
            "Allow LIST, NLST and STAT with an argument. Otherwise 550.")
            .supported(Support.IMPLEMENTED));
    public static final Directive CHMOD_ENABLE = add(bool("chmod_enable", "YES",
            "Allow SITE CHMOD (local users with write_enable).")
            .supported(Support.IMPLEMENTED));
    public static final Directive SECURE_EMAIL_LIST_ENABLE = add(bool("secure_email_list_enable", "NO",
            "Anonymous password must appear in email_password_file.")
            .supported(Support.IMPLEMENTED));
    public static final Directive RUN_AS_LAUNCHING_USER = add(bool("run_as_launching_user", "NO",
            "Run without root: implies one_process_model, no chroot.")
            .supported(Support.IMPLEMENTED));
    public static final Directive NO_LOG_LOCK = add(bool("no_log_lock", "NO",
            "Do not fcntl-lock the log files while writing.")
            .supported(Support.IMPLEMENTED));
    public static final Directive SSL_ENABLE = add(bool("ssl_enable", "NO",
            "Enable FTPS (AUTH/PBSZ/PROT).")
            .supported(Support.IMPLEMENTED));
    public static final Directive ALLOW_ANON_SSL = add(bool("allow_anon_ssl", "NO",
            "Anonymous sessions may use TLS.")
            .supported(Support.IMPLEMENTED));
    public static final Directive FORCE_LOCAL_LOGINS_SSL = add(bool("force_local_logins_ssl", "YES",
            "With ssl_enable: local USER without TLS gets '530 Non-anonymous sessions must use encryption.' and the connection is closed.")
            .supported(Support.IMPLEMENTED));
    public static final Directive FORCE_LOCAL_DATA_SSL = add(bool("force_local_data_ssl", "YES",
            "With ssl_enable: local data needs PROT P, else '522 Data connections must be encrypted.'")
            .supported(Support.IMPLEMENTED));
    public static final Directive SSL_SSLV2 = add(bool("ssl_sslv2", "NO",
            "Allow SSLv2.")
            .supported(Support.IMPLEMENTED));
    public static final Directive SSL_SSLV3 = add(bool("ssl_sslv3", "NO",
            "Allow SSLv3.")
            .supported(Support.IMPLEMENTED));
    public static final Directive SSL_TLSV1 = add(bool("ssl_tlsv1", "YES",
            "Allow TLS 1.0 (OpenSSL's NO_TLSv1): TLS 1.1-1.3 stay on whatever it says; FEAT lists AUTH TLS only with YES. RHEL adds ssl_tlsv1_1/1_2/1_3.")
            .withDefault(Dialect.RHEL, "NO")
            .supported(Support.IMPLEMENTED));
    public static final Directive TILDE_USER_ENABLE = add(bool("tilde_user_enable", "NO",
            "Resolve '~user/...' (needs /etc/passwd inside the chroot). '~' and '~/x' always resolve to the login dir.")
            .supported(Support.IMPLEMENTED));
    public static final Directive FORCE_ANON_LOGINS_SSL = add(bool("force_anon_logins_ssl", "NO",
            "With ssl_enable: anonymous USER without TLS gets '530 Anonymous sessions must use encryption.', then close.")
            .supported(Support.IMPLEMENTED));
    public static final Directive FORCE_ANON_DATA_SSL = add(bool("force_anon_data_ssl", "NO",
            "Same for anonymous data.")
            .supported(Support.IMPLEMENTED));
    public static final Directive MDTM_WRITE = add(bool("mdtm_write", "YES",
            "'MDTM <time> <file>' sets the mtime.")
            .supported(Support.IMPLEMENTED));
    public static final Directive LOCK_UPLOAD_FILES = add(bool("lock_upload_files", "YES",
            "Write lock on uploads, shared read lock on downloads (fcntl).")
            .supported(Support.IMPLEMENTED));
    public static final Directive PASV_ADDR_RESOLVE = add(bool("pasv_addr_resolve", "NO",
            "pasv_address is a hostname, resolved once at startup.")
            .supported(Support.IMPLEMENTED));
    public static final Directive DEBUG_SSL = add(bool("debug_ssl", "NO",
            "OpenSSL diagnostics to the log.")
            .supported(Support.IMPLEMENTED));
    public static final Directive REQUIRE_CERT = add(bool("require_cert", "NO",
            "Client certificate required.")
            .supported(Support.IMPLEMENTED));
    public static final Directive VALIDATE_CERT = add(bool("validate_cert", "NO",
            "Client certificate must validate.")
            .supported(Support.IMPLEMENTED));
    public static final Directive STRICT_SSL_READ_EOF = add(bool("strict_ssl_read_eof", "YES",
            "TLS uploads must end with a TLS close (man page says NO, code says YES).")
            .supported(Support.IMPLEMENTED));
    public static final Directive STRICT_SSL_WRITE_SHUTDOWN = add(bool("strict_ssl_write_shutdown", "NO",
            "TLS downloads must end with a TLS shutdown.")
            .supported(Support.IMPLEMENTED));
    public static final Directive SSL_REQUEST_CERT = add(bool("ssl_request_cert", "YES",
            "Request (not require) a client certificate.")
            .supported(Support.IMPLEMENTED));
    public static final Directive DELETE_FAILED_UPLOADS = add(bool("delete_failed_uploads", "NO",
            "Remove an upload that did not complete.")
            .supported(Support.IMPLEMENTED));
    public static final Directive IMPLICIT_SSL = add(bool("implicit_ssl", "NO",
            "TLS handshake first (implicit FTPS).")
            .supported(Support.IMPLEMENTED));
    public static final Directive PTRACE_SANDBOX = add(bool("ptrace_sandbox", "NO",
            "Experimental ptrace sandbox.")
            .supported(Support.NOT_APPLICABLE));
    public static final Directive REQUIRE_SSL_REUSE = add(bool("require_ssl_reuse", "YES",
            "TLS data connections must reuse the control session. On failure: '522 SSL connection failed: session reuse required' and close.")
            .supported(Support.IMPLEMENTED));
    public static final Directive ISOLATE = add(bool("isolate", "YES",
            "Linux: new PID and IPC namespace per session (Debian drops NEWPID).")
            .supported(Support.NOT_APPLICABLE));
    public static final Directive ISOLATE_NETWORK = add(bool("isolate_network", "YES",
            "Linux: unprivileged post-login process in an empty network namespace. All data sockets come from the privileged parent.")
            .supported(Support.NOT_APPLICABLE));
    public static final Directive FTP_ENABLE = add(bool("ftp_enable", "YES",
            "Serve FTP."));
    public static final Directive HTTP_ENABLE = add(bool("http_enable", "NO",
            "Experimental HTTP GET mode (needs one_process_model)."));
    public static final Directive SECCOMP_SANDBOX = add(bool("seccomp_sandbox", "YES",
            "seccomp filter on session processes.")
            .withDefault(Dialect.DEBIAN, "NO")
            .withDefault(Dialect.RHEL, "NO")
            .supported(Support.NOT_APPLICABLE));
    public static final Directive ALLOW_WRITEABLE_CHROOT = add(bool("allow_writeable_chroot", "NO",
            "Allow chroot into a root that is writable by the user. Never applies to anonymous (section 4).")
            .supported(Support.IMPLEMENTED));
    public static final Directive ACCEPT_TIMEOUT = add(uint("accept_timeout", "60",
            "Seconds to wait for the client to connect to a PASV/EPSV port. Then '425 Failed to establish connection.'")
            .supported(Support.IMPLEMENTED));
    public static final Directive CONNECT_TIMEOUT = add(uint("connect_timeout", "60",
            "Seconds allowed for our PORT/EPRT connect. Then '425 Failed to establish connection.'")
            .supported(Support.IMPLEMENTED));
    public static final Directive LOCAL_UMASK = add(uint("local_umask", "077",
            "umask for local users (and guests with virtual_use_local_privs).")
            .supported(Support.IMPLEMENTED));
    public static final Directive ANON_UMASK = add(uint("anon_umask", "077",
            "umask for anonymous users and guest users without virtual_use_local_privs.")
            .supported(Support.IMPLEMENTED));
    public static final Directive FTP_DATA_PORT = add(uint("ftp_data_port", "20",
            "Source port for active data connections when connect_from_port_20=YES.")
            .supported(Support.IMPLEMENTED));
    public static final Directive IDLE_SESSION_TIMEOUT = add(uint("idle_session_timeout", "300",
            "Seconds allowed between commands, before and after login. 0 = none. Then '421 Timeout.' and close.")
            .supported(Support.IMPLEMENTED));
    public static final Directive DATA_CONNECTION_TIMEOUT = add(uint("data_connection_timeout", "300",
            "Seconds a data transfer may make no progress. 0 = none. Then '421 Data timeout. Reconnect. Sorry.' and close.")
            .supported(Support.IMPLEMENTED));
    public static final Directive PASV_MIN_PORT = add(uint("pasv_min_port", "5001",
            "Lowest PASV port. Used only if 1024 < value ≤ 65535, else 1024.")
            .supported(Support.IMPLEMENTED));
    public static final Directive PASV_MAX_PORT = add(uint("pasv_max_port", "0",
            "Highest PASV port. Used only if min ≤ value < 65535, else 65535. min > max gives min..65535.")
            .supported(Support.IMPLEMENTED));
    public static final Directive ANON_MAX_RATE = add(uint("anon_max_rate", "0",
            "Bytes per second per anonymous session. 0 = unlimited.")
            .supported(Support.IMPLEMENTED));
    public static final Directive LOCAL_MAX_RATE = add(uint("local_max_rate", "0",
            "Bytes per second per local session.")
            .supported(Support.IMPLEMENTED));
    public static final Directive LISTEN_PORT = add(uint("listen_port", "21",
            "Standalone listen port.")
            .supported(Support.IMPLEMENTED));
    public static final Directive MAX_CLIENTS = add(uint("max_clients", "2000",
            "Standalone mode: more than this many concurrent sessions gives '421 There are too many connected users, please try later.' 0 = unlimited.")
            .supported(Support.IMPLEMENTED));
    public static final Directive FILE_OPEN_MODE = add(uint("file_open_mode", "0666",
            "Mode for created files, before the umask.")
            .supported(Support.IMPLEMENTED));
    public static final Directive MAX_PER_IP = add(uint("max_per_ip", "50",
            "Standalone mode: more than this many from one IP gives '421 There are too many connections from your internet address.' 0 = unlimited.")
            .supported(Support.IMPLEMENTED));
    public static final Directive TRANS_CHUNK_SIZE = add(uint("trans_chunk_size", "0",
            "Data I/O chunk. 0 or ≥ 65536 means 65536. Below 4096 means 4096.")
            .supported(Support.IMPLEMENTED));
    public static final Directive DELAY_FAILED_LOGIN = add(uint("delay_failed_login", "1",
            "Seconds slept before answering a failed login or a userlist refusal.")
            .supported(Support.IMPLEMENTED));
    public static final Directive DELAY_SUCCESSFUL_LOGIN = add(uint("delay_successful_login", "0",
            "Seconds slept before a successful login proceeds.")
            .supported(Support.IMPLEMENTED));
    public static final Directive MAX_LOGIN_FAILS = add(uint("max_login_fails", "3",
            "After this many failed logins (including userlist refusals), close the connection right after the 530.")
            .supported(Support.IMPLEMENTED));
    public static final Directive CHOWN_UPLOAD_MODE = add(uint("chown_upload_mode", "0600",
            "Mode forced on chowned anonymous uploads.")
            .supported(Support.IMPLEMENTED));
    public static final Directive SECURE_CHROOT_DIR = add(string("secure_chroot_dir", "/usr/share/empty",
            "Empty directory the pre-login process chroots into. Must exist and must not be writable by nopriv_user. Debian default.")
            .withDefault(Dialect.DEBIAN, "/var/run/vsftpd/empty")
            .supported(Support.NOT_APPLICABLE));
    public static final Directive FTP_USERNAME = add(string("ftp_username", "ftp",
            "System user for anonymous sessions. Its home is the anonymous root unless anon_root is set.")
            .supported(Support.IMPLEMENTED));
    public static final Directive CHOWN_USERNAME = add(string("chown_username", "root",
            "Owner given to anonymous uploads with chown_uploads.")
            .supported(Support.IMPLEMENTED));
    public static final Directive XFERLOG_FILE = add(string("xferlog_file", "/var/log/xferlog",
            "wu-ftpd format log.")
            .supported(Support.IMPLEMENTED));
    public static final Directive VSFTPD_LOG_FILE = add(string("vsftpd_log_file", "/var/log/vsftpd.log",
            "vsftpd format log.")
            .supported(Support.IMPLEMENTED));
    public static final Directive MESSAGE_FILE = add(string("message_file", ".message",
            "Directory message file name (first 4000 bytes).")
            .supported(Support.IMPLEMENTED));
    public static final Directive NOPRIV_USER = add(string("nopriv_user", "nobody",
            "User of the unprivileged pre-login process.")
            .supported(Support.NOT_APPLICABLE));
    public static final Directive FTPD_BANNER = add(string("ftpd_banner", null,
            "Text of the '220' line. None means '(vsFTPd 3.0.3)'.")
            .supported(Support.IMPLEMENTED));
    public static final Directive BANNED_EMAIL_FILE = add(string("banned_email_file", "/etc/vsftpd.banned_emails",
            "Forbidden anonymous passwords, one per line.")
            .withDefault(Dialect.RHEL, "/etc/vsftpd/banned_emails")
            .supported(Support.IMPLEMENTED));
    public static final Directive CHROOT_LIST_FILE = add(string("chroot_list_file", "/etc/vsftpd.chroot_list",
            "Users for chroot_list_enable.")
            .withDefault(Dialect.RHEL, "/etc/vsftpd/chroot_list")
            .supported(Support.IMPLEMENTED));
    public static final Directive PAM_SERVICE_NAME = add(string("pam_service_name", "ftp",
            "PAM service. Both distro configs set 'vsftpd'. Debian default.")
            .withDefault(Dialect.DEBIAN, "vsftpd")
            .supported(Support.IMPLEMENTED));
    public static final Directive GUEST_USERNAME = add(string("guest_username", "ftp",
            "Real user that guest (virtual) logins map to.")
            .supported(Support.IMPLEMENTED));
    public static final Directive USERLIST_FILE = add(string("userlist_file", "/etc/vsftpd.user_list",
            "File for userlist_enable.")
            .withDefault(Dialect.RHEL, "/etc/vsftpd/user_list")
            .supported(Support.IMPLEMENTED));
    public static final Directive ANON_ROOT = add(string("anon_root", null,
            "Anonymous chroot directory (instead of ftp_username's home).")
            .supported(Support.IMPLEMENTED));
    public static final Directive LOCAL_ROOT = add(string("local_root", null,
            "Directory local users start in (and are chrooted to). user_sub_token is substituted.")
            .supported(Support.IMPLEMENTED));
    public static final Directive BANNER_FILE = add(string("banner_file", null,
            "File whose lines form a multi-line '220-' greeting. It overrides ftpd_banner.")
            .supported(Support.IMPLEMENTED));
    public static final Directive PASV_ADDRESS = add(string("pasv_address", null,
            "IPv4 address advertised in the 227 reply.")
            .supported(Support.IMPLEMENTED));
    public static final Directive LISTEN_ADDRESS = add(string("listen_address", null,
            "IPv4 bind address (standalone).")
            .supported(Support.IMPLEMENTED));
    public static final Directive USER_CONFIG_DIR = add(string("user_config_dir", null,
            "Directory of per-user config files.")
            .supported(Support.IMPLEMENTED));
    public static final Directive LISTEN_ADDRESS6 = add(string("listen_address6", null,
            "IPv6 bind address. Debian accepts 'addr%iface'.")
            .supported(Support.IMPLEMENTED));
    public static final Directive CMDS_ALLOWED = add(string("cmds_allowed", null,
            "Comma list: only these post-login commands. Others get '550 Permission denied.'")
            .supported(Support.IMPLEMENTED));
    public static final Directive HIDE_FILE = add(string("hide_file", null,
            "Pattern: matching entries are left out of listings (section 5).")
            .supported(Support.IMPLEMENTED));
    public static final Directive DENY_FILE = add(string("deny_file", null,
            "Pattern: commands on matching names get '550 Permission denied.' (section 5).")
            .supported(Support.IMPLEMENTED));
    public static final Directive USER_SUB_TOKEN = add(string("user_sub_token", null,
            "Token in the home dir or local_root that is replaced by the login name.")
            .supported(Support.IMPLEMENTED));
    public static final Directive EMAIL_PASSWORD_FILE = add(string("email_password_file", "/etc/vsftpd.email_passwords",
            "File for secure_email_list_enable.")
            .withDefault(Dialect.RHEL, "/etc/vsftpd/email_passwords")
            .supported(Support.IMPLEMENTED));
    public static final Directive RSA_CERT_FILE = add(string("rsa_cert_file", "/usr/share/ssl/certs/vsftpd.pem",
            "TLS certificate.")
            .supported(Support.IMPLEMENTED));
    public static final Directive DSA_CERT_FILE = add(string("dsa_cert_file", null,
            "")
            .supported(Support.IMPLEMENTED));
    public static final Directive SSL_CIPHERS = add(string("ssl_ciphers", "ECDHE-RSA-AES256-GCM-SHA384",
            "The man page still says DES-CBC3-SHA.")
            .withDefault(Dialect.RHEL, "PROFILE=SYSTEM")
            .supported(Support.IMPLEMENTED));
    public static final Directive RSA_PRIVATE_KEY_FILE = add(string("rsa_private_key_file", null,
            "Defaults to the key inside rsa_cert_file.")
            .supported(Support.IMPLEMENTED));
    public static final Directive DSA_PRIVATE_KEY_FILE = add(string("dsa_private_key_file", null,
            "")
            .supported(Support.IMPLEMENTED));
    public static final Directive CA_CERTS_FILE = add(string("ca_certs_file", null,
            "CAs for client certificates.")
            .supported(Support.IMPLEMENTED));
    public static final Directive CMDS_DENIED = add(string("cmds_denied", null,
            "Comma list of post-login commands refused with 550.")
            .supported(Support.IMPLEMENTED));

    // Directives that only one build knows; the others reject them as unrecognised.
    public static final Directive UTF8_FILESYSTEM = add(bool("utf8_filesystem", "NO",
            "When YES, FEAT lists UTF8 (Debian; upstream always lists it).")
            .onlyIn(Dialect.DEBIAN)
            .supported(Support.IMPLEMENTED));
    public static final Directive UPLOAD_FILE = add(string("upload_file", null,
            "Pattern: only matching names may be uploaded (STOR, APPE, STOU).")
            .onlyIn(Dialect.DEBIAN)
            .supported(Support.IMPLEMENTED));
    public static final Directive DOWNLOAD_FILE = add(string("download_file", null,
            "Pattern: only matching names may be downloaded (RETR).")
            .onlyIn(Dialect.DEBIAN)
            .supported(Support.IMPLEMENTED));
    public static final Directive SSL_TLSV1_1 = add(bool("ssl_tlsv1_1", "NO",
            "Allow TLS 1.1.")
            .onlyIn(Dialect.RHEL)
            .supported(Support.IMPLEMENTED));
    public static final Directive SSL_TLSV1_2 = add(bool("ssl_tlsv1_2", "YES",
            "Allow TLS 1.2.")
            .onlyIn(Dialect.RHEL)
            .supported(Support.IMPLEMENTED));
    public static final Directive SSL_TLSV1_3 = add(bool("ssl_tlsv1_3", "YES",
            "Allow TLS 1.3.")
            .onlyIn(Dialect.RHEL)
            .supported(Support.IMPLEMENTED));
    public static final Directive REVERSE_LOOKUP_ENABLE = add(bool("reverse_lookup_enable", "YES",
            "Resolve client addresses to names for PAM and logs.")
            .onlyIn(Dialect.RHEL));
    public static final Directive USERLIST_LOG = add(bool("userlist_log", "NO",
            "Log userlist refusals as FAIL LOGIN.")
            .onlyIn(Dialect.RHEL));
    public static final Directive BETTER_STOU = add(bool("better_stou", "NO",
            "STOU creates names with a random suffix.")
            .onlyIn(Dialect.RHEL));
    public static final Directive LOG_DIE = add(bool("log_die", "NO",
            "Send fatal errors to syslog as well.")
            .onlyIn(Dialect.RHEL));
    public static final Directive WC_LOGS_ENABLE = add(bool("wc_logs_enable", "NO",
            "Log only the first matched file of a wildcard command.")
            .onlyIn(Dialect.RHEL));
    public static final Directive BIND_RETRIES = add(uint("bind_retries", "9",
            "How often to retry binding a PASV port.")
            .onlyIn(Dialect.RHEL));
    public static final Directive DH_PARAM_FILE = add(string("dh_param_file", null,
            "DH parameters for TLS.")
            .onlyIn(Dialect.RHEL));
    public static final Directive ECDH_PARAM_FILE = add(string("ecdh_param_file", null,
            "ECDH curve for TLS.")
            .onlyIn(Dialect.RHEL));
    public static final Directive SSL_SNI_HOSTNAME = add(string("ssl_sni_hostname", null,
            "Refuse TLS clients that name another host (SNI).")
            .onlyIn(Dialect.RHEL));

    private Directives() {
    }

    /** Every directive, in table order. */
    public static List<Directive> all() {
        return Collections.unmodifiableList(new ArrayList<>(BY_NAME.values()));
    }

    /** The directive of that exact (case-sensitive) name, if the dialect's build knows it. */
    public static Optional<Directive> lookup(String name, Dialect dialect) {
        Directive directive = BY_NAME.get(name);
        return directive != null && directive.existsIn(dialect) ? Optional.of(directive) : Optional.empty();
    }

    /** The directive of that exact name in any dialect; used to explain a dialect mismatch. */
    static Optional<Directive> lookupAnyDialect(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Directive add(Directive directive) {
        if (BY_NAME.putIfAbsent(directive.name(), directive) != null) {
            throw new IllegalStateException("directive declared twice: " + directive.name());
        }
        return directive;
    }

    private static Directive bool(String name, String defaultValue, String meaning) {
        return Directive.of(name, Type.BOOL, defaultValue, meaning);
    }

    private static Directive uint(String name, String defaultValue, String meaning) {
        return Directive.of(name, Type.UINT, defaultValue, meaning);
    }

    private static Directive string(String name, String defaultValue, String meaning) {
        return Directive.of(name, Type.STRING, defaultValue, meaning);
    }
}
