package dev.jvsftpd.compat;

import dev.jvsftpd.compat.config.Dialect;
import dev.jvsftpd.compat.config.DirectiveReference;
import dev.jvsftpd.compat.config.LaunchArguments;
import dev.jvsftpd.compat.config.LaunchArguments.Launch;
import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.ftp.SessionServices;
import dev.jvsftpd.compat.unix.UnixAccount;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code jvsftpd [config-file]... [-oname=value]... [-v]}: vsftpd's command line, in the
 * foreground. Config errors print vsftpd's {@code 500 OOPS} line plus where and why, exit 2.
 */
public final class Jvsftpd {
    static final int EXIT_OOPS = 2;

    private Jvsftpd() {
    }

    public static void main(String[] args) {
        int status = run(List.of(args), System.getenv(Dialect.ENVIRONMENT_VARIABLE), System.out, System.err);
        System.exit(status);
    }

    /** Runs until the JVM is asked to stop; returns the exit status when it cannot start. */
    static int run(List<String> args, String dialectSetting, PrintStream out, PrintStream err) {
        try {
            Dialect dialect = Dialect.fromEnvironment(dialectSetting);
            UnixAccount launchingUser = HostServices.launchingUser();
            Launch launch = LaunchArguments.parse(args, dialect, launchingUser.uid());
            switch (launch.action()) {
                case PRINT_VERSION -> {
                    out.println("jvsftpd: version " + HostServices.version() + " (vsftpd 3.0.3 compatible)");
                    return 0;
                }
                case PRINT_HELP -> {
                    out.print(usage(dialect));
                    return 0;
                }
                case PRINT_DIRECTIVES -> {
                    out.print(DirectiveReference.render(dialect));
                    return 0;
                }
                default -> {
                    // serve below
                }
            }
            SessionServices services = HostServices.forConfig(launch.config());
            VsftpdServer server = VsftpdServer.create(launch.config(), services, launchingUser.uid() == 0);
            server.start();
            server.logStartup(launch.configFiles());
            reloadOnHangup(server, launch.configFiles(), launchingUser.uid());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                stopped.countDown();
                // SIGTERM is how systemd stops us: a clean stop, so exit 0 rather than the JVM's 143
                Runtime.getRuntime().halt(0);
            }, "jvsftpd-shutdown"));
            stopped.await();
            return 0;
        } catch (OopsException e) {
            err.println(e.oopsLine());
            e.detail().ifPresent(detail -> err.println("jvsftpd: " + detail));
            return EXIT_OOPS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }


    /** SIGHUP re-reads the last config file for new sessions, as vsftpd does; without a file there is nothing to read. */
    private static void reloadOnHangup(VsftpdServer server, List<Path> configFiles, long ownerUid) {
        if (!configFiles.isEmpty()) {
            Path last = configFiles.get(configFiles.size() - 1);
            Signal.handle(new Signal("HUP"), signal -> server.reload(last, ownerUid));
        }
    }

    private static String usage(Dialect dialect) {
        return """
                usage: jvsftpd [config-file]... [-oname=value]... [-v]
                  config-file     a vsftpd.conf; several are read in order (default: %s, read
                                  after every -o when no file is named, as vsftpd does)
                  -oname=value    one directive, applied where it stands among the files
                  -v              print the version and exit
                  --directives    list every directive: type, default, whether jvsftpd acts on it
                environment:
                  %s=debian|upstream|rhel   which vsftpd 3.0.3 build to behave as (default debian)
                """.formatted(dialect.defaultConfigFile(), Dialect.ENVIRONMENT_VARIABLE);
    }
}
