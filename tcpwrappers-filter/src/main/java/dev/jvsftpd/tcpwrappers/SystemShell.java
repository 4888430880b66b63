package dev.jvsftpd.tcpwrappers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /bin/sh -c COMMAND} as libwrap runs it. libwrap waits for the command however long it
 * takes; here that blocks a server thread, so a limit can be set, after which the command is
 * killed and counts as failed (exit status -1).
 */
public final class SystemShell implements ShellRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SystemShell.class);
    private static final File DEV_NULL = new File("/dev/null");

    private final Duration limit;

    /** Waits as long as the command runs, as libwrap does. */
    public SystemShell() {
        this(null);
    }

    /** @param limit how long to wait before killing the command; null waits forever */
    public SystemShell(Duration limit) {
        this.limit = limit;
    }

    @Override
    public int run(String command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = shell(command, environment)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        return await(builder.start(), command);
    }

    @Override
    public int runAttached(String command, Map<String, String> environment, OutputStream toClient) throws IOException {
        Process process = shell(command, environment).redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            out.transferTo(toClient);
        }
        toClient.flush();
        return await(process, command);
    }

    private static ProcessBuilder shell(String command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).redirectInput(DEV_NULL);
        builder.environment().putAll(environment);
        return builder;
    }

    private int await(Process process, String command) {
        try {
            if (limit == null) {
                return process.waitFor();
            }
            if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            LOG.warn("command still running after {}, killed: {}", limit, command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return -1;
    }
}
