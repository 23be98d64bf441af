package io.procnet.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.graph.Graph;
import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketTableTest {

    @Test
    void aRowPerSocketOwnedOrNotWithTheReasonOfItsEdge() {
        Graphs.Built table = Graphs.table();

        assertThat(SocketTable.render(table.snapshot(), table.graph(), table.edgeIds())).isEqualTo(TABLE);
    }

    @Test
    void aFoldedGraphGivesTheReasonsOfItsFoldedEdges() {
        Graphs.Built folded = Graphs.folded();

        assertThat(SocketTable.render(folded.snapshot(), folded.graph(), folded.edgeIds())).isEqualTo(FOLDED);
    }

    @Test
    void hostileNamesKeepToOneLineAndTheirColumn() {
        Graphs.Built hostile = Graphs.hostileTable();
        String text = SocketTable.render(hostile.snapshot(), hostile.graph(), hostile.edgeIds());

        assertThat(text).isEqualTo(HOSTILE);
        assertThat(text.lines()).hasSize(1 + hostile.snapshot().sockets().size());
        int pidEnd = text.lines().findFirst().orElseThrow().indexOf("PID") + 3;
        assertThat(text.lines().filter(line -> line.startsWith("<script>")))
                .allSatisfy(line -> assertThat(line.substring(pidEnd - 4, pidEnd)).isEqualTo("  12"));
    }

    @Test
    void anEmptySnapshotIsItsHeader() {
        Snapshot empty = new Snapshot(Graphs.T0, 0, "test", List.of(), Map.of(), List.of());

        assertThat(SocketTable.render(empty, Graph.empty(), List.of()))
                .isEqualTo("PROCESS  PID  PROTO  LOCAL  REMOTE  STATE  REASON\n");
    }

    @Test
    void rowsAreSortedByNameWithoutCaseThenPidThenAddresses() {
        List<SocketEntry> sockets = List.of(
                socket(SocketEntry.NO_PID, "10.0.0.5:1", null),
                socket(3, "[::1]:80", null),
                socket(3, "127.0.0.1:81", "10.0.0.1:2"),
                socket(3, "127.0.0.1:81", "10.0.0.1:1"),
                socket(3, "127.0.0.1:81", null),
                socket(3, "127.0.0.1:80", null),
                socket(2, "127.0.0.1:80", null),
                socket(1, "127.0.0.1:80", null),
                socket(4, "127.0.0.1:80", null));
        Snapshot snapshot = new Snapshot(Graphs.T0, 0, "test", sockets, Map.of(
                1L, new ProcessInfo(1, "beta", "", null, null),
                2L, new ProcessInfo(2, "Alpha", "", null, null),
                3L, new ProcessInfo(3, "alpha", "", null, null),
                4L, new ProcessInfo(4, "alpha", "", null, null)), List.of());
        List<String> none = Arrays.asList(new String[sockets.size()]);

        assertThat(SocketTable.render(snapshot, Graph.empty(), none)).isEqualTo("""
                PROCESS  PID  PROTO  LOCAL         REMOTE      STATE        REASON
                Alpha      2  tcp    127.0.0.1:80  *:*         LISTEN
                alpha      3  tcp    127.0.0.1:80  *:*         LISTEN
                alpha      3  tcp    127.0.0.1:81  *:*         LISTEN
                alpha      3  tcp    127.0.0.1:81  10.0.0.1:1  ESTABLISHED
                alpha      3  tcp    127.0.0.1:81  10.0.0.1:2  ESTABLISHED
                alpha      3  tcp    [::1]:80      *:*         LISTEN
                alpha      4  tcp    127.0.0.1:80  *:*         LISTEN
                beta       1  tcp    127.0.0.1:80  *:*         LISTEN
                -          -  tcp    10.0.0.5:1    *:*         LISTEN
                """);
    }

    @Test
    void edgeIdsMustMatchTheSnapshotAndTheGraph() {
        Graphs.Built table = Graphs.table();
        List<String> wrong = new ArrayList<>(table.edgeIds());
        wrong.set(1, "tcp:proc:1->proc:2:3");

        assertThatThrownBy(() -> SocketTable.render(table.snapshot(), table.graph(), table.edgeIds().subList(0, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("edge ids for 2 sockets, but the snapshot has 8");
        assertThatThrownBy(() -> SocketTable.render(table.snapshot(), table.graph(), wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("socket 1 counts in edge tcp:proc:1->proc:2:3, which the graph does not have");
    }

    private static SocketEntry socket(long pid, String local, String remote) {
        Endpoint peer = remote == null ? null : Graphs.endpoint(remote);
        return new SocketEntry(Protocol.TCP, Graphs.endpoint(local), peer,
                peer == null ? SocketState.LISTEN : SocketState.ESTABLISHED, pid, 0, null);
    }

    /** {@link Graphs#table()}. */
    static final String TABLE = """
            PROCESS             PID  PROTO  LOCAL                REMOTE             STATE        REASON
            postgres             20  tcp    0.0.0.0:5432         *:*                LISTEN
            postgres             20  tcp    127.0.0.1:5432       127.0.0.1:40000    ESTABLISHED  LISTENER
            psql                 10  tcp    127.0.0.1:40000      127.0.0.1:5432     ESTABLISHED  LISTENER
            psql                 10  tcp    [2001:db8::1]:40001  [2001:db8::9]:443  ESTABLISHED  NOT_LISTENING
            svchost (Dnscache)   30  udp    0.0.0.0:53           *:*                BOUND        LISTENER
            svchost (Dnscache)   30  tcp    0.0.0.0:7777         -                  CLOSED
            svchost (Dnscache)   30  udp    0.0.0.0:50000        *:*                BOUND
            -                     -  tcp    127.0.0.1:40002      127.0.0.1:5432     TIME_WAIT
            """
;

    static final String FOLDED = """
            PROCESS   PID  PROTO  LOCAL            REMOTE           STATE        REASON
            postgres  100  tcp    0.0.0.0:5432     *:*              LISTEN
            postgres  100  tcp    [::]:5433        *:*              LISTEN       LISTENER
            postgres  101  tcp    127.0.0.1:5432   127.0.0.1:40001  ESTABLISHED  LISTENER
            postgres  102  tcp    127.0.0.1:5432   127.0.0.1:40002  ESTABLISHED  LISTENER
            psql       10  tcp    127.0.0.1:40001  127.0.0.1:5432   ESTABLISHED  LISTENER
            psql       10  tcp    127.0.0.1:40002  127.0.0.1:5432   ESTABLISHED  LISTENER
            -           -  tcp    127.0.0.1:40003  127.0.0.1:5432   TIME_WAIT
            """
;

    /** {@link Graphs#hostileTable()}: the CJK name and the emoji count two columns each, the accent none. */
    static final String HOSTILE = """
            PROCESS                                PID  PROTO  LOCAL              REMOTE        STATE        REASON
            %%{init: {"theme": "dark"}}%%           14  tcp    0.0.0.0:9014       *:*           LISTEN       LISTENER
            %%{init: {"theme": "dark"}}%%           14  tcp    192.168.1.5:40014  10.0.0.1:443  ESTABLISHED  NOT_LISTENING
            <script>alert('x')</script>             12  tcp    0.0.0.0:9012       *:*           LISTEN       LISTENER
            <script>alert('x')</script>             12  tcp    192.168.1.5:40012  10.0.0.1:443  ESTABLISHED  NOT_LISTENING
            \\                                       11  tcp    0.0.0.0:9011       *:*           LISTEN       LISTENER
            \\                                       11  tcp    192.168.1.5:40011  10.0.0.1:443  ESTABLISHED  NOT_LISTENING
            \\N \\G \\l \\\\" end\\                       18  tcp    0.0.0.0:9018       *:*           LISTEN       LISTENER
            \\N \\G \\l \\\\" end\\                       18  tcp    192.168.1.5:40018  10.0.0.1:443  ESTABLISHED  NOT_LISTENING
            a"b]\\n--> x {y} <html>                  10  tcp    0.0.0.0:9010       *:*           LISTEN       LISTENER
            a"b]\\n--> x {y} <html>                  10  tcp    192.168.1.5:40010  10.0.0.1:443  ESTABLISHED  NOT_LISTENING
            n0 --> n1; n1["x"]\\r\\n\\tsubgraph        16  tcp    0.0.0.0:9016       *:*           LISTEN       LISTENER
            n0 --> n1; n1["x"]\\r\\n\\tsubgraph        16  tcp    192.168.1.5:40016  10.0.0.1:443  ESTABLISHED  NOT_LISTENING
            pipe|tick`hash#quot; &amp; &#60; 100%   13  tcp    0.0.0.0:9013       *:*           LISTEN       LISTENER
            pipe|tick`hash#quot; &amp; &#60; 100%   13  tcp    192.168.1.5:40013  10.0.0.1:443  ESTABLISHED  NOT_LISTENING
            style:#x;  two  spaces                  15  tcp    0.0.0.0:9015       *:*           LISTEN       LISTENER
            style:#x;  two  spaces                  15  tcp    192.168.1.5:40015  10.0.0.1:443  ESTABLISHED  NOT_LISTENING
            \u6570\u636e\u5e93 \ud83d\udc18 e\u0301 \\u202eevil\\u200b            17  tcp    0.0.0.0:9017       *:*           LISTEN       LISTENER
            \u6570\u636e\u5e93 \ud83d\udc18 e\u0301 \\u202eevil\\u200b            17  tcp    192.168.1.5:40017  10.0.0.1:443  ESTABLISHED  NOT_LISTENING
            """
;
}
