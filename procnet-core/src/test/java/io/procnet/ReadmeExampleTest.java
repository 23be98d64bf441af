package io.procnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.Graph;
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
}
