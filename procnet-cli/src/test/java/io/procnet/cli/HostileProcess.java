package io.procnet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A python3 process whose name is hostile text, started through a symbolic link of that name to
 * python3 (Linux names a process after the file it ran), that listens on a loopback port and holds
 * a connection to it. Closing stops it.
 */
final class HostileProcess implements AutoCloseable {
    /** Quotes, brackets, braces, a pipe, an arrow, markup, a backslash: what breaks DOT and Mermaid. */
    static final String NAME = "evil\"q[b]{c}|d-->e<script>f\\g";

    private final Process process;
    private final int port;

    private HostileProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static HostileProcess start(Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve(NAME), Path.of(python3()));
        Process process = new ProcessBuilder(link.toString(), "-c", String.join("\n",
                "import socket, sys",
                "server = socket.socket()",
                "server.bind(('127.0.0.1', 0))",
                "server.listen(4)",
                "client = socket.create_connection(server.getsockname())",
                "accepted, _ = server.accept()",
                "print(server.getsockname()[1], flush=True)",
                "sys.stdin.read()"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the hostile process did not start");
        }
        return new HostileProcess(process, Integer.parseInt(line.strip()));
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** The python3 binary itself, not a wrapper such as pyenv's shim, which would run under the link's name. */
    private static String python3() throws IOException {
        Process probe = new ProcessBuilder("python3", "-c", "import os, sys; print(os.path.realpath(sys.executable))")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String path = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (path.isEmpty()) {
            throw new IOException("no python3 on the PATH");
        }
        return path;
    }
}
