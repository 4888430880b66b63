package dev.jvsftpd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.compat.server.TestAccount;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Apache FtpServer 1.2.1 binary distribution with our jars dropped into common/lib and
 * the XML samples our zip ships, started by its own bin/ftpd.sh: Spring 2.5.5, slf4j 1.7 with
 * reload4j and mina 2.2.4 from the install, Java 17 from this build.
 */
class StockFtpServerIT {
    @TempDir
    static Path shared;
    static Path jvsftpdHome;
    static StockInstall stock;
    static TestAccount account;

    @TempDir
    Path tmp;

    @BeforeAll
    static void install() throws IOException {
        jvsftpdHome = Install.unpack(Files.createDirectory(shared.resolve("jvsftpd")));
        stock = StockInstall.create(shared.resolve("apache-ftpserver-1.2.1"), jvsftpdHome);
        account = TestAccount.create("stk");
    }

    @AfterAll
    static void removeAccount() {
        if (account != null) {
            account.close();
        }
    }

    /** Our jars, and only they, are added; they bundle neither Spring nor logging. */
    @Test
    void addsOnlyOurJarsAndJna() throws IOException {
        String version = System.getProperty("jvsftpd.version");
        List<String> added = StockInstall.jarsToAdd(jvsftpdHome.resolve("lib"), StockInstall.pristine().resolve("common/lib"))
                .stream().map(p -> p.getFileName().toString()).toList();
        for (String ours : List.of("vsftpd-compat", "pam-auth", "tcpwrappers-filter", "selinux-booleans")) {
            assertTrue(added.contains(ours + "-" + version + ".jar"), ours + " must go to common/lib: " + added);
        }
        assertTrue(added.stream().allMatch(j -> j.endsWith("-" + version + ".jar") || j.startsWith("jna-")),
                "common/lib needs only our jars and JNA, not " + added);
        for (String jar : added) {
            List<String> foreign = ClassLinkage.classes(stock.lib().resolve(jar)).stream()
                    .filter(c -> Stream.of("org/springframework/", "org/slf4j/", "ch/qos/", "org/apache/log4j/",
                            "org/apache/commons/logging/", "org/apache/ftpserver/", "org/apache/mina/").anyMatch(c::startsWith))
                    .toList();
            assertEquals(List.of(), foreign, jar + " bundles classes the install provides");
        }
    }

    /**
     * Every class, method and field our jars name exists in the install's jars with that exact
     * signature: no slf4j 2 API, nothing newer than mina 2.2.4, nothing beyond Spring 2.5.5.
     */
    @Test
    void ourJarsLinkAgainstTheStockLibraries() throws IOException {
        List<Path> classpath;
        try (Stream<Path> s = Files.list(stock.lib())) {
            classpath = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        List<Path> ours = classpath.stream()
                .filter(p -> p.getFileName().toString().endsWith("-" + System.getProperty("jvsftpd.version") + ".jar"))
                .toList();
        assertTrue(ours.size() >= 3, "our jars are missing from common/lib: " + classpath);
        Set<String> missing = ClassLinkage.unresolved(ours, classpath);
        assertEquals(Set.of(), missing, "references of " + ours + " that the stock install cannot satisfy");
    }

    /** conf/ftpd-jvsftpd.xml: the <vsftpd:server> element, with private hosts tables. */
    @Test
    void namespaceSampleServesAsVsftpd() throws Exception {
        Scene scene = Scene.create(tmp, account, true);
        String xml = scene.adapt(sample("ftpd-jvsftpd.xml"));
        try (Daemon d = stock.start("ftpd-jvsftpd-test.xml", xml, scene.port)) {
            scene.assertServesAsVsftpd(() -> "\nftpd.sh:\n" + d.output() + "\nres/log/ftpd.log:\n" + stock.log());
            // our startup lines went through the install's slf4j 1.7 and reload4j
            assertTrue(stock.log().contains("listening on /127.0.0.1:" + scene.port), "startup line in res/log/ftpd.log:\n"
                    + stock.log());
        }
    }

    /** conf/ftpd-jvsftpd-beans.xml: the plain-bean form, VsftpdServers.fromConfigFile. */
    @Test
    void plainBeanSampleServesAsVsftpd() throws Exception {
        Scene scene = Scene.create(tmp, account, false);
        String xml = scene.adapt(sample("ftpd-jvsftpd-beans.xml"));
        try (Daemon d = stock.start("ftpd-jvsftpd-beans-test.xml", xml, scene.port)) {
            scene.assertServesAsVsftpd(() -> "\nftpd.sh:\n" + d.output() + "\nres/log/ftpd.log:\n" + stock.log());
        }
    }

    /** A config error reaches ftpd.sh's output as vsftpd's 500 OOPS line, and CommandLine gives up. */
    @Test
    void configErrorIsVsftpdsOops() throws Exception {
        int port = Ports.free();
        Path conf = Files.writeString(tmp.resolve("bad.conf"), "listen=YES\nlisten_port=" + port + "\npasv_enalbe=YES\n",
                StandardCharsets.US_ASCII);
        String xml = sample("ftpd-jvsftpd-beans.xml").replace("\"/etc/vsftpd.conf\"", "\"" + conf + "\"");
        Files.writeString(stock.home.resolve("res/conf/ftpd-bad.xml"), xml, StandardCharsets.UTF_8);
        // CommandLine prints the error and exits (with status 0, its own habit)
        Cmd.Result r = Cmd.run(List.of("sh", "bin/ftpd.sh", "res/conf/ftpd-bad.xml"), stock.home,
                DistributionIT.CLIENT_TIMEOUT, StockInstall::environment, null);
        assertTrue(r.stdout().contains("500 OOPS: unrecognised variable in config file: pasv_enalbe")
                || r.stderr().contains("500 OOPS: unrecognised variable in config file: pasv_enalbe"),
                "ftpd.sh must show vsftpd's OOPS line\n" + r.describe());
    }

    /**
     * The SELinux switches reach the stock install as they reach bin/jvsftpd, through the
     * environment: emulated ftpd_t refuses an anonymous upload the config and the modes allow,
     * until the admin relabels pub/ and turns ftpd_anon_write on, without a restart.
     */
    @Test
    void selinuxSwitchesFromTheEnvironment() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));   // plays "/" for the policy's file contexts
        Path anon = Files.createDirectories(root.resolve("var/ftp/pub")).getParent();
        FtpTree.mode(anon, "rwxr-xr-x");
        FtpTree.mode(anon.resolve("pub"), "rwxrwxrwx");
        int port = Ports.free();
        Ports.Range pasv = Ports.pasvRange();
        Path conf = new Conf().set("listen", "YES").set("listen_address", "127.0.0.1").set("listen_port", port)
                .set("anonymous_enable", "YES").set("anon_root", anon).set("local_enable", "NO")
                .set("write_enable", "YES").set("anon_upload_enable", "YES")
                .set("pasv_min_port", pasv.min()).set("pasv_max_port", pasv.max())
                .write(tmp.resolve("selinux.conf"));
        Map<String, String> selinux = Map.of("JVSFTPD_SELINUX", "emulate",
                "JVSFTPD_SELINUX_STATE", tmp.resolve("state").toString(), "JVSFTPD_SELINUX_ROOT", root.toString());
        // tcp_wrappers=NO: the tables are never read, but the sample names them
        String xml = Scene.adapt(sample("ftpd-jvsftpd.xml"), conf, tmp.resolve("hosts.allow"), tmp.resolve("hosts.deny"));
        try (Daemon d = stock.start("ftpd-jvsftpd-selinux.xml", xml, port, selinux)) {
            assertEquals("553 Could not create file.", upload(port, "pub/refused.txt"), () -> d.output() + stock.log());
            assertTrue(Files.readString(tmp.resolve("state/audit.log")).contains("tcontext=system_u:object_r:public_content_t:s0"),
                    "an AVC line naming public_content_t");
            admin(selinux, "semanage", "fcontext", "-a", "-t", "public_content_rw_t", "/var/ftp/pub(/.*)?");
            admin(selinux, "restorecon", "-F", "-R", "/var/ftp/pub");
            admin(selinux, "setsebool", "-P", "ftpd_anon_write", "on");
            assertEquals("226 Transfer complete.", upload(port, "pub/allowed.txt"), () -> d.output() + stock.log());
        }
    }

    /** An anonymous STOR through Commons Net; the final reply. */
    private static String upload(int port, String path) throws IOException {
        FTPClient c = Scene.client();
        try {
            c.connect("127.0.0.1", port);
            assertTrue(c.login("anonymous", "guest@example.org"), c::getReplyString);
            c.enterLocalPassiveMode();
            c.storeFile(path, new ByteArrayInputStream("upload\n".getBytes(StandardCharsets.US_ASCII)));
            return c.getReplyString().strip();
        } finally {
            c.disconnect();
        }
    }

    /** The SELinux command line from the install's own jars, with the server's settings. */
    private void admin(Map<String, String> selinux, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", stock.lib() + "/*", "dev.jvsftpd.selinux.cli.SelinuxCli"));
        command.addAll(List.of(args));
        Cmd.Result r = Cmd.run(command, tmp, DistributionIT.CLIENT_TIMEOUT, env -> {
            StockInstall.environment(env);
            env.putAll(selinux);
        }, null);
        assertEquals(0, r.status(), r::describe);
    }

    private static String sample(String name) throws IOException {
        return Files.readString(jvsftpdHome.resolve("conf").resolve(name), StandardCharsets.UTF_8);
    }
}
