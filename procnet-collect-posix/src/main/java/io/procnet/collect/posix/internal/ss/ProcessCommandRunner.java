package io.procnet.collect.posix.internal.ss;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands as child processes, each bounded in time. */
public final class ProcessCommandRunner implements CommandRunner {
    /** ss on 50k sockets takes about 5 s here; a command that takes longer than this is stuck. */
    private static final long TIMEOUT_SECONDS = 60;
    /**
     * ss prints about 200 bytes a socket with {@code -i}, so 1M sockets is 200 MiB: output beyond
     * this is not a socket table but a command gone wrong, and is refused rather than read.
     */
    static final long MAX_OUTPUT_BYTES = 256L * 1024 * 1024;

    private final long maxOutputBytes;

    public ProcessCommandRunner() {
        this(MAX_OUTPUT_BYTES);
    }

    /** A runner that refuses output longer than {@code maxOutputBytes} (tests use a small bound). */
    ProcessCommandRunner(long maxOutputBytes) {
        this.maxOutputBytes = maxOutputBytes;
    }

    /**
     * The output goes to a temporary file rather than a pipe, so that waiting is bounded even when
     * the command hangs with its output open.
     */
    @Override
    public String run(List<String> command) throws IOException {
        Path output = Files.createTempFile("procnet-", ".out");
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
            }
            long size = Files.size(output);
            if (size > maxOutputBytes) {
                throw new IOException(String.join(" ", command) + " printed " + size + " bytes, more than the "
                        + maxOutputBytes + " a socket table can take");
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
