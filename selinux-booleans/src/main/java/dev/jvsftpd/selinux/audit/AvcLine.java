package dev.jvsftpd.selinux.audit;

import dev.jvsftpd.selinux.policy.ObjectClass;
import dev.jvsftpd.selinux.policy.Perm;
import dev.jvsftpd.selinux.policy.SecurityContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AVC denial parsed back from a log line, auditd's ({@code type=AVC msg=audit(...): avc: ...}) or the
 * kernel log's ({@code audit: type=1400 ...}): what audit2why needs.
 */
public record AvcLine(String raw, List<String> perms, SecurityContext scontext, SecurityContext tcontext,
                      String tclass, boolean denied) {

    private static final Pattern AVC = Pattern.compile("avc:\\s+(denied|granted)\\s+\\{([^}]*)}");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

    public static Optional<AvcLine> parse(String line) {
        Matcher m = AVC.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> perms = new ArrayList<>(List.of(m.group(2).strip().split("\\s+")));
        Map<String, String> fields = new HashMap<>();
        Matcher f = FIELD.matcher(line.substring(m.end()));
        while (f.find()) {
            fields.putIfAbsent(f.group(1), f.group(2));
        }
        if (!fields.containsKey("scontext") || !fields.containsKey("tcontext") || !fields.containsKey("tclass")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AvcLine(line, perms, SecurityContext.parse(fields.get("scontext")),
                    SecurityContext.parse(fields.get("tcontext")), fields.get("tclass"), m.group(1).equals("denied")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The class and permissions as the policy model knows them, if it does. */
    Optional<ObjectClass> objectClass() {
        try {
            return Optional.of(ObjectClass.parse(tclass));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<List<Perm>> policyPerms() {
        try {
            return Optional.of(perms.stream().map(Perm::parse).toList());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
