package dev.jvsftpd.selinux.policy;

import java.util.Arrays;
import java.util.Optional;

/** The file type field of a file context spec: the spec's flag, semanage's -f letter, and semanage -l's name. */
public enum FileKind {
    ALL("", "a", "all files"),
    FILE("--", "f", "regular file"),
    DIR("-d", "d", "directory"),
    CHAR("-c", "c", "character device"),
    BLOCK("-b", "b", "block device"),
    SOCKET("-s", "s", "socket"),
    LINK("-l", "l", "symbolic link"),
    PIPE("-p", "p", "named pipe");

    private final String flag;
    private final String option;
    private final String listName;

    FileKind(String flag, String option, String listName) {
        this.flag = flag;
        this.option = option;
        this.listName = listName;
    }

    /** {@code --}, {@code -d}, … as in file_contexts; empty for all files. */
    public String flag() {
        return flag;
    }

    public String option() {
        return option;
    }

    public String listName() {
        return listName;
    }

    /** semanage's {@code -f} value: a letter, a spec flag or the long name. */
    public static Optional<FileKind> parseOption(String value) {
        return Arrays.stream(values())
                .filter(k -> k.option.equals(value) || k.flag.equals(value) || k.listName.equals(value))
                .findFirst();
    }

    /** Whether a spec of this kind applies to an object of the given kind; ALL for an unknown object kind. */
    public boolean covers(FileKind object) {
        return this == ALL || object == ALL || this == object;
    }

    /** The kind of an object of a policy class. */
    public static FileKind of(ObjectClass cls) {
        return switch (cls) {
            case DIR -> DIR;
            case LNK_FILE -> LINK;
            default -> FILE;
        };
    }
}
