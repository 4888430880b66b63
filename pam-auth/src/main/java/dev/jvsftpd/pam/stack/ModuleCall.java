package dev.jvsftpd.pam.stack;

import java.util.List;

/** One call of a module: the transaction it works on, its arguments, and the caller's flags. */
record ModuleCall(Transaction tx, List<String> args, int flags) {

    boolean has(String arg) {
        return args.contains(arg);
    }

    /** The value of the first {@code name=value} argument, or null. */
    String value(String name) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return null;
    }
}
