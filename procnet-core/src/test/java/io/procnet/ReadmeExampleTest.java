package io.procnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.export.DotGraph;
import io.procnet.export.MermaidGraph;
import io.procnet.export.SocketTable;
import io.procnet.graph.Graph;
import io.procnet.graph.TopologyBuilder;
import io.procnet.model.SocketEntry;
import io.procnet.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding example of README.md, kept compiling and running. */
class ReadmeExampleTest {

    @Test
    void embeddingExampleRuns() throws Exception {
        List<String> out = new ArrayList<>();
        // ---- as in README.md, with System.out.println replaced by out::add
        try (ProcNet procnet = ProcNet.create()) {          // best collector of this machine
            Snapshot snapshot = procnet.snapshot();           // sockets and their owning processes
            for (SocketEntry socket : snapshot.sockets()) {
                String owner = socket.hasOwner() ? snapshot.process(socket.pid()).displayName() : "?";
                out.add(owner + " " + socket.local() + " -> " + socket.remote() + " " + socket.state());
            }
            Graph graph = procnet.graph();                    // a new snapshot as a process map
            graph.edges().forEach(edge -> out.add(
                    edge.from() + " -> " + edge.to() + ":" + edge.serverPort() + " x" + edge.count()
                            + " (" + edge.reason() + ")"));
        }
        // ----
        assertThat(out).containsExactly(
                "postgres 0.0.0.0:5432 -> null LISTEN",
                "? 127.0.0.1:40000 -> 127.0.0.1:5432 TIME_WAIT",
                "listen:tcp:5432 -> proc:7:5432 x1 (LISTENER)");
    }

    @Test
    void exportExampleRuns() throws Exception {
        Snapshot snapshot;
        try (ProcNet procnet = ProcNet.create()) {
            snapshot = procnet.snapshot();
        }
        // ---- as in README.md
        TopologyBuilder builder = TopologyBuilder.withDefaults();
        Graph graph = builder.build(snapshot);
        List<String> edgeIds = builder.socketEdgeIds(snapshot);        // per socket: its edge's id, or null
        String table = SocketTable.render(snapshot, graph, edgeIds);   // one aligned row per socket, with its edge's reason
        String dot = DotGraph.render(graph);                           // Graphviz DOT, for dot -Tsvg
        String mermaid = MermaidGraph.render(graph);                   // a Mermaid flowchart
        // ----
        assertThat(edgeIds).containsExactly("tcp:listen:tcp:5432->proc:7:5432", null);
        assertThat(table).isEqualTo("""
                PROCESS   PID  PROTO  LOCAL            REMOTE          STATE      REASON
                postgres    7  tcp    0.0.0.0:5432     *:*             LISTEN     LISTENER
                -           -  tcp    127.0.0.1:40000  127.0.0.1:5432  TIME_WAIT
                """);
        assertThat(dot).contains("\"listen:tcp:5432\" -> \"proc:7\" [label=\"tcp/5432\"];");
        assertThat(mermaid).contains("n0 -->|\"tcp/5432\"| n1");
    }
}
