package io.procnet.collect.posix.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procnet.model.Endpoint;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A listener in a network namespace of its own ({@code unshare -n}, as a container has), on the
 * same loopback port as a listener of ours: both are found, each tagged with its namespace.
 * Needs root.
 */
@EnabledOnOs(OS.LINUX)
class NamespaceLiveTest {

    @ParameterizedTest
    @ValueSource(strings = {"linux-netlink", "linux-procfs"})
    void findsSocketsOfOtherNetworkNamespaces(String id) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "unshare -n needs root");
        try (java.net.ServerSocket ours = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = ours.getLocalPort();
            Process contained = new ProcessBuilder("unshare", "-n", "python3", "-c", String.join("\n",
                    "import socket, sys",
                    "s = socket.socket(); s.bind(('127.0.0.1', " + port + ")); s.listen()",
                    "print('ready', flush=True)",
                    "sys.stdin.read()")).redirectErrorStream(true).start();
            try {
                String ready = new BufferedReader(new InputStreamReader(contained.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                assumeTrue("ready".equals(ready), "unshare -n failed here: " + ready);
                String namespace = Files.readSymbolicLink(Path.of("/proc/" + contained.pid() + "/ns/net")).toString();

                Snapshot snapshot;
                try (ConnectionCollector collector = CollectorRegistry.discover().select(id)
                        .create(CollectorOptions.defaults())) {
                    snapshot = collector.collect();
                }

                List<SocketEntry> listeners = snapshot.sockets().stream()
                        .filter(s -> s.local().equals(Endpoint.of("127.0.0.1", port)) && s.state() == SocketState.LISTEN)
                        .collect(Collectors.toList());
                assertThat(listeners).extracting(SocketEntry::pid, SocketEntry::namespace).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ProcessHandle.current().pid(), null),
                        org.assertj.core.groups.Tuple.tuple(contained.pid(), namespace));
                assertThat(namespace).startsWith("net:[");
            } finally {
                contained.getOutputStream().close();
                contained.waitFor();
            }
        }
    }
}
