package dev.jvsftpd.tcpwrappers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Runs the shell commands of the spawn, aclexec and twist options ({@code /bin/sh -c}). */
public interface ShellRunner {

    /**
     * spawn and aclexec: run with standard input, output and error on /dev/null and wait for it.
     *
     * @param environment variables to add to the inherited environment (the rule's setenv options)
     * @return the exit status
     */
    int run(String command, Map<String, String> environment) throws IOException;

    /**
     * twist: run with standard output and error going to the client, wait for it.
     *
     * @return the exit status
     */
    int runAttached(String command, Map<String, String> environment, OutputStream toClient) throws IOException;
}
