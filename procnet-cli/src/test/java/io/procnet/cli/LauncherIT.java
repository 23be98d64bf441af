package io.procnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./procnet} in a fresh copy of the checkout (its files as git sees them, no build output),
 * run from another directory: it builds the jar, runs it, passes its arguments on, and builds again
 * only when a source is newer than the jar.
 */
@EnabledOnOs(OS.LINUX)
class LauncherIT {
    private static final Path REPOSITORY = ProcnetJar.REPOSITORY;

    @Test
    void buildsTheJarWhenMissingOrOlderThanTheSourcesAndRunsItFromAnyDirectory(@TempDir Path temp) throws Exception {
        Path checkout = copyOfCheckout(temp.resolve("checkout"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Path launcher = checkout.resolve("procnet");
        assertThat(Files.exists(checkout.resolve("procnet-cli/target"))).isFalse();

        ProcnetJar.Result first = launch(elsewhere, launcher, "collectors");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.err()).contains("procnet: building " + checkout.resolve("procnet-cli/target/procnet.jar"));
        assertThat(first.out()).contains("* linux-netlink");
        assertThat(checkout.resolve("procnet-cli/target/procnet.jar")).isRegularFile();

        ProcnetJar.Result second = launch(elsewhere, launcher, "snapshot", "--format", "json", "--p2p-only");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.err()).doesNotContain("building");
        assertThat(second.out()).startsWith("{\"version\":");

        Path source = checkout.resolve("procnet-cli/src/main/java/io/procnet/cli/Main.java");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
        ProcnetJar.Result third = launch(elsewhere, launcher, "--bogus");
        assertThat(third.err()).contains("procnet: building").contains("unknown option '--bogus'");
        assertThat(third.exitCode()).as(third.toString()).isEqualTo(2); // the jar's exit code comes through
    }

    private static ProcnetJar.Result launch(Path directory, Path launcher, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("PROCNET_JAVA", ProcnetJar.javaExecutable());
        Process process = builder.start();
        var out = ProcnetJar.drain(process.getInputStream());
        var err = ProcnetJar.drain(process.getErrorStream());
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 10 minutes");
        }
        return new ProcnetJar.Result(process.exitValue(), out.join(), err.join());
    }

    /** The checkout's files that git tracks or would track, without any build output. */
    private static Path copyOfCheckout(Path target) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", REPOSITORY.toString(), "ls-files", "-z", "--cached", "--others",
                "--exclude-standard").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).isZero();
        for (String name : listing.split("\0")) {
            Path from = REPOSITORY.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(from)) {
                continue; // a file deleted but not yet committed
            }
            Path to = target.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return target;
    }
}
