package io.procnet.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Windows JVM under Wine, for the tests that run Procnet's Windows code for real: the Windows
 * JRE 17 that the {@code wine} Maven profiles unpack, in a Wine prefix of the module's own under
 * {@code target/}. Both come from system properties that those profiles set
 * ({@value #JRE_PROPERTY}, {@value #PREFIX_PROPERTY}); a test is enabled by the first.
 *
 * <p>Every process started here gets Wine's settings: that prefix, no debug output (which also
 * silences the Debian wrapper's hint that wine32 is missing), and no Mono or Gecko installers. The
 * prefix is kept between builds, since creating one takes 15 to 25 s; the processes of one test
 * class share its wineserver, which {@link #stopServer()} ends. Immutable and thread-safe.
 */
public final class WineJava {
    /** The system property naming the Windows JRE, the directory that holds {@code bin\java.exe}. */
    public static final String JRE_PROPERTY = "procnet.wine.jre";
    /** The system property naming the Wine prefix. */
    public static final String PREFIX_PROPERTY = "procnet.wine.prefix";
    /** How long creating the prefix or ending its wineserver may take: a fresh prefix takes 15 to 25 s. */
    private static final Duration WINE_TIMEOUT = Duration.ofSeconds(120);

    private final Path jre;
    private final Path prefix;

    private WineJava(Path jre, Path prefix) {
        this.jre = jre;
        this.prefix = prefix;
    }

    /** The JRE in {@code jre} (which must hold {@code bin/java.exe}), run in the prefix {@code prefix}. */
    public static WineJava of(Path jre, Path prefix) {
        Path absolute = jre.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute.resolve("bin").resolve("java.exe"))) {
            throw new IllegalArgumentException("no bin/java.exe in the Windows JRE '" + absolute + "'");
        }
        return new WineJava(absolute, prefix.toAbsolutePath().normalize());
    }

    /** The JRE and prefix that the {@code wine} Maven profile names in {@value #JRE_PROPERTY} and {@value #PREFIX_PROPERTY}. */
    public static WineJava fromSystemProperties() {
        return of(Path.of(property(JRE_PROPERTY)), Path.of(property(PREFIX_PROPERTY)));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: the wine Maven profile sets it"
                    + " where /usr/bin/wine exists");
        }
        return value;
    }

    /** The Windows {@code java.exe}, as a Linux path. */
    public Path javaExecutable() {
        return jre.resolve("bin").resolve("java.exe");
    }

    /** The Wine prefix. */
    public Path prefix() {
        return prefix;
    }

    /** {@code wine java.exe arguments...}, not yet started. */
    public ProcessBuilder java(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(javaExecutable().toString()));
        command.addAll(arguments);
        return wine(command);
    }

    /** {@code wine program arguments...}: a Windows program ({@code cmd}, a Linux path to an .exe), not yet started. */
    public ProcessBuilder wine(List<String> programAndArguments) {
        List<String> command = new ArrayList<>(List.of("wine"));
        command.addAll(programAndArguments);
        return withSettings(new ProcessBuilder(command));
    }

    /** {@code builder} with Wine's settings in its environment; for the Linux tools of Wine, such as wineserver. */
    public ProcessBuilder withSettings(ProcessBuilder builder) {
        builder.environment().put("WINEPREFIX", prefix.toString());
        builder.environment().put("WINEDEBUG", "-all");
        builder.environment().put("WINEDLLOVERRIDES", "mscoree,mshtml=");
        return builder;
    }

    /**
     * Creates the prefix unless it exists ({@code wineboot --init}) and returns how long that took:
     * zero when it existed. Wine would create it on the first run anyway, but then inside that
     * run's time limit, and with its notes about the new prefix on that run's standard error.
     */
    public Duration createPrefix() throws IOException, InterruptedException {
        if (Files.isRegularFile(prefix.resolve("system.reg"))) {
            return Duration.ZERO;
        }
        Files.createDirectories(prefix);
        long start = System.nanoTime();
        Finished wineboot = run(wine(List.of("wineboot", "--init")), WINE_TIMEOUT);
        if (wineboot.exitCode() != 0) {
            throw new IOException("wineboot --init in " + prefix + " failed: " + wineboot);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Ends the prefix's wineserver and every Windows process in it; waits a bounded time. */
    public void stopServer() throws IOException, InterruptedException {
        Process kill = withSettings(new ProcessBuilder("wineserver", "-k")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!kill.waitFor(WINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            kill.destroyForcibly();
        }
    }

    /**
     * Starts {@code builder}, waits at most {@code timeout} for it and returns what it printed. Its
     * streams go to files, not pipes: the wineserver and Windows services that a run may start
     * inherit them, and a pipe would stay open, and a reader blocked, as long as they live.
     *
     * @throws AssertionError when it has not ended in time (it is then killed); the message holds what it printed
     */
    public Finished run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        Path directory = Files.createDirectories(prefix.getParent());
        Path out = Files.createTempFile(directory, "wine-", ".out");
        Path err = Files.createTempFile(directory, "wine-", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Finished finished = new Finished(ended ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            if (!ended) {
                throw new AssertionError(builder.command() + " did not end within " + timeout.toSeconds() + " s; "
                        + finished);
            }
            return finished;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A Linux path as Wine's Windows side sees it: the Z: drive is the root. */
    public static String windowsPath(Path linuxPath) {
        return "Z:" + linuxPath.toAbsolutePath().normalize().toString().replace('/', '\\');
    }

    /**
     * What a finished process printed and returned.
     *
     * @param exitCode its exit code
     * @param out its standard output
     * @param err its standard error
     */
    public record Finished(int exitCode, String out, String err) {
        /** Fails fast on a missing stream. */
        public Finished {
            if (out == null || err == null) {
                throw new IllegalArgumentException("a finished process has both streams, even empty; got out=" + out
                        + ", err=" + err);
            }
        }

        /** The exit code and both streams, for assertion messages. */
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
