package dev.jvsftpd.pam.stack;

import java.util.List;

/**
 * One entry of a loaded stack for one management group: a module to call, a line that must fail, or
 * the marker where a substack begins. {@code level} is the substack depth (0 at the top).
 */
record Handler(Kind kind, int level, int[] actions, String modulePath, List<String> args, ConfigLine source) {

    enum Kind { MODULE, MUST_FAIL, SUBSTACK }

    /** The module's name as libpam logs it: the file name without directory and extension. */
    String moduleName() {
        if (modulePath == null) {
            return "<unknown module>";
        }
        String base = modulePath.substring(modulePath.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot >= 0 ? base.substring(0, dot) : base;
    }

    String describe() {
        String what = kind == Kind.MODULE ? moduleName() : kind == Kind.SUBSTACK ? "substack" : "must-fail line";
        return source.where() + " (" + what + ")";
    }
}
