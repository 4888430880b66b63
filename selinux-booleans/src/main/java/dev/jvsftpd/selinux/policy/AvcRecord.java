package dev.jvsftpd.selinux.policy;

import java.util.List;

/**
 * One AVC denial as the kernel would audit it: the denied permissions (in class order), source and target
 * context, class, the object's audit data, and whether the denial was only logged (permissive).
 * {@link #format} gives the exact {@code type=AVC} line.
 */
public record AvcRecord(List<Perm> perms, SecurityContext scontext, SecurityContext tcontext, ObjectClass tclass,
                        AuditData audit, boolean permissive, boolean printPermissive) {

    public AvcRecord {
        perms = List.copyOf(perms);
    }

    /** {@code { write add_name }} */
    public String permsText() {
        return tclass.format(perms);
    }

    /**
     * The audit.log line: {@code type=AVC msg=audit(SECONDS.MMM:SERIAL): avc:  denied  { perm } for  pid=PID
     * comm="vsftpd" ... scontext=... tcontext=... tclass=... permissive=0}. RHEL 7 kernels print no
     * {@code permissive=}.
     */
    public String format(long epochMillis, long serial, long pid) {
        return String.format("type=AVC msg=audit(%d.%03d:%d): avc:  denied  %s for  pid=%d comm=\"vsftpd\"%s"
                        + " scontext=%s tcontext=%s tclass=%s%s",
                epochMillis / 1000, epochMillis % 1000, serial, permsText(), pid, audit.format(), scontext, tcontext,
                tclass.policyName(), printPermissive ? " permissive=" + (permissive ? 1 : 0) : "");
    }
}
