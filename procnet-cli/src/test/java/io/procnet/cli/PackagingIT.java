package io.procnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@code procnet.jar} holds: every collector, JNA's natives, the icons, the licences, no module descriptor. */
class PackagingIT {
    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(ProcnetJar.JAR.toFile());
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void runsFromItsManifest() throws IOException {
        assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.procnet.cli.Main");
    }

    @Test
    void theServiceFileNamesEveryCollector() throws IOException {
        assertThat(text("META-INF/services/io.procnet.spi.CollectorProvider").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))).containsExactlyInAnyOrder(
                "io.procnet.collect.posix.internal.netlink.LinuxNetlinkProvider",
                "io.procnet.collect.posix.internal.procfs.LinuxProcfsProvider",
                "io.procnet.collect.posix.internal.ss.LinuxSsProvider",
                "io.procnet.collect.posix.internal.oshi.OshiProvider",
                "io.procnet.collect.windows.internal.WindowsIpHelperProvider");
        assertThat(text("META-INF/services/java.lang.System$LoggerFinder")).contains("org.slf4j");
    }

    @Test
    void keepsJnasNativesForWindowsLinuxAndMacos() {
        for (String library : List.of("com/sun/jna/win32-x86-64/jnidispatch.dll",
                "com/sun/jna/win32-aarch64/jnidispatch.dll", "com/sun/jna/linux-x86-64/libjnidispatch.so",
                "com/sun/jna/linux-aarch64/libjnidispatch.so", "com/sun/jna/darwin-x86-64/libjnidispatch.jnilib",
                "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib")) {
            assertThat(jar.getEntry(library)).as(library).isNotNull();
        }
    }

    @Test
    void holdsNoModuleDescriptorsOrSignatures() {
        assertThat(jar.stream().map(ZipEntry::getName))
                .noneMatch(name -> name.endsWith("module-info.class"))
                .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA)"));
    }

    @Test
    void carriesTheDefaultIconsAndVisNetwork() {
        for (String icon : List.of("app", "service", "database", "mq", "cache", "lb", "external", "qt_desktop",
                "listener")) {
            assertThat(jar.getEntry("io/procnet/server/icons/" + icon + ".png")).as(icon).isNotNull();
        }
        assertThat(jar.getEntry("META-INF/resources/webjars/vis-network/9.1.2/standalone/umd/vis-network.min.js"))
                .isNotNull();
    }

    @Test
    void carriesTheLicencesOfProcnetAndOfEveryLibraryItBundles() throws IOException {
        assertThat(text("META-INF/licenses/procnet/LICENSE")).startsWith("MIT License");
        assertThat(text("META-INF/licenses/vis-network/LICENSE-MIT")).contains("Permission is hereby granted");
        assertThat(text("META-INF/licenses/Apache-2.0.txt")).contains("Apache License", "Version 2.0");
        String listing = text("META-INF/licenses/THIRD-PARTY.txt");
        Path bundled = ProcnetJar.JAR.resolveSibling("bundled-dependencies.txt");
        Matcher artifact = Pattern.compile("^\\s*([\\w.-]+):([\\w.-]+):jar:", Pattern.MULTILINE)
                .matcher(Files.readString(bundled));
        int count = 0;
        while (artifact.find()) {
            String name = artifact.group(1) + ":" + artifact.group(2);
            Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " +(.+)$").matcher(listing);
            assertThat(line.find()).as("THIRD-PARTY.txt names " + name).isTrue();
            assertThat(licenceText(line.group(1), artifact.group(2))).as("the licence text of " + name).isTrue();
            count++;
        }
        assertThat(count).as("bundled libraries in " + bundled).isGreaterThan(20);
    }

    /** Whether the jar holds the text of the licence a THIRD-PARTY.txt line names for an artifact. */
    private static boolean licenceText(String licence, String artifactId) {
        Matcher named = Pattern.compile("\\(([\\w.-]+\\.txt)\\)").matcher(licence);
        if (named.find()) {
            return jar.getEntry("META-INF/licenses/" + named.group(1)) != null;
        }
        if (licence.startsWith("Apache-2.0")) {
            return jar.getEntry("META-INF/licenses/Apache-2.0.txt") != null;
        }
        return jar.stream().anyMatch(entry -> entry.getName().startsWith("META-INF/licenses/" + artifactId + "/")
                && !entry.isDirectory());
    }

    private static String text(String entry) throws IOException {
        ZipEntry found = jar.getEntry(entry);
        assertThat(found).as(entry).isNotNull();
        try (InputStream in = jar.getInputStream(found)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
