package io.procnet.internal.graph;

import static io.procnet.internal.graph.TestSockets.ep;
import static io.procnet.internal.graph.TestSockets.listen;
import static io.procnet.internal.graph.TestSockets.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ListenerTableTest {
    private static final SocketEntry A = listen(20, "0.0.0.0:80");
    private static final SocketEntry B = listen(20, "[::]:80");
    private static final SocketEntry C = listen(21, "0.0.0.0:443");
    private static final Scope OWN = Scope.ofLocal(listen(1, "0.0.0.0:1"));
    private static final Scope NET2 = Scope.ofLocal(listen(1, "0.0.0.0:1").inNamespace("net:[2]"));

    static Stream<Arguments> rowSets() {
        return Stream.of(
                Arguments.of("none and none", List.of(), List.of(), true),
                Arguments.of("the same rows", List.of(A, B, C), List.of(A, B, C), true),
                Arguments.of("equal rows, not the same instances", List.of(A, B), List.of(listen(20, "0.0.0.0:80"),
                        listen(20, "[::]:80")), true),
                Arguments.of("another order", List.of(A, B, C), List.of(C, A, B), true),
                Arguments.of("two swapped", List.of(A, B), List.of(B, A), true),
                Arguments.of("one fewer", List.of(A, B, C), List.of(A, B), false),
                Arguments.of("one more", List.of(A, B), List.of(A, B, C), false),
                Arguments.of("another protocol", List.of(A, B), List.of(udp(20, "0.0.0.0:80"), B), false),
                Arguments.of("another owner", List.of(A, B), List.of(listen(21, "0.0.0.0:80"), B), false),
                Arguments.of("no owner", List.of(A, B), List.of(listen(-1, "0.0.0.0:80"), B), false),
                Arguments.of("another port", List.of(A, B), List.of(listen(20, "0.0.0.0:81"), B), false),
                Arguments.of("another address", List.of(A, B), List.of(listen(20, "127.0.0.1:80"), B), false),
                Arguments.of("another namespace", List.of(A, B), List.of(A.inNamespace("net:[2]"), B), false),
                Arguments.of("out of a namespace", List.of(A.inNamespace("net:[2]"), B), List.of(A, B), false),
                Arguments.of("between namespaces", List.of(A.inNamespace("net:[2]")), List.of(A.inNamespace("net:[3]")),
                        false),
                Arguments.of("the same namespace", List.of(A.inNamespace("net:[2]"), B),
                        List.of(A.inNamespace("net:[2]"), B), true),
                Arguments.of("one row of another protocol", List.of(A), List.of(udp(20, "0.0.0.0:80")), false),
                Arguments.of("one row of another owner", List.of(A), List.of(listen(21, "0.0.0.0:80")), false),
                Arguments.of("one row on another port", List.of(A), List.of(listen(20, "0.0.0.0:81")), false),
                Arguments.of("one row on another address", List.of(A), List.of(listen(20, "127.0.0.1:80")), false),
                Arguments.of("one row in another namespace", List.of(A), List.of(A.inNamespace("net:[2]")), false),
                Arguments.of("one equal row", List.of(A), List.of(listen(20, "0.0.0.0:80")), true),
                Arguments.of("a repeat for another row", List.of(A, A, B), List.of(A, B, B), false),
                Arguments.of("repeats in another order", List.of(A, A, B), List.of(A, B, A), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowSets")
    void knowsTheRowsItWasMadeOfInAnyOrder(String name, List<SocketEntry> rows, List<SocketEntry> other, boolean same) {
        assertThat(new ListenerTable(rows, row -> true).sameRows(other)).isEqualTo(same);
    }

    @Test
    void aPortListensForItsProtocolOnly() {
        ListenerTable table = new ListenerTable(List.of(udp(30, "0.0.0.0:53"), listen(31, "0.0.0.0:22")), row -> true);

        assertThat(table.accepts(Protocol.UDP, ep("10.0.0.1:53"), OWN)).isTrue();
        assertThat(table.accepts(Protocol.TCP, ep("10.0.0.1:53"), OWN)).isFalse();
        assertThat(table.accepts(Protocol.TCP, ep("10.0.0.1:22"), OWN)).isTrue();
        assertThat(table.accepts(Protocol.UDP, ep("10.0.0.1:22"), OWN)).isFalse();
        assertThat(table.ownerAccepting(Protocol.TCP, ep("10.0.0.1:53"), OWN)).isEqualTo(SocketEntry.NO_PID);
        assertThat(table.anyTcpListener()).isTrue();
        assertThat(new ListenerTable(List.of(udp(30, "0.0.0.0:53")), row -> true).anyTcpListener()).isFalse();
        assertThat(ListenerTable.empty().anyTcpListener()).isFalse();
        assertThat(ListenerTable.empty().all()).isEmpty();
    }

    static Stream<Arguments> bindings() {
        return Stream.of(
                Arguments.of("0.0.0.0:80", "192.168.1.5:80", true),
                Arguments.of("0.0.0.0:80", "[2001:db8::5]:80", false),
                Arguments.of("[::]:80", "[2001:db8::5]:80", true),
                Arguments.of("[::]:80", "192.168.1.5:80", true),
                Arguments.of("127.0.0.1:80", "127.0.0.1:80", true),
                Arguments.of("127.0.0.1:80", "192.168.1.5:80", false),
                Arguments.of("[::1]:80", "[::1]:80", true),
                Arguments.of("[::1]:80", "127.0.0.1:80", false),
                Arguments.of("0.0.0.0:80", "192.168.1.5:81", false));
    }

    @ParameterizedTest(name = "{0} takes {1}: {2}")
    @MethodSource("bindings")
    void aListenerTakesWhatItsBindAddressTakes(String bound, String endpoint, boolean accepts) {
        ListenerTable table = new ListenerTable(List.of(listen(20, bound)), row -> true);

        assertThat(table.accepts(Protocol.TCP, ep(endpoint), OWN)).isEqualTo(accepts);
        assertThat(table.ownerAccepting(Protocol.TCP, ep(endpoint), OWN)).isEqualTo(accepts ? 20 : SocketEntry.NO_PID);
    }

    @Test
    void aListenerServesItsOwnNamespaceOrAnyWhenTheNamespaceIsNotKnown() {
        ListenerTable table = new ListenerTable(List.of(A.inNamespace("net:[2]")), row -> true);
        Scope any = Scope.ofRemote(TestSockets.est(1, "192.168.1.5:4000", "10.0.0.1:80"), null);

        assertThat(table.accepts(Protocol.TCP, ep("10.0.0.1:80"), OWN)).isFalse();
        assertThat(table.accepts(Protocol.TCP, ep("10.0.0.1:80"), NET2)).isTrue();
        assertThat(table.accepts(Protocol.TCP, ep("10.0.0.1:80"), any)).isTrue();
    }

    static Stream<Arguments> owners() {
        return Stream.of(
                Arguments.of("the owned one of two", List.of(listen(-1, "0.0.0.0:80"), listen(20, "0.0.0.0:80")), 20L),
                Arguments.of("the lowest pid", List.of(listen(22, "0.0.0.0:80"), listen(21, "0.0.0.0:80"),
                        listen(23, "0.0.0.0:80")), 21L),
                Arguments.of("the most specific before a lower pid", List.of(listen(20, "0.0.0.0:80"),
                        listen(25, "192.168.1.5:80"), listen(19, "[::]:80")), 25L),
                Arguments.of("the family's wildcard before the dual-stack one", List.of(listen(19, "[::]:80"),
                        listen(25, "0.0.0.0:80")), 25L),
                Arguments.of("nobody's", List.of(listen(-1, "0.0.0.0:80")), SocketEntry.NO_PID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("owners")
    void theOwnerAcceptingIsTheKernelsChoiceWhateverTheOrder(String name, List<SocketEntry> rows, long owner) {
        for (List<SocketEntry> order : List.of(rows, reversed(rows))) {
            ListenerTable table = new ListenerTable(order, row -> true);

            assertThat(table.ownerAccepting(Protocol.TCP, ep("192.168.1.5:80"), OWN)).isEqualTo(owner);
            assertThat(table.accepts(Protocol.TCP, ep("192.168.1.5:80"), OWN)).isTrue();
        }
    }

    static Stream<Arguments> served() {
        SocketEntry v4 = listen(20, "0.0.0.0:80");
        SocketEntry v6 = listen(20, "[::]:80");
        SocketEntry other = listen(21, "0.0.0.0:80");
        SocketEntry elsewhere = listen(20, "0.0.0.0:80").inNamespace("net:[2]");
        SocketEntry nobodys = listen(-1, "0.0.0.0:80");
        SocketEntry nobodys6 = listen(-1, "[::]:80");
        SocketEntry parent = listen(100, "0.0.0.0:80");
        return Stream.of(
                Arguments.of("every listener of the serving process on the port", List.of(v4, v6, other, elsewhere), 20L,
                        List.of(v4, v6)),
                Arguments.of("the one of another process with SO_REUSEPORT", List.of(v4, v6, other), 21L, List.of(other)),
                Arguments.of("for a server of no known process, the one that accepted", List.of(nobodys, nobodys6), -1L,
                        List.of(nobodys)),
                Arguments.of("a worker's connection, its parent's listener", List.of(parent, nobodys), 101L,
                        List.of(parent)),
                Arguments.of("a worker's connection, its parent's listener listed last", List.of(nobodys, parent), 101L,
                        List.of(parent)),
                Arguments.of("none", List.of(listen(20, "0.0.0.0:81")), 20L, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("served")
    void aConnectionPutsInUseTheListenersOfItsServer(String name, List<SocketEntry> rows, long pid,
                                                     List<SocketEntry> expected) {
        ListenerTable table = new ListenerTable(rows, row -> true);

        ListenerTable.Listener[] served = table.servedBy(Protocol.TCP, ep("192.168.1.5:80"), OWN, pid);

        assertThat(Arrays.stream(served).map(listener -> listener.socket).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
        if (expected.isEmpty()) {
            assertThat(served).isSameAs(ListenerTable.NONE);
        }
    }

    @Test
    void aListenerIsServedInAPassWhileAConnectionOfThatPassReachesIt() {
        ListenerTable.Listener listener = new ListenerTable(List.of(A), row -> true).all().get(0);

        assertThat(listener.servedIn(1)).isFalse();
        listener.serve(1);
        listener.serve(1);
        listener.unserve();
        assertThat(listener.servedIn(1)).isTrue();
        listener.unserve();
        assertThat(listener.servedIn(1)).isFalse();
        listener.serve(2);
        assertThat(listener.servedIn(2)).isTrue();
        assertThat(listener.servedIn(1)).isFalse();
        listener.serve(3);
        listener.unserve();
        assertThat(listener.servedIn(3)).isFalse(); // a new pass counts from none
    }

    @Test
    void aProcessListensOnItsVisibleOwnedPortsInOrder() {
        ListenerTable table = new ListenerTable(List.of(listen(20, "0.0.0.0:8080"), listen(20, "[::]:80"),
                listen(20, "0.0.0.0:80"), udp(20, "0.0.0.0:41234"), listen(-1, "0.0.0.0:22")),
                row -> row.protocol() == Protocol.TCP);

        assertThat(table.portsOf(20)).containsExactly(80, 8080);
        assertThat(table.portsOf(21)).isEmpty();
        assertThat(table.portsOf(SocketEntry.NO_PID)).isEmpty();
        assertThat(table.all()).extracting(listener -> listener.visible).containsExactly(true, true, true, false, true);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
