package dev.jvsftpd.pam.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * One logical line of a pam.d file (continuations joined, comment cut), read but not yet resolved.
 *
 * @param file     the file it is in
 * @param line     the physical line it starts on
 * @param kind     what the line does
 * @param service  the service field (pam.conf only), else null
 * @param type     the management group, or null when the type keyword is missing or wrong
 * @param silent   the type had a leading {@code -}: a missing module is not logged
 * @param actions  the compiled control field (for MODULE and MUST_FAIL)
 * @param target   the module path, or the file an include/substack/@include names; may be null
 * @param args     the module arguments
 * @param problem  what is wrong with the line, null when nothing is
 */
record ConfigLine(Path file, int line, Kind kind, String service, ModuleType type, boolean silent, int[] actions,
                  String target, List<String> args, String problem) {

    enum Kind { MODULE, MUST_FAIL, INCLUDE, SUBSTACK, AT_INCLUDE }

    String where() {
        return file + " line " + line;
    }
}
