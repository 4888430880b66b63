package dev.jvsftpd.compat.config;

import java.util.Locale;

/** The directive table as text for admins: every directive, its default here, and jvsftpd's support. */
public final class DirectiveReference {
    private DirectiveReference() {
    }

    /** One line per directive known to the dialect, tab-separated: name, type, default, support, meaning. */
    public static String render(Dialect dialect) {
        StringBuilder out = new StringBuilder("# vsftpd 3.0.3 directives as jvsftpd reads them (dialect ")
                .append(dialect.displayName()).append(")\n# name\ttype\tdefault\tjvsftpd\tmeaning\n");
        for (Directive directive : Directives.all()) {
            if (!directive.existsIn(dialect)) {
                continue;
            }
            String value = directive.defaultValue(dialect);
            out.append(directive.name()).append('\t')
                    .append(directive.type().name().toLowerCase(Locale.ROOT)).append('\t')
                    .append(value == null ? "(none)" : value).append('\t')
                    .append(directive.support().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append('\t')
                    .append(directive.meaning()).append('\n');
        }
        return out.toString();
    }
}
