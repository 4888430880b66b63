package dev.jvsftpd.selinux.cli;

import dev.jvsftpd.selinux.state.SelinuxSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs jvsftpd-selinux in-process and captures what it prints. */
public final class Cli {
    private final SelinuxSettings settings;

    public Cli(SelinuxSettings settings) {
        this.settings = settings;
    }

    public record Result(int rc, String out, String err) {
    }

    public Result run(String... args) {
        return runWithInput("", args);
    }

    public Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = SelinuxCli.run(args, settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs and insists on exit status 0. */
    public String ok(String... args) {
        Result r = run(args);
        if (r.rc() != 0) {
            throw new AssertionError(String.join(" ", args) + " -> " + r);
        }
        return r.out();
    }
}
