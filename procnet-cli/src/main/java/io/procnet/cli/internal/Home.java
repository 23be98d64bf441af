package io.procnet.cli.internal;

import io.procnet.rules.RuleFiles;
import java.nio.file.Path;

/**
 * The application's directory: the {@code procnet.home} property, which the launchers set to the
 * checkout, else the working directory. {@code procnet vendor} writes its {@code vendor} directory
 * there by default, and {@code serve} finds it there.
 */
final class Home {
    private Home() {
    }

    static Path directory() {
        String home = System.getProperty(RuleFiles.HOME_PROPERTY);
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }

    /** Where {@code procnet vendor} writes by default. */
    static Path vendorDirectory() {
        return directory().resolve("vendor");
    }
}
