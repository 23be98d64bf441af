package io.procnet.cli.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Directory options, checked before anything starts. */
final class Directories {
    private Directories() {
    }

    /** The directory {@code value} names, or null when the option was not given. */
    static Path existing(String option, String value) throws UsageException {
        if (value == null) {
            return null;
        }
        Path dir = path(option, value);
        if (!Files.exists(dir)) {
            throw new UsageException(option + " '" + value + "': no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException(option + " '" + value + "': not a directory");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** A file to write, absolute, refused when its directory does not exist or it is a directory. */
    static Path newFile(String option, String value) throws UsageException {
        Path file = path(option, value).toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " '" + value + "': a directory, not a file");
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new UsageException(option + " '" + value + "': no such directory " + file.getParent());
        }
        return file;
    }

    /** {@code value} as a path, refused when the file system cannot name it. */
    static Path path(String option, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " '" + value + "': not a valid path (" + e.getReason() + ")", e);
        }
    }
}
