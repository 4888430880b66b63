package dev.jvsftpd.pam;

import java.util.List;

/** A group of the system group database: getgrnam(3). */
public record SystemGroup(String name, int gid, List<String> members) {

    public SystemGroup {
        members = List.copyOf(members);
    }
}
