package io.procnet.collect.windows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.testkit.WineJava;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The collector for real, in a Windows JVM (the JRE 17 of sonar-scanner-cli's Windows
 * distribution) under Wine. The {@code wine} Maven profile, active where {@code /usr/bin/wine}
 * exists, unpacks that JRE and JNA's Windows library and sets the properties this test needs.
 */
@Tag("wine")
@EnabledIfSystemProperty(named = "procnet.wine.jre", matches = ".+")
class WineLiveTest {
    /** A Linux-side server and client, on fixed ports outside the Linux ephemeral range (32768-60999). */
    static final int LINUX_SERVER_PORT = 61021;
    static final int LINUX_CLIENT_PORT = 61022;
    /** A Linux-side server whose side of a connection it closed first waits in TIME_WAIT. */
    static final int LINUX_TIME_WAIT_PORT = 61023;
    static final long TIMEOUT_SECONDS = 120;

    @Test
    void collectsTheSocketsProcessesAndServicesOfARealWindowsJvm() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        List<String[]> lines;
        int timeWaitPeer = closeIntoTimeWait(loopback);
        try (ServerSocket server = new ServerSocket(LINUX_SERVER_PORT, 8, loopback); Socket client = new Socket()) {
            client.bind(new InetSocketAddress(loopback, LINUX_CLIENT_PORT));
            client.connect(new InetSocketAddress(loopback, LINUX_SERVER_PORT));
            try (Socket accepted = server.accept()) {
                assertThat(accepted.isConnected()).isTrue();
                lines = runProbe();
            }
        }
        Map<String, List<String[]>> byKind = lines.stream().collect(Collectors.groupingBy(line -> line[0]));
        long self = Long.parseLong(byKind.get("self").get(0)[1]);
        List<String> sockets = byKind.getOrDefault("socket", List.of()).stream()
                .map(line -> String.join(" ", Arrays.copyOfRange(line, 1, line.length))).toList();

        // the Linux side: Wine reports pid 0 for sockets of Linux processes, which is no owner (-1)
        assertThat(sockets).contains("TCP 127.0.0.1:61021 null LISTEN -1",
                "TCP 127.0.0.1:61022 127.0.0.1:61021 ESTABLISHED -1");
        // the Windows JVM's own connection; Debian's Wine 8 keeps Windows sockets in wineserver,
        // so its table gives them pid 0 too (newer Wine asks the server for the owner)
        assertThat(sockets).anyMatch(socket -> socket.equals("TCP 127.0.0.1:61012 127.0.0.1:61011 ESTABLISHED " + self)
                || socket.equals("TCP 127.0.0.1:61012 127.0.0.1:61011 ESTABLISHED -1"));
        assertThat(sockets).anyMatch(socket -> socket.startsWith("TCP 127.0.0.1:61011 null LISTEN "));
        assertThat(sockets).contains("TCP 127.0.0.1:" + LINUX_TIME_WAIT_PORT + " 127.0.0.1:" + timeWaitPeer + " TIME_WAIT -1");
        // no "System Idle" process for the rows without owner, and the snapshot counts them but
        // not the TIME_WAIT rows
        assertThat(byKind.getOrDefault("process", List.of())).noneMatch(line -> line[1].equals("0"));
        long unowned = sockets.stream().filter(socket -> socket.endsWith(" -1") && !socket.contains(" TIME_WAIT ")).count();
        assertThat(unowned).isLessThan(sockets.size());
        assertThat(byKind.get("issue")).extracting(line -> line[1])
                .contains((unowned == 1 ? "1 socket" : unowned + " sockets") + " without owner: Windows names no process for them"
                        + " (connections still closing after their process let go of them)");

        String[] process = byKind.get("selfprocess").get(0);
        assertThat(Long.parseLong(process[1])).isEqualTo(self);
        assertThat(process[2]).isEqualToIgnoringCase("java.exe");
        assertThat(process[3].toLowerCase()).endsWith("\\bin\\java.exe");
        assertThat(process[4]).contains("WineProbe");
        assertThat(process[5]).isNotEqualTo("null"); // the creation time
        assertThat(process[6]).isNotEqualTo("null").contains("\\"); // domain and user, from the process token
        assertThat(Long.parseLong(process[7])).isNotNegative(); // its parent: whatever Wine started it from

        // a process the probe started has the probe as its parent
        String[] child = byKind.get("child").get(0);
        assertThat(child[2]).isEqualToIgnoringCase("cmd.exe");
        assertThat(Long.parseLong(child[3])).as("the parent of child " + child[1]).isEqualTo(self);

        // Wine's own services: a fresh prefix always runs Plug and Play and its device hosts; service
        // names are case-insensitive (Wine says Eventlog in one run and EventLog in another)
        String services = byKind.getOrDefault("services", List.of()).stream().map(line -> line[2])
                .collect(Collectors.joining(",")).toLowerCase(java.util.Locale.ROOT);
        assertThat(services).contains("plugplay", "winedevice");
    }

    /** Opens a connection and closes the server's side first, which leaves it in TIME_WAIT; returns the client's port. */
    private static int closeIntoTimeWait(InetAddress loopback) throws IOException {
        try (ServerSocket server = new ServerSocket(LINUX_TIME_WAIT_PORT, 8, loopback);
             Socket client = new Socket(loopback, LINUX_TIME_WAIT_PORT)) {
            server.accept().close(); // the active close: this side waits in TIME_WAIT once the client closes too
            return client.getLocalPort();
        }
    }

    private static List<String[]> runProbe() throws IOException, InterruptedException {
        WineJava wine = WineJava.fromSystemProperties();
        wine.createPrefix();
        Path jna = Path.of(System.getProperty("procnet.wine.jna"));
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("junit") && !entry.contains("assertj") && !entry.contains("opentest4j")
                        && !entry.contains("byte-buddy") && !entry.contains("apiguardian"))
                .map(entry -> WineJava.windowsPath(Path.of(entry))).collect(Collectors.joining(";"));
        try {
            WineJava.Finished probe = wine.run(wine.java(List.of("-Djna.boot.library.path=" + WineJava.windowsPath(jna),
                    "-Djava.net.preferIPv4Stack=true", "-cp", classPath, WineProbe.class.getName())),
                    Duration.ofSeconds(TIMEOUT_SECONDS));
            assertThat(probe.exitCode()).as(probe.toString()).isZero();
            return probe.out().lines().map(line -> line.split("\t", -1)).filter(parts -> parts.length > 1).toList();
        } finally {
            wine.stopServer();
        }
    }
}
