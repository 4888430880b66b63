package dev.jvsftpd.compat.access;

import dev.jvsftpd.compat.fs.Jail;
import dev.jvsftpd.compat.unix.UnixIdentity;
import java.util.Optional;

/**
 * Debian's name normalisation: realpath() of a name relative to the session's current directory,
 * as vsftpd calls it inside the chroot with the session's credentials, including Debian's
 * fallback for names that do not exist yet (section 5.3, step 1).
 */
@FunctionalInterface
public interface NameResolver {

    /**
     * @param cwd  the session's virtual current directory
     * @param path the name as given (relative to {@code cwd}, or absolute inside the jail)
     * @return the normalised absolute path inside the jail; empty when realpath fails in a way
     *         Debian treats as "no pattern match"
     */
    Optional<String> realpath(String cwd, String path);

    /**
     * realpath() inside {@code jail}, looking names up as {@code who}. A name that fails with
     * ENOENT (absent, or a symlink whose target is absent) and whose directory part resolves
     * becomes that directory, {@code /} and the last component: {@code //name} at the root,
     * {@code //} for the empty name, as Debian does. ENOTDIR, ELOOP and refused searches give empty.
     */
    static NameResolver in(Jail jail, UnixIdentity who) {
        return new JailRealpath(jail, who);
    }
}
