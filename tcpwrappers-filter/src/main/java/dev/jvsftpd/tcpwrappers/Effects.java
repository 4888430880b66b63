package dev.jvsftpd.tcpwrappers;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the options of matched rules did during one decision. It outlives a rule: when aclexec
 * fails in hosts.allow and hosts.deny decides, the allow rule's setenv and banners have happened.
 */
final class Effects {
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final ByteArrayOutputStream banner = new ByteArrayOutputStream();
    private String severity;
    private int aclexecStatus;

    void setenv(String name, String value) {
        environment.remove(name);
        environment.put(name, value);
    }

    Map<String, String> environment() {
        return environment;
    }

    void banner(byte[] bytes) {
        banner.writeBytes(bytes);
    }

    byte[] banner() {
        return banner.toByteArray();
    }

    void severity(String value) {
        severity = value;
    }

    String severity() {
        return severity;
    }

    /**
     * The exit status of the last aclexec. libwrap keeps it for the rest of the check: while it is
     * non-zero, every further matched rule that has options counts as no match, even in the next
     * table (a rule without options still matches).
     */
    void aclexecStatus(int status) {
        aclexecStatus = status;
    }

    int aclexecStatus() {
        return aclexecStatus;
    }
}
