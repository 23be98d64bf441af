package io.procnet.graph;

import static io.procnet.graph.Sockets.T0;
import static io.procnet.graph.Sockets.est;
import static io.procnet.graph.Sockets.listen;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.ProcessInfo;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Process groups: the topmost ancestor that runs the same program, and group nodes that fold them. */
class ProcessGroupsTest {
    private static final GraphOptions TCP = new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of());
    private static final String POSTGRES = "/usr/lib/postgresql/15/bin/postgres";
    private static final String PYTHON = "/usr/bin/python3.11";

    static Stream<Arguments> groups() {
        return Stream.of(
                Arguments.of("postgres backends share their postmaster's group",
                        List.of(process(100, 1, "postgres", POSTGRES, 0), process(101, 100, "postgres", POSTGRES, 5),
                                process(102, 100, "postgres", POSTGRES, 6), process(1, 0, "systemd", "/usr/lib/systemd/systemd", 0)),
                        Map.of(100L, "group:100", 101L, "group:100", 102L, "group:100", 1L, "group:1")),
                Arguments.of("two unrelated python3 processes do not, though they run one program",
                        List.of(process(200, 50, "python3", PYTHON, 1), process(300, 60, "python3", PYTHON, 2),
                                process(50, 1, "bash", "/usr/bin/bash", 0)),
                        Map.of(200L, "group:200", 300L, "group:300", 50L, "group:50")),
                Arguments.of("the line goes up through every ancestor of the same program",
                        List.of(process(500, 1, "chrome", "/opt/chrome/chrome", 0), process(501, 500, "chrome", "/opt/chrome/chrome", 1),
                                process(502, 501, "chrome", "/opt/chrome/chrome", 2)),
                        Map.of(500L, "group:500", 501L, "group:500", 502L, "group:500")),
                Arguments.of("it stops at a parent that runs another program",
                        List.of(process(700, 1, "gunicorn", PYTHON, 0), process(701, 700, "sh", "/usr/bin/dash", 1),
                                process(702, 701, "gunicorn", PYTHON, 2)),
                        Map.of(700L, "group:700", 701L, "group:701", 702L, "group:702")),
                Arguments.of("without executables the name decides",
                        List.of(process(800, 1, "nginx", "", 0), process(801, 800, "nginx", "", 1),
                                process(802, 800, "nginx-other", "", 1)),
                        Map.of(800L, "group:800", 801L, "group:800", 802L, "group:802")),
                Arguments.of("a parent that started after its child is a reused pid, not the parent",
                        List.of(process(900, 1, "java", "/usr/bin/java", 50), process(901, 900, "java", "/usr/bin/java", 10)),
                        Map.of(900L, "group:900", 901L, "group:901")),
                Arguments.of("a cycle of reused pids ends",
                        List.of(process(600, 601, "x", "/x", 0), process(601, 600, "x", "/x", 0)),
                        Map.of(600L, "group:600", 601L, "group:600")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void everyProcessNodeNamesItsGroup(String name, List<ProcessInfo> processes, Map<Long, String> expected) {
        List<SocketEntry> sockets = new ArrayList<>();
        for (ProcessInfo process : processes) {
            sockets.add(listen(process.pid(), "0.0.0.0:" + (10000 + process.pid())));
        }
        Graph graph = TopologyBuilder.withDefaults().build(snapshot(sockets, processes));

        Map<Long, String> groups = new HashMap<>();
        for (Node node : graph.nodes()) {
            if (node instanceof ProcessNode process) {
                groups.put(process.process().pid(), process.group());
            }
        }
        assertThat(groups).isEqualTo(expected);
    }

    @Test
    void foldingDrawsAGroupAsOneNodeWithItsMembersAndAggregatedEdges() {
        // the postgres case: the listener belongs to the postmaster, the connections to its backends
        List<ProcessInfo> processes = List.of(process(100, 1, "postgres", POSTGRES, 0),
                process(101, 100, "postgres", POSTGRES, 5), process(102, 100, "postgres", POSTGRES, 6),
                process(10, 9, "psql", "/usr/bin/psql", 1));
        List<SocketEntry> first = List.of(listen(100, "0.0.0.0:5432"), listen(100, "0.0.0.0:5433"),
                est(10, "127.0.0.1:40001", "127.0.0.1:5432", 1_000, 1_000),
                est(101, "127.0.0.1:5432", "127.0.0.1:40001", 1_000, 1_000),
                est(10, "127.0.0.1:40002", "127.0.0.1:5432", 1_000, 1_000),
                est(102, "127.0.0.1:5432", "127.0.0.1:40002", 1_000, 1_000));
        List<SocketEntry> second = List.of(listen(100, "0.0.0.0:5432"), listen(100, "0.0.0.0:5433"),
                est(10, "127.0.0.1:40001", "127.0.0.1:5432", 3_000, 2_000),
                est(101, "127.0.0.1:5432", "127.0.0.1:40001", 2_000, 3_000),
                est(10, "127.0.0.1:40002", "127.0.0.1:5432", 5_000, 2_000),
                est(102, "127.0.0.1:5432", "127.0.0.1:40002", 2_000, 5_000));
        TopologyBuilder unfolded = new TopologyBuilder(NodeClassifier.DEFAULT, TCP);
        TopologyBuilder folding = new TopologyBuilder(NodeClassifier.DEFAULT, TCP.withFoldGroups(true));
        unfolded.build(snapshot(T0, first, processes));
        folding.build(snapshot(T0, first, processes));
        Graph plain = unfolded.build(snapshot(T0.plusSeconds(1), second, processes));
        Graph folded = folding.build(snapshot(T0.plusSeconds(1), second, processes));

        assertThat(plain.nodes()).extracting(Node::id)
                .containsExactly("listen:tcp:5433", "proc:10", "proc:100", "proc:101", "proc:102");
        assertThat(folded.nodes()).extracting(Node::id).containsExactly("group:100", "listen:tcp:5433", "proc:10");
        GroupNode group = (GroupNode) folded.node("group:100");
        assertThat(group.kind()).isEqualTo(NodeKind.GROUP);
        assertThat(group.label()).isEqualTo("postgres \u00d73");
        assertThat(group.leaderPid()).isEqualTo(100);
        assertThat(group.members()).extracting(member -> member.process().pid()).containsExactly(100L, 101L, 102L);
        assertThat(group.listeningPorts()).containsExactly(5432, 5433);
        Edge toGroup = folded.edge("tcp:proc:10->group:100:5432");
        assertThat(toGroup.count()).isEqualTo(2);
        assertThat(toGroup.states()).isEqualTo(Map.of(SocketState.ESTABLISHED, 2));
        assertThat(toGroup.reason()).isEqualTo(DirectionReason.LISTENER);
        assertThat(toGroup.traffic()).isEqualTo(new EdgeTraffic(6_000, 2_000));
        assertThat(folded.edge("tcp:listen:tcp:5433->group:100:5433")).isNotNull();
        assertThat(folded.edges()).hasSize(2);
    }

    @Test
    void aGroupOfOneIsNotFolded() {
        List<ProcessInfo> processes = List.of(process(200, 50, "python3", PYTHON, 1));
        Graph graph = new TopologyBuilder(NodeClassifier.DEFAULT, TCP.withFoldGroups(true))
                .build(snapshot(List.of(listen(200, "0.0.0.0:8000")), processes));

        assertThat(graph.nodes()).extracting(Node::id).containsExactly("listen:tcp:8000", "proc:200");
        assertThat(((ProcessNode) graph.node("proc:200")).leadsGroup()).isTrue();
    }

    static ProcessInfo process(long pid, long parent, String name, String executable, long startedSecondsAfter) {
        return new ProcessInfo(pid, parent, name, name, "user", Instant.parse("2026-11-27T08:00:00Z")
                .plusSeconds(startedSecondsAfter), executable, List.of());
    }

    private static Snapshot snapshot(List<SocketEntry> sockets, List<ProcessInfo> processes) {
        return snapshot(T0, sockets, processes);
    }

    private static Snapshot snapshot(Instant takenAt, List<SocketEntry> sockets, List<ProcessInfo> processes) {
        Map<Long, ProcessInfo> byPid = new HashMap<>();
        processes.forEach(process -> byPid.put(process.pid(), process));
        return new Snapshot(takenAt, Sockets.nanosAt(takenAt), "test", sockets, byPid, List.of());
    }
}
