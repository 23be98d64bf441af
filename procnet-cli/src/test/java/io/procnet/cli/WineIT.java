package io.procnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procnet.testkit.WineJava;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The very same {@code procnet.jar} in a Windows JVM under Wine, and {@code procnet.cmd} in Wine's
 * {@code cmd}: there the Windows collector is the one chosen, and it sees the sockets of Linux
 * processes without their owners (Wine cannot name them). The {@code wine} Maven profile, active
 * where {@code /usr/bin/wine} exists, unpacks the Windows JRE and names it and the Wine prefix
 * (see {@link WineJava}); elsewhere this test is skipped. All runs share one prefix and its
 * wineserver.
 */
@EnabledIfSystemProperty(named = WineJava.JRE_PROPERTY, matches = ".+")
class WineIT {
    /** One run of the jar; the first after the prefix's creation takes the longest, about 10 s. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static WineJava wine;
    /** A listener that a Linux process, this test's JVM, holds. */
    private static ServerSocket linuxListener;

    @BeforeAll
    static void start() throws Exception {
        wine = WineJava.fromSystemProperties();
        wine.createPrefix();
        linuxListener = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (wine != null) {
                wine.stopServer();
            }
        } finally {
            if (linuxListener != null) {
                linuxListener.close();
            }
        }
    }

    @Test
    void collectorsChoosesTheWindowsCollectorAndListsAllFive() throws Exception {
        WineJava.Finished result = runJar("collectors");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertQuietStandardError(result);
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).as(result.toString()).contains("ID", "PRIORITY", "STATUS");
        assertThat(lines).as(result.toString())
                .anyMatch(line -> line.matches("\\* windows-iphlpapi +30 +available: .*"))
                .anyMatch(line -> line.matches("  linux-netlink +30 +unavailable: not Linux: Windows.*"))
                .anyMatch(line -> line.matches("  linux-procfs +20 +unavailable: not Linux: Windows.*"))
                .anyMatch(line -> line.matches("  linux-ss +10 +unavailable: not Linux: Windows.*"))
                .anyMatch(line -> line.matches("  oshi +5 +available: .*"));
        assertThat(lines).filteredOn(line -> line.startsWith("*")).hasSize(2); // the row and the footnote
    }

    @Test
    void jsonSnapshotNamesTheWindowsCollectorAndCountsTheLinuxListenerAsUnowned() throws Exception {
        WineJava.Finished result = runJar("snapshot", "--format", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertQuietStandardError(result);
        JsonNode graph = new ObjectMapper().readTree(result.out());
        assertThat(graph.get("collector").asText()).isEqualTo("windows-iphlpapi");
        assertThat(graph.get("host").get("os").asText()).startsWith("Windows");
        // a socket without owner draws nothing in the graph: the JSON only counts such sockets, among
        // them the Linux listener (the table below names it)
        JsonNode unowned = SnapshotIT.find(graph.get("issues"), "code", "unowned-sockets");
        assertThat(unowned).as("the unowned-sockets issue in " + result.out()).isNotNull();
        assertThat(unowned.get("count").asInt()).isPositive();
    }

    /** The table shows a Linux process's listener, without owner: Wine cannot name Linux owners. */
    @Test
    void tableListsTheLinuxListenerWithoutOwner() throws Exception {
        WineJava.Finished result = runJar("snapshot", "--format", "table");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertQuietStandardError(result);
        List<List<String>> rows = result.out().lines().map(line -> Arrays.asList(line.trim().split("\\s+"))).toList();
        assertThat(rows).as(result.toString()).anyMatch(row -> row.containsAll(
                List.of("PROCESS", "PID", "PROTO", "LOCAL", "REMOTE", "STATE", "REASON")));
        String local = "127.0.0.1:" + linuxListener.getLocalPort();
        List<List<String>> listener = rows.stream().filter(row -> row.contains(local) && row.contains("LISTEN")).toList();
        assertThat(listener).as("the row of " + local + " in " + result.out()).hasSize(1);
        assertThat(listener.get(0).subList(0, 2)).as("PROCESS and PID of " + listener.get(0)).containsExactly("-", "-");
    }

    @Test
    void launcherRunsTheJarAndPassesArgumentsAndTheExitCodeThrough(@TempDir Path temp) throws Exception {
        // a copy next to a copy of the jar, in a path with a space and parentheses, as under Program Files (x86)
        Path checkout = temp.resolve("procnet (x86)");
        Files.createDirectories(checkout.resolve("procnet-cli/target"));
        Files.copy(ProcnetJar.REPOSITORY.resolve("procnet.cmd"), checkout.resolve("procnet.cmd"));
        Files.copy(ProcnetJar.JAR, checkout.resolve("procnet-cli/target/procnet.jar"));

        WineJava.Finished collectors = runLauncher(checkout, "collectors");
        assertThat(collectors.exitCode()).as(collectors.toString()).isZero();
        assertQuietStandardError(collectors); // Wine has no PowerShell: no build, the jar as it is
        assertThat(collectors.out()).as(collectors.toString()).containsPattern("(?m)^\\* windows-iphlpapi +30 +available");

        WineJava.Finished bogus = runLauncher(checkout, "snapshot", "--bogus");
        assertThat(bogus.err()).as(bogus.toString())
                .isEqualToNormalizingNewlines("procnet: unknown option '--bogus' (see 'procnet snapshot --help')\n");
        assertThat(bogus.exitCode()).as(bogus.toString()).isEqualTo(2); // the jar's exit code comes through
    }

    @Test
    void launcherWithoutJarOrMavenSaysTheBuildFailed(@TempDir Path temp) throws Exception {
        Path checkout = Files.createDirectories(temp.resolve("procnet (x86)"));
        Files.copy(ProcnetJar.REPOSITORY.resolve("procnet.cmd"), checkout.resolve("procnet.cmd"));

        WineJava.Finished result = runLauncher(checkout, "collectors"); // Wine's PATH has no mvn
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).as(result.toString())
                .contains("procnet: building " + WineJava.windowsPath(checkout.resolve("procnet-cli/target/procnet.jar")))
                .contains("procnet: the build failed; 'mvn -B -pl procnet-cli -am package' in "
                        + WineJava.windowsPath(checkout) + " shows why");
        assertThat(result.out()).isEmpty();
    }

    private static WineJava.Finished runJar(String... args) throws Exception {
        List<String> arguments = new ArrayList<>(ProcnetJar.JVM_OPTIONS);
        arguments.addAll(List.of("-jar", WineJava.windowsPath(ProcnetJar.JAR)));
        arguments.addAll(List.of(args));
        return wine.run(wine.java(arguments), TIMEOUT);
    }

    /** {@code cmd /c procnet.cmd args} in {@code checkout}, with the Windows JRE as PROCNET_JAVA. */
    private static WineJava.Finished runLauncher(Path checkout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("cmd", "/c", "procnet.cmd"));
        command.addAll(List.of(args));
        ProcessBuilder builder = wine.wine(command).directory(checkout.toFile());
        builder.environment().put("PROCNET_JAVA", WineJava.windowsPath(wine.javaExecutable()));
        return wine.run(builder, TIMEOUT);
    }

    /** Nothing on standard error but Wine's own notes (a prefix updated after a Wine upgrade): no warning, no trace. */
    private static void assertQuietStandardError(WineJava.Finished result) {
        assertThat(result.err().lines().filter(line -> !line.startsWith("wine: ")).toList()).as(result.toString())
                .isEmpty();
    }
}
