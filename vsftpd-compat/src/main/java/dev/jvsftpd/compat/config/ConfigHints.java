package dev.jvsftpd.compat.config;

import java.util.Comparator;
import java.util.Locale;

/** What jvsftpd adds to vsftpd's terse config errors: the likely cause and the fix. */
final class ConfigHints {
    private ConfigHints() {
    }

    static String forUnknown(String name, Dialect dialect) {
        String trimmed = ValueSyntax.trimCSpace(name);
        if (!trimmed.equals(name) && Directives.lookup(trimmed, dialect).isPresent()) {
            return "'" + trimmed + "' has blanks around it; vsftpd takes every character before '=' as the name,"
                    + " so write '" + trimmed + "=value' with no spaces";
        }
        var otherDialect = Directives.lookupAnyDialect(name);
        if (otherDialect.isPresent()) {
            Dialect home = otherDialect.get().dialects().iterator().next();
            return "'" + name + "' exists only in vsftpd's " + home.displayName() + " build; this config is read as "
                    + dialect.displayName() + " (set " + Dialect.ENVIRONMENT_VARIABLE + "=" + home.displayName()
                    + " to read it as " + home.displayName() + ")";
        }
        if (name.startsWith("#") || name.startsWith(";")) {
            return "only a '#' in the first column starts a comment";
        }
        return closest(name, dialect)
                .map(d -> "unknown directive '" + name + "'; did you mean '" + d.name() + "'?")
                .orElse("unknown directive '" + name + "'");
    }

    static String forBadBool(String value) {
        String trimmed = ValueSyntax.trimCSpace(value);
        if (value.endsWith("\r")) {
            return "the line ends in CR: the file has DOS line endings (convert it with dos2unix)";
        }
        if (!trimmed.equals(value) && ValueSyntax.parseBool(trimmed) != null) {
            return "'" + value + "' has blanks around it; booleans must be exactly YES or NO (also TRUE/FALSE/1/0),"
                    + " and a '#' after a value is not a comment";
        }
        return "'" + value + "' is not a boolean; write YES or NO (also TRUE/FALSE/1/0)";
    }

    /** The nearest directive name by edit distance, when it is near enough to be a typo. */
    static java.util.Optional<Directive> closest(String name, Dialect dialect) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Directives.all().stream()
                .filter(d -> d.existsIn(dialect))
                .min(Comparator.comparingInt(d -> distance(lower, d.name())))
                .filter(d -> distance(lower, d.name()) <= Math.max(2, d.name().length() / 4));
    }

    /** Damerau-Levenshtein (optimal string alignment): a swap of two letters is one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
