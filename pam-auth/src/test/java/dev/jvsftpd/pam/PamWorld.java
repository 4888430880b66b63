package dev.jvsftpd.pam;

import dev.jvsftpd.pam.unix.Dbm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Everything the PAM tests log in against: real accounts of every kind the reference's result table
 * (B.5) names, and a private pam.d directory (pam_start_confdir) with vsftpd-like stacks that point
 * at private files (ftpusers, a nologin file, a pam_userdb database, a pam_pwdfile file). Includes
 * use absolute paths, because Debian resolves relative ones under /etc/pam.d only.
 */
final class PamWorld implements AutoCloseable {
    final Path dir;
    final Path pamD;
    final TestAccounts accounts = new TestAccounts();

    final String yescrypt;
    final String sha512;
    final String sha256;
    final String md5;
    final String nologinShell;
    final String locked;
    final String expired;
    final String mustChange;
    final String aged;
    final String inactive;
    final String warned;
    final String listed;
    final String blank;
    final String guest;
    final String member;
    final String group;
    final String unknown;

    static final String VIRTUAL = "vuser";
    static final String VIRTUAL_PASSWORD = "Virtual-pw-7";
    static final String VIRTUAL_CRYPT = "vcrypt";
    static final String NOLOGIN_TEXT = "System is going down for maintenance.\n";

    PamWorld() {
        try {
            dir = Files.createTempDirectory("jvsftpd-pam-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            pamD = Files.createDirectory(dir.resolve("pam.d"));
            Files.createDirectory(dir.resolve("home"));
            String bash = "/bin/bash";
            yescrypt = local("yes", bash, "YESCRYPT");
            sha512 = local("sha512", bash, "SHA512");
            sha256 = local("sha256", bash, "SHA256");
            md5 = local("md5", bash, "MD5");
            nologinShell = local("nologin", "/usr/sbin/nologin", "YESCRYPT");
            locked = local("locked", bash, "YESCRYPT");
            accounts.lock(locked);
            expired = local("expired", bash, "YESCRYPT");
            accounts.chage(expired, "-E", "1");
            mustChange = local("mustchg", bash, "YESCRYPT");
            accounts.chage(mustChange, "-d", "0");
            long today = System.currentTimeMillis() / 86_400_000L;
            aged = local("aged", bash, "SHA512");
            accounts.chage(aged, "-d", Long.toString(today - 20), "-M", "10");
            inactive = local("inact", bash, "SHA512");
            accounts.chage(inactive, "-d", Long.toString(today - 20), "-M", "10", "-I", "2");
            warned = local("warned", bash, "SHA512");
            accounts.chage(warned, "-d", Long.toString(today - 5), "-M", "10", "-W", "7");
            listed = local("listed", bash, "YESCRYPT");
            // a blank password only with a shell no one can log in with, and only for its own stack
            blank = local("blank", "/usr/sbin/nologin", "YESCRYPT");
            accounts.hash(blank, "");
            guest = local("guest", "/usr/sbin/nologin", "YESCRYPT");
            member = local("member", bash, "SHA512");
            group = accounts.group("grp");
            accounts.addToGroup(member, group);
            unknown = accounts.prefix() + "-nosuch";
            writeFiles();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The users whose shadow hash is yescrypt, which only libcrypt can check. */
    java.util.Set<String> yescryptUsers() {
        return java.util.Set.of(yescrypt, nologinShell, locked, expired, mustChange, listed, guest);
    }

    /** The password every local test user has. */
    static String password(String user) {
        return "Pw-" + user.substring(user.lastIndexOf('-') + 1) + "-9q";
    }

    Path home(String user) {
        return dir.resolve("home").resolve(user);
    }

    private String local(String role, String shell, String method) throws IOException {
        String name = accounts.prefix() + "-" + role;
        Path home = dir.resolve("home").resolve(name);
        Files.createDirectories(home);
        accounts.user(role, shell, home.toString());
        accounts.password(name, password(name), method);
        return name;
    }

    private void writeFiles() throws IOException {
        write(dir.resolve("ftpusers"), "# users who may not use FTP\nroot\n" + listed + "\n");
        write(dir.resolve("nologin"), NOLOGIN_TEXT);
        write(pamD.resolve("common-auth"), "auth [success=1 default=ignore] pam_unix.so nullok\n"
                + "auth requisite pam_deny.so\nauth required pam_permit.so\n");
        write(pamD.resolve("common-auth-nodelay"), "auth [success=1 default=ignore] pam_unix.so nullok nodelay\n"
                + "auth requisite pam_deny.so\nauth required pam_permit.so\n");
        write(pamD.resolve("common-account"), "account [success=1 new_authtok_reqd=done default=ignore] pam_unix.so\n"
                + "account requisite pam_deny.so\naccount required pam_permit.so\n");
        write(pamD.resolve("common-session"), "session [default=1] pam_permit.so\nsession requisite pam_deny.so\n"
                + "session required pam_permit.so\nsession required pam_unix.so\n");
        write(pamD.resolve("vsftpd"), debianStack("common-auth", ""));
        write(pamD.resolve("vsftpd-nodelay"), debianStack("common-auth-nodelay", ""));
        write(pamD.resolve("vsftpd-nologin"), debianStack("common-auth-nodelay",
                "auth required pam_nologin.so file=" + dir.resolve("nologin") + "\n"));
        write(pamD.resolve("blank"), "auth include " + pamD.resolve("common-auth-nodelay") + "\n"
                + "account include " + pamD.resolve("common-account") + "\n");
        Path userdb = dir.resolve("virtual");
        Path cryptdb = dir.resolve("virtual-crypt");
        makeUserdb(userdb.toString(), VIRTUAL, VIRTUAL_PASSWORD);
        makeUserdb(cryptdb.toString(), VIRTUAL_CRYPT,
                dev.jvsftpd.pam.crypt.Crypt.system().crypt(VIRTUAL_PASSWORD, "$6$Jvsftpd.salt$").orElseThrow());
        // the RHEL guides' virtual-user stack
        write(pamD.resolve("vsftpd-virtual"), "auth required pam_userdb.so db=" + userdb + "\n"
                + "account required pam_userdb.so db=" + userdb + "\n");
        write(pamD.resolve("vsftpd-virtual-crypt"), "auth required pam_userdb.so db=" + cryptdb + " crypt=crypt\n"
                + "account required pam_userdb.so db=" + cryptdb + " crypt=crypt\n");
        Path pwdfile = dir.resolve("vpasswd");
        write(pwdfile, VIRTUAL + ":" + dev.jvsftpd.pam.crypt.Crypt.system()
                .crypt(VIRTUAL_PASSWORD, "$5$pwdfile.salt$").orElseThrow() + "\n");
        write(pamD.resolve("vsftpd-pwdfile"), "auth required pam_pwdfile.so pwdfile=" + pwdfile + " nodelay\n"
                + "account required pam_permit.so\n");
    }

    private String debianStack(String commonAuth, String extra) {
        return "# Debian's /etc/pam.d/vsftpd, pointed at private files\n"
                + "auth\trequired\tpam_listfile.so item=user sense=deny file=" + dir.resolve("ftpusers")
                + " onerr=succeed\n"
                + extra
                + "@include " + pamD.resolve("common-account") + "\n"
                + "@include " + pamD.resolve("common-session") + "\n"
                + "@include " + pamD.resolve(commonAuth) + "\n"
                + "auth\trequired\tpam_shells.so\n";
    }

    private static void makeUserdb(String path, String user, String value) {
        try (Dbm db = Dbm.openForWriting(path).orElseThrow(
                () -> new IllegalStateException("cannot create " + path + " with " + Dbm.description()))) {
            db.store(user.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** Options for a backend against the private pam.d directory; delays reported, not slept. */
    PamOptions options(Backend backend) {
        return PamOptions.defaults().withBackend(backend).withConfDir(pamD)
                .withFailDelay(PamOptions.FailDelay.REPORT);
    }

    @Override
    public void close() {
        accounts.close();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
