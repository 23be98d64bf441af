package io.procnet.rules;

import io.procnet.rules.internal.SourceText;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds and reads rule files. Thread-safe. */
public final class RuleFiles {
    /** Rule files hold a few hundred rules at most; a bigger file is surely the wrong one. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private RuleFiles() {
    }

    /** The system property a launcher sets to the application's directory. */
    public static final String HOME_PROPERTY = "procnet.home";

    /**
     * The rule file a user named: an absolute path as it is, a relative one against the working
     * directory and then the directory of the application: the {@value #HOME_PROPERTY} property
     * when the launcher sets it, else the directory of the jar this class is in.
     *
     * @throws RuleFileException when no such file exists; the message lists every path tried
     */
    public static Path locate(String path) throws RuleFileException {
        List<Path> bases = new ArrayList<>();
        bases.add(Path.of("").toAbsolutePath());
        applicationDirectory().ifPresent(bases::add);
        return locate(path, bases);
    }

    /** {@link #locate(String)} with the directories to try a relative path against. */
    public static Path locate(String path, List<Path> bases) throws RuleFileException {
        Path given;
        try {
            given = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new RuleFileException(path, "not a valid path: " + e.getReason());
        }
        Set<Path> tried = new LinkedHashSet<>();
        if (given.isAbsolute()) {
            tried.add(given);
        } else {
            for (Path base : bases) {
                tried.add(base.resolve(given).normalize());
            }
        }
        for (Path candidate : tried) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new RuleFileException(path, "no such rule file (tried " + String.join(", ",
                tried.stream().map(Path::toString).toList()) + ")");
    }

    /** The {@value #HOME_PROPERTY} directory, or else the directory of the jar (or class directory) of this class. */
    static java.util.Optional<Path> applicationDirectory() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return java.util.Optional.of(Path.of(home).toAbsolutePath());
        }
        try {
            CodeSource code = RuleFiles.class.getProtectionDomain().getCodeSource();
            if (code == null || code.getLocation() == null) {
                return java.util.Optional.empty();
            }
            Path location = Path.of(code.getLocation().toURI());
            return java.util.Optional.ofNullable(Files.isDirectory(location) ? location : location.getParent());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The text of a rule file, UTF-8.
     *
     * @throws RuleFileException when it is missing, unreadable, a directory, too large or not UTF-8
     */
    static String read(Path file) throws RuleFileException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new RuleFileException(name, "is a directory, not a rule file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new RuleFileException(name, "is " + size + " bytes; a rule file may have at most " + MAX_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RuleFileException(name, "no such rule file");
        } catch (AccessDeniedException e) {
            throw new RuleFileException(name, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new RuleFileException(name, "cannot be read: " + e.getMessage());
        }
        return SourceText.decode(bytes, name);
    }
}
