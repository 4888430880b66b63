package dev.jvsftpd.compat.unix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The system user database as files ({@code /etc/passwd}, {@code /etc/group}), read on every
 * lookup so that useradd takes effect without a restart, as it does for vsftpd.
 */
public final class UnixAccounts {
    private final Path passwd;
    private final Path group;

    public UnixAccounts(Path passwd, Path group) {
        this.passwd = passwd;
        this.group = group;
    }

    public static UnixAccounts system() {
        return new UnixAccounts(Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    public Optional<UnixAccount> byName(String name) {
        return find(passwd, f -> f.length >= 7 && f[0].equals(name), UnixAccounts::account);
    }

    public Optional<UnixAccount> byUid(int uid) {
        return find(passwd, f -> f.length >= 7 && f[2].equals(Integer.toString(uid)), UnixAccounts::account);
    }

    public Optional<String> groupName(int gid) {
        return find(group, f -> f.length >= 3 && f[2].equals(Integer.toString(gid)), f -> f[0]);
    }

    /** The account's credentials: uid, primary gid and every group that lists it as a member. */
    public UnixIdentity identityOf(UnixAccount account) {
        Set<Integer> groups = new HashSet<>();
        for (String[] f : entries(group)) {
            if (f.length >= 4 && List.of(f[3].split(",")).contains(account.name())) {
                parseId(f[2]).ifPresent(groups::add);
            }
        }
        return new UnixIdentity(account.uid(), account.gid(), groups);
    }

    private static UnixAccount account(String[] f) {
        return new UnixAccount(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5], f[6]);
    }

    private static <T> Optional<T> find(Path file, java.util.function.Predicate<String[]> match,
                                        Function<String[], T> convert) {
        for (String[] fields : entries(file)) {
            if (match.test(fields)) {
                try {
                    return Optional.of(convert.apply(fields));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static List<String[]> entries(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split(":", -1))
                    .toList();
        } catch (IOException e) {
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
