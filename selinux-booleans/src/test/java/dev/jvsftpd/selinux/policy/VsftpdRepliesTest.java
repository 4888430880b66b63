package dev.jvsftpd.selinux.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VsftpdRepliesTest {
    private static String reply(String verb) {
        return VsftpdReplies.onDenied(verb).orElseThrow().toString();
    }

    @Test
    void theEaccesReplyOfEachCommand() {
        assertEquals("553 Could not create file.", reply("STOR"));
        assertEquals("553 Could not create file.", reply("APPE"));
        assertEquals("553 Could not create file.", reply("STOU"));
        assertEquals("550 Failed to open file.", reply("RETR"));
        assertEquals("550 Create directory operation failed.", reply("MKD"));
        assertEquals("550 Remove directory operation failed.", reply("RMD"));
        assertEquals("550 Delete operation failed.", reply("DELE"));
        assertEquals("550 RNFR command failed.", reply("RNFR"));
        assertEquals("550 Rename failed.", reply("RNTO"));
        assertEquals("550 SITE CHMOD command failed.", reply("SITE CHMOD"));
        assertEquals("550 Failed to change directory.", reply("CWD"));
        assertEquals("550 Could not get file size.", reply("SIZE"));
        assertEquals("550 Could not get file modification time.", reply("MDTM"));
        assertEquals("550 Could not set file modification time.", reply("MDTM_SET"));
        assertEquals("226 Transfer done (but failed to open directory).", reply("LIST"));
        assertEquals("425 Failed to establish connection.", reply("PORT"));
        assertEquals("500 OOPS: vsf_sysutil_bind", reply("PASV"));
        assertEquals("553 Could not create file.", VsftpdReplies.onDenied(Operation.CREATE).toString());
        assertEquals("550 Create directory operation failed.", VsftpdReplies.onDenied(Operation.MKDIR).toString());
    }
}
