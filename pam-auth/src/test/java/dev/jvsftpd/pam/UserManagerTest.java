package dev.jvsftpd.pam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jvsftpd.pam.ftp.PamUser;
import dev.jvsftpd.pam.ftp.PamUserManager;
import dev.jvsftpd.pam.stack.JavaPamAuthenticator;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.usermanager.AnonymousAuthentication;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginRequest;
import org.apache.ftpserver.usermanager.impl.UserMetadata;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.ftpserver.usermanager.impl.WriteRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The pieces jvsftpd's own login flow calls (PamAuthenticator, SystemUsers) and the UserManager a
 * stock FtpServer uses, against real accounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserManagerTest {
    private PamWorld world;

    @BeforeAll
    void setUp() {
        world = new PamWorld();
    }

    @AfterAll
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void systemUsersComeFromTheCLibraryAndAgreeWithTheFiles() {
        SystemUser viaNss = SystemUsers.system().lookup(world.member).orElseThrow();
        SystemUser viaFiles = SystemUsers.files(SystemFiles.standard()).lookup(world.member).orElseThrow();
        assertEquals(viaFiles, viaNss);
        assertEquals(world.home(world.member).toString(), viaNss.home());
        assertEquals("/bin/bash", viaNss.shell());
        assertTrue(viaNss.uid() > 0);
        assertEquals(viaNss.gid(), viaNss.groups().get(0), "primary group first");
        int extra = SystemUsers.system().group(world.group).orElseThrow().gid();
        assertTrue(viaNss.groups().contains(extra), "supplementary groups: " + viaNss.groups());
        assertTrue(SystemUsers.system().lookup(world.unknown).isEmpty());
        assertTrue(SystemUsers.system().inGroup(viaNss, world.group));
    }

    /** What jvsftpd's PASS calls: one method, one immutable result; a virtual user keeps its PAM name. */
    @Test
    void theAuthenticatorApiForVsftpdsLoginFlow() {
        PamAuthenticator pam = PamAuthenticator.create(world.options(Backend.AUTO));
        assertEquals(Backend.LIBPAM, pam.backend(), "libpam is there, so AUTO takes it");
        assertTrue(pam.description().startsWith("PAM backend: libpam"), pam.description());

        PamResult local = pam.authenticate("vsftpd", world.sha512, PamWorld.password(world.sha512), "127.0.0.1");
        assertTrue(local.ok());
        assertEquals(world.sha512, local.pamUser());
        assertNull(local.reason());

        PamResult virtual = pam.authenticate("vsftpd-virtual", PamWorld.VIRTUAL, PamWorld.VIRTUAL_PASSWORD, "::1");
        assertTrue(virtual.ok(), virtual.reason());
        assertEquals(PamWorld.VIRTUAL, virtual.pamUser());
        assertTrue(SystemUsers.system().lookup(virtual.pamUser()).isEmpty(), "a virtual user is no system user");
        assertEquals(world.guest, SystemUsers.system().lookup(world.guest).orElseThrow().name());

        PamResult refused = pam.authenticate("vsftpd-nodelay", world.sha512, "wrong", "127.0.0.1");
        assertFalse(refused.ok());
        assertEquals(PamStep.AUTHENTICATE, refused.failedStep());
        assertEquals("pam_authenticate returned PAM_AUTH_ERR (7)", refused.reason());
    }

    @Test
    void theJavaBackendSaysWhyItIsUsed() {
        String line = new JavaPamAuthenticator(world.options(Backend.JAVA), "libpam.so.0 cannot be loaded: test")
                .description();
        assertTrue(line.startsWith("PAM backend: Java interpreter of " + world.pamD), line);
        assertTrue(line.endsWith("because libpam.so.0 cannot be loaded: test"), line);
    }

    @Test
    void initLogsTheBackendLine() {
        try (LogCapture log = new LogCapture()) {
            PamUserManager users = new PamUserManager();
            users.setConfDir(world.pamD.toString());
            users.init();
            assertTrue(log.lines().contains("INFO PAM backend: libpam (libpam.so.0 through JNA), configuration "
                    + world.pamD + " (pam_start_confdir); service 'vsftpd'"), log.lines().toString());
        }
    }

    @Test
    void everyUserCarriesAConcurrentLoginPermission() throws Exception {
        PamUserManager users = new PamUserManager();
        users.setConfDir(world.pamD.toString());
        users.setService("vsftpd-nodelay");
        users.setWritePermission(true);
        users.setMaxLoginPerIp(2);
        UserMetadata meta = new UserMetadata();
        meta.setInetAddress(InetAddress.getLoopbackAddress());
        User user = users.authenticate(new UsernamePasswordAuthentication(world.member,
                PamWorld.password(world.member), meta));
        PamUser pamUser = (PamUser) user;
        assertEquals(world.member, user.getName());
        assertEquals(world.home(world.member).toString(), user.getHomeDirectory());
        assertEquals(SystemUsers.system().lookup(world.member).orElseThrow(), pamUser.account());
        assertEquals(1, user.getAuthorities(ConcurrentLoginPermission.class).size());
        assertNotNull(user.authorize(new WriteRequest("/x")));
        assertNull(user.authorize(new ConcurrentLoginRequest(1, 3)), "three from one address is one too many");

        User atUser = users.getUserByName(world.member);
        assertEquals(1, atUser.getAuthorities(ConcurrentLoginPermission.class).size());
        assertNull(users.getUserByName(world.unknown));

        users.setWritePermission(false);
        User readOnly = users.authenticate(new UsernamePasswordAuthentication(world.member,
                PamWorld.password(world.member), meta));
        assertTrue(readOnly.getAuthorities(WritePermission.class).isEmpty());
        assertNull(readOnly.authorize(new WriteRequest("/x")), "no write_enable, no writing");

        assertThrows(AuthenticationFailedException.class, () -> users.authenticate(
                new UsernamePasswordAuthentication(world.member, "wrong", meta)));
        assertThrows(AuthenticationFailedException.class, () -> users.authenticate(new AnonymousAuthentication()));
    }

    @Test
    void virtualUsersNeedTheGuestAccount() throws Exception {
        PamUserManager users = new PamUserManager();
        users.setConfDir(world.pamD.toString());
        users.setService("vsftpd-virtual");
        assertThrows(AuthenticationFailedException.class, () -> users.authenticate(
                new UsernamePasswordAuthentication(PamWorld.VIRTUAL, PamWorld.VIRTUAL_PASSWORD)),
                "no guest account: PAM says yes but there is nobody to be");
        users.setGuestUsername(world.guest);
        PamUser guest = (PamUser) users.authenticate(
                new UsernamePasswordAuthentication(PamWorld.VIRTUAL, PamWorld.VIRTUAL_PASSWORD));
        assertEquals(PamWorld.VIRTUAL, guest.getName(), "shown under the login name");
        assertEquals(world.guest, guest.account().name(), "acting as the guest account");
        assertTrue(guest.guest());
    }

    /** Spring XML (the stock install's 2.5.5 too) sets beans through a no-argument constructor and setters. */
    @Test
    void theUserManagerIsABean() throws Exception {
        PamUserManager.class.getConstructor();
        Set<String> writable = Arrays.stream(Introspector.getBeanInfo(PamUserManager.class).getPropertyDescriptors())
                .filter(p -> p.getWriteMethod() != null).map(PropertyDescriptor::getName).collect(Collectors.toSet());
        assertTrue(writable.containsAll(Set.of("service", "confDir", "backend", "sessionSupport", "writePermission",
                "guestEnable", "guestUsername", "maxIdleTime", "maxLoginNumber", "maxLoginPerIp")), writable.toString());
    }
}
