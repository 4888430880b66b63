package dev.jvsftpd.selinux.cli;

import dev.jvsftpd.selinux.policy.EnforceMode;
import dev.jvsftpd.selinux.policy.SeBoolean;
import dev.jvsftpd.selinux.state.BooleanState;
import dev.jvsftpd.selinux.state.EmulatedStore;
import dev.jvsftpd.selinux.state.HostSelinux;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** getsebool and setsebool with libselinux's and policycoreutils' texts and exit codes. */
final class Booleans {
    private Booleans() {
    }

    static int getsebool(SelinuxCli.Context c, String[] args) {
        boolean all = args.length > 0 && args[0].equals("-a");
        if (all && args.length > 1) {
            return usage(c);
        }
        for (String a : args) {
            if (a.startsWith("-") && !a.equals("-a")) {
                return usage(c);
            }
        }
        if (c.mode() == EnforceMode.DISABLED) {
            c.err().println("getsebool:  SELinux is disabled");
            return 1;
        }
        if (!all && args.length == 0) {
            return usage(c);
        }
        if (all) {
            // on a real host every boolean of its policy, in the emulation the ones it defines
            List<BooleanState> list = c.backend().orElseThrow() instanceof HostSelinux host ? host.allBooleans()
                    : c.backend().orElseThrow().booleans();
            if (list.isEmpty()) {
                c.out().println("No booleans");
                return 0;
            }
            list.forEach(b -> c.out().println(line(b.name(), b)));
            return 0;
        }
        for (String name : args) {
            Optional<BooleanState> b = c.backend().orElseThrow().bool(name);
            if (b.isEmpty()) {
                c.err().println("Error getting active value for " + name);
                return 255;
            }
            // getsebool prints selinux_boolean_sub(name): an old alias shows as the current name
            c.out().println(line(substitute(c, name), b.get()));
        }
        return 0;
    }

    private static String substitute(SelinuxCli.Context c, String name) {
        if (c.backend().orElseThrow() instanceof HostSelinux host) {
            return host.substitute(name);
        }
        return c.backend().orElseThrow().catalog().substitute(name);
    }

    static String line(String name, BooleanState b) {
        String active = b.active() ? "on" : "off";
        return b.pending() != b.active() ? name + " --> " + active + " pending: " + (b.pending() ? "on" : "off")
                : name + " --> " + active;
    }

    private static int usage(SelinuxCli.Context c) {
        c.err().println("usage:  getsebool -a or getsebool boolean...");
        return 1;
    }

    static int setsebool(SelinuxCli.Context c, String[] args) {
        boolean persistent = false;
        int i = 0;
        if (args.length < 1) {
            return setUsage(c);
        }
        for (; i < args.length && args[i].startsWith("-") && args[i].length() > 1; i++) {
            for (char f : args[i].substring(1).toCharArray()) {
                switch (f) {
                    case 'P' -> persistent = true;
                    case 'N', 'V' -> {
                        // no reload / verbose: nothing to reload or report in the emulation
                    }
                    default -> {
                        return setUsage(c);
                    }
                }
            }
        }
        if (args.length - i < 1) {
            c.err().println("Error: boolean name required");
            return setUsage(c);
        }
        List<String> expressions = new ArrayList<>();
        if (!args[i].contains("=")) {
            if (args.length - i != 2) {
                return setUsage(c);
            }
            expressions.add(args[i] + "=" + args[i + 1]);
        } else {
            for (int j = i; j < args.length; j++) {
                expressions.add(args[j]);
            }
        }
        Map<String, Boolean> typed = new LinkedHashMap<>();
        for (String e : expressions) {
            int eq = e.indexOf('=');
            if (eq < 0) {
                c.err().println("setsebool: '=' not found in boolean expression " + e);
                return 255;
            }
            String name = e.substring(0, eq);
            String value = e.substring(eq + 1);
            Boolean v = parseValue(value);
            if (v == null) {
                c.err().println("setsebool: illegal value " + value + " for boolean " + name);
                return 255;
            }
            typed.put(name, v);
        }
        Optional<EmulatedStore> store = c.store("setsebool");
        if (store.isEmpty()) {
            return 255;
        }
        Map<String, Boolean> canonical = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> e : typed.entrySet()) {
            Optional<SeBoolean> b = store.get().catalog().find(e.getKey());
            if (b.isEmpty()) {
                // the whole list is one transaction: nothing changes
                c.err().println(persistent ? "Boolean " + e.getKey() + " is not defined"
                        : "Could not change active booleans: Invalid boolean");
                return 255;
            }
            canonical.put(b.get().name(), e.getValue());
        }
        if (!persistent && c.mode() == EnforceMode.DISABLED) {
            // no selinuxfs: libselinux fails with ENOENT
            c.err().println("Could not change active booleans: Invalid boolean");
            return 255;
        }
        store.get().setBooleans(canonical, persistent);
        return 0;
    }

    /** 1/0 or true/false/on/off, case-insensitive words. */
    static Boolean parseValue(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        if (v.equals("1") || l.equals("true") || l.equals("on")) {
            return Boolean.TRUE;
        }
        if (v.equals("0") || l.equals("false") || l.equals("off")) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static int setUsage(SelinuxCli.Context c) {
        c.err().print("\nUsage:  setsebool [ -NPV ] boolean value | bool1=val1 bool2=val2...\n\n");
        return 1;
    }
}
