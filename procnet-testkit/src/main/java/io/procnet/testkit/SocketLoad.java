package io.procnet.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The loopback load of {@code shared/bench/socket_load.py} for the benchmarks: 20 servers and 100
 * clients (121 processes) holding a number of established connections, and a python3 helper that
 * opens or replaces 20 connections to the first server on demand. Closing stops both. For the
 * benchmarks of every module that measures on a real load (collectors, graph, server); needs
 * Linux and python3. Not thread-safe.
 */
public final class SocketLoad implements AutoCloseable {
    private final Process load;
    private final Process opener;
    private final BufferedReader openerOutput;

    private SocketLoad(Process load, Process opener) {
        this.load = load;
        this.opener = opener;
        this.openerOutput = new BufferedReader(new InputStreamReader(opener.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the load with {@code connections} connections and waits until it is ready. */
    public static SocketLoad start(Path script, int connections, String... extraArguments) throws IOException {
        String[] arguments = {"python3", script.toString(), "--servers", "20", "--clients", "100",
            "--conns-per-client", Integer.toString(connections / 100), "--udp", "50"};
        String[] command = java.util.Arrays.copyOf(arguments, arguments.length + extraArguments.length);
        System.arraycopy(extraArguments, 0, command, arguments.length, extraArguments.length);
        Process load = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith("ready")) {
            load.destroyForcibly();
            throw new IOException("socket_load.py did not get ready: " + line);
        }
        Process opener = new ProcessBuilder("python3", "-c", String.join("\n",
                "import socket, sys",
                "keep = []",
                "for line in sys.stdin:",
                "    if line.strip() == 'replace':",
                "        for old in keep[:20]: old.close()",
                "        keep = keep[20:]",
                "    keep += [socket.create_connection(('127.0.0.1', 20000)) for _ in range(20)]",
                "    print('ok', flush=True)")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new SocketLoad(load, opener);
    }

    /** Opens 20 more connections to the first server. */
    public void open() throws IOException {
        command("open");
    }

    /** Closes the 20 oldest of the connections opened here and opens 20 new ones (fd numbers reused). */
    public void replace() throws IOException {
        command("replace");
    }

    private void command(String command) throws IOException {
        OutputStream in = opener.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        in.flush();
        openerOutput.readLine();
    }

    @Override
    public void close() {
        opener.destroyForcibly();
        load.destroy();
        try {
            load.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
