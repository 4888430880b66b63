package dev.jvsftpd.pam.unix;

import dev.jvsftpd.pam.SystemGroup;
import dev.jvsftpd.pam.SystemUser;
import dev.jvsftpd.pam.SystemUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The user database read from passwd(5) and group(5) files: where there is no usable C library. */
public final class FileUsers implements SystemUsers {
    private final Path passwd;
    private final Path group;

    public FileUsers(Path passwd, Path group) {
        this.passwd = passwd;
        this.group = group;
    }

    @Override
    public Optional<SystemUser> lookup(String name) {
        return passwdEntry(name).flatMap(f -> {
            try {
                int uid = Integer.parseInt(f[2]);
                int gid = Integer.parseInt(f[3]);
                Set<Integer> groups = new LinkedHashSet<>();
                groups.add(gid);
                for (String[] g : entries(group)) {
                    if (g.length >= 4 && List.of(g[3].split(",")).contains(name)) {
                        parseId(g[2]).ifPresent(groups::add);
                    }
                }
                return Optional.of(new SystemUser(f[0], uid, gid, new ArrayList<>(groups), f[5], f[6]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<SystemGroup> group(String name) {
        for (String[] g : entries(group)) {
            if (g.length >= 4 && g[0].equals(name)) {
                Optional<Integer> gid = parseId(g[2]);
                if (gid.isEmpty()) {
                    return Optional.empty();
                }
                List<String> members = g[3].isEmpty() ? List.of() : List.of(g[3].split(","));
                return Optional.of(new SystemGroup(g[0], gid.get(), members));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> passwordField(String name) {
        return passwdEntry(name).map(f -> f[1]);
    }

    @Override
    public String description() {
        return "files " + passwd + ", " + group;
    }

    private Optional<String[]> passwdEntry(String name) {
        for (String[] f : entries(passwd)) {
            if (f.length >= 7 && f[0].equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    static List<String[]> entries(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("+")
                            && !line.startsWith("-"))
                    .map(line -> line.split(":", -1))
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<Integer> parseId(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
