package dev.jvsftpd.selinux.policy;

import java.util.Set;

/**
 * The type a file or directory gets when ftpd_t creates it (reference C.4, C.7): the parent directory's type,
 * except for the name-based transitions inside a home directory and files created in {@code /tmp}.
 */
public final class TypeTransitions {
    private TypeTransitions() {
    }

    private static final Set<String> AUDIO = Set.of("Audio", "Music");
    private static final Set<String> CERT = Set.of(".cert", ".pki", "certificates");
    private static final Set<String> TMP = Set.of("tmp", ".tmp");
    private static final Set<String> WEB = Set.of("public_html", "www", "web");

    public static String newObjectType(String parentType, String name, ObjectClass cls) {
        if (parentType.equals(Types.USER_HOME_DIR)) {
            if (cls == ObjectClass.DIR) {
                if (name.equals("bin")) {
                    return Types.HOME_BIN;
                }
                if (AUDIO.contains(name)) {
                    return Types.AUDIO_HOME;
                }
                if (CERT.contains(name)) {
                    return Types.HOME_CERT;
                }
                if (TMP.contains(name)) {
                    return Types.USER_TMP;
                }
                if (WEB.contains(name)) {
                    return Types.HTTPD_USER_CONTENT;
                }
            }
            return Types.USER_HOME;
        }
        if (parentType.equals(Types.TMP)) {
            return Types.FTPD_TMP;
        }
        return parentType;
    }

    /** The full context of a new object: ftpd_t's user, object_r, the transitioned type, the low level s0. */
    public static SecurityContext newObjectContext(SecurityContext parent, String name, ObjectClass cls) {
        return new SecurityContext(SecurityContext.FTPD.user(), "object_r",
                newObjectType(parent.type(), name, cls), "s0");
    }
}
