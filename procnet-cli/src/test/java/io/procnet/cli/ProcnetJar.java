package io.procnet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The built {@code procnet.jar}, run as a user runs it: {@code java -jar}, in a child JVM, with the
 * launcher's memory flags. The jar's path comes from the build ({@code procnet.jar}), and so does
 * the checkout's ({@code procnet.repository}).
 */
final class ProcnetJar {
    static final Path JAR = Path.of(System.getProperty("procnet.jar", "target/procnet.jar")).toAbsolutePath();
    /** The checkout the jar was built from, with the launchers. */
    static final Path REPOSITORY = Path.of(System.getProperty("procnet.repository", "..")).toAbsolutePath().normalize();
    /** The launchers' memory flags, and the quick start a short run wants. */
    static final List<String> JVM_OPTIONS = List.of("-Xms16m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final long TIMEOUT_SECONDS = 60;

    private ProcnetJar() {
    }

    /** What a finished run printed and returned. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** The command line that runs the jar with {@code args}. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the jar to its end, at most a minute. */
    static Result run(String... args) throws IOException, InterruptedException {
        return run(null, args);
    }

    /** Runs the jar to its end in {@code directory} (the working directory when null). */
    static Result run(Path directory, String... args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("no jar at " + JAR + ": run mvn package first");
        }
        ProcessBuilder builder = new ProcessBuilder(command(args));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        return finish(builder.start());
    }

    /** Waits for {@code process} and collects both its streams. */
    static Result finish(Process process) throws InterruptedException {
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("procnet did not finish within " + TIMEOUT_SECONDS + " s; stderr so far: "
                    + err.getNow(""));
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        });
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
