package io.procnet.collect.posix.internal.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads files of {@code /proc} and {@code /sys}. Not {@code Files.readAllBytes}: those files
 * report size 0, and for sysctl files JDK 17 then returns only the first byte.
 */
public final class ProcFiles {
    private ProcFiles() {
    }

    public static byte[] readBytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }

    /** The file as text; procfs text is ASCII, except names and command lines, which are bytes as given. */
    public static String read(Path file) throws IOException {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }
}
