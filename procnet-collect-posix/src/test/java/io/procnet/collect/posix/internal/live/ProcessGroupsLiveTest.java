package io.procnet.collect.posix.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.Edge;
import io.procnet.graph.Graph;
import io.procnet.graph.GraphOptions;
import io.procnet.graph.GroupNode;
import io.procnet.graph.NodeClassifier;
import io.procnet.graph.ProcessNode;
import io.procnet.graph.TopologyBuilder;
import io.procnet.model.Snapshot;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Process groups on real process trees that the test makes: a python3 parent with forked children
 * holding connections, and the postgres case, where the parent listens and each connection is
 * served by a child forked for it. Asserts on the test's own processes only.
 */
@EnabledOnOs(OS.LINUX)
class ProcessGroupsLiveTest {
    private static final long SELF = ProcessHandle.current().pid();

    private final List<Process> parents = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        parents.forEach(Process::destroy);
    }

    @Test
    void forkedChildrenHoldingConnectionsShareTheirParentsGroup() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // the parent connects too, so the snapshot knows it; then two children connect
            long[] pids = start(String.join("\n",
                    "import os, socket, sys, time",
                    "parent = os.getpid()",
                    "keep = [socket.create_connection(('127.0.0.1', " + server.getLocalPort() + "))]",
                    "children = []",
                    "for _ in range(2):",
                    "    pid = os.fork()",
                    "    if pid == 0:",
                    "        c = socket.create_connection(('127.0.0.1', " + server.getLocalPort() + "))",
                    childStays("        "),
                    "    children.append(pid)",
                    "print(parent, *children, flush=True)",
                    "sys.stdin.read()"));
            for (int i = 0; i < 3; i++) {
                sockets.add(server.accept());
            }
            Graph folded = graphs(true);
            Graph plain = graphs(false);

            String group = "group:" + pids[0];
            for (long pid : pids) {
                assertThat(((ProcessNode) plain.node("proc:" + pid)).group()).as("pid %d", pid).isEqualTo(group);
            }
            assertThat(((ProcessNode) plain.node("proc:" + SELF)).group()).isNotEqualTo(group);
            GroupNode node = (GroupNode) folded.node(group);
            assertThat(node.members()).extracting(member -> member.process().pid())
                    .containsExactlyElementsOf(Arrays.stream(pids).sorted().boxed().toList());
            assertThat(node.label()).startsWith("python3").endsWith("\u00d73");
            Edge edge = folded.edge("tcp:" + group + "->proc:" + SELF + ":" + server.getLocalPort());
            assertThat(edge.count()).isEqualTo(3);
        }
    }

    @Test
    void theListenerIsTheParentsAndTheConnectionsAreServedByItsChildren() throws Exception {
        // postgres: the postmaster listens, and forks a backend for every connection it accepts
        long[] pids = start(String.join("\n",
                "import os, socket, sys, time, threading",
                "parent = os.getpid()",
                "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()",
                "print(parent, s.getsockname()[1], flush=True)",
                "def serve():",
                "    while True:",
                "        c, _ = s.accept()",
                "        if os.fork() == 0:",
                "            s.close()",
                childStays("            "),
                "        c.close()",
                "threading.Thread(target=serve, daemon=True).start()",
                "sys.stdin.read()"));
        long postmaster = pids[0];
        int port = (int) pids[1];
        for (int i = 0; i < 3; i++) {
            sockets.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        Graph plain = awaitBackends(port, 3);
        Graph folded = graphs(true);

        List<ProcessNode> backends = plain.edges().stream()
                .filter(edge -> edge.from().equals("proc:" + SELF) && edge.serverPort() == port)
                .map(edge -> (ProcessNode) plain.node(edge.to())).toList();
        assertThat(backends).hasSize(3).allSatisfy(backend -> {
            assertThat(backend.process().parentPid()).isEqualTo(postmaster);
            assertThat(backend.group()).isEqualTo("group:" + postmaster);
        });
        Edge edge = folded.edge("tcp:proc:" + SELF + "->group:" + postmaster + ":" + port);
        assertThat(edge.count()).isEqualTo(3);
        assertThat(((GroupNode) folded.node("group:" + postmaster)).members()).hasSize(3);
    }

    /** Python lines, at {@code indent}, with which a child stays until its parent is gone. */
    private static String childStays(String indent) {
        return indent + "while os.getppid() == parent: time.sleep(0.2)\n" + indent + "os._exit(0)";
    }

    /** Starts a python3 parent; its first output line is read as numbers. */
    private long[] start(String script) throws IOException {
        Process parent = new ProcessBuilder("python3", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        parents.add(parent);
        String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(line).as("the python3 parent's first line").isNotNull();
        return Arrays.stream(line.strip().split(" ")).mapToLong(Long::parseLong).toArray();
    }

    /** A graph in which the backends forked for the {@code count} connections to {@code port} serve them. */
    private Graph awaitBackends(int port, int count) throws Exception {
        Graph graph = graphs(false);
        for (int attempt = 0; attempt < 50; attempt++) {
            long served = graph.edges().stream().filter(edge -> edge.from().equals("proc:" + SELF)
                    && edge.serverPort() == port && !edge.to().equals("proc:" + parents.get(0).pid())).count();
            if (served == count) {
                return graph;
            }
            Thread.sleep(100);
            graph = graphs(false);
        }
        return graph;
    }

    private static Graph graphs(boolean fold) throws Exception {
        try (ConnectionCollector collector = CollectorRegistry.discover().select()
                .create(CollectorOptions.defaults())) {
            Snapshot snapshot = collector.collect();
            return new TopologyBuilder(NodeClassifier.DEFAULT, GraphOptions.forThisHost().withFoldGroups(fold))
                    .build(snapshot);
        }
    }
}
