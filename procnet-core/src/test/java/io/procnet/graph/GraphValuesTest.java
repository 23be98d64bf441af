package io.procnet.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.model.Endpoint;
import io.procnet.model.InetAddresses;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The graph's value types: their ids, labels and validation, at the edges of every range. */
class GraphValuesTest {
    private static final InetAddress LOOPBACK = InetAddresses.parseLiteral("127.0.0.1");
    private static final ProcessInfo P20 = ProcessInfo.unknown(20);

    @ParameterizedTest
    @EnumSource(DirectionReason.class)
    void theFirstThreeReasonsAreFactsTheOthersHeuristics(DirectionReason reason) {
        boolean fact = reason == DirectionReason.LISTENER || reason == DirectionReason.HANDSHAKE
                || reason == DirectionReason.NOT_LISTENING;

        assertThat(reason.isFact()).isEqualTo(fact);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "0, 65535", "65535, 65535", "1024, 1024", "32768, 60999"})
    void portRangesFromZeroTo65535(int first, int last) {
        PortRange range = new PortRange(first, last);

        assertThat(range.contains(first)).isTrue();
        assertThat(range.contains(last)).isTrue();
        assertThat(range).hasToString(first + "-" + last);
    }

    @ParameterizedTest
    @CsvSource({"-1, 10", "10, 65536", "11, 10", "-1, -1", "65536, 65536"})
    void rejectsWhatIsNoPortRange(int first, int last) {
        assertThatThrownBy(() -> new PortRange(first, last))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a port range: " + first + "-" + last);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 53, 65534, 65535})
    void servicePortsFrom1To65535(int port) {
        assertThat(GraphOptions.defaults().withExtraServicePorts(Set.of(port)).extraServicePorts())
                .containsExactly(port);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 65536, 100_000})
    void rejectsServicePortsOutOfRange(int port) {
        assertThatThrownBy(() -> GraphOptions.defaults().withExtraServicePorts(Set.of(port)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service port out of range 1..65535: " + port);
    }

    static Stream<Arguments> withers() {
        return Stream.of(
                Arguments.of("p2pOnly", (UnaryOperator<GraphOptions>) base -> base.withP2pOnly(true),
                        new GraphOptions(true, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of(), false, false)),
                Arguments.of("udp", (UnaryOperator<GraphOptions>) base -> base.withUdp(true),
                        new GraphOptions(false, true, Set.of(), PortRange.LINUX_DEFAULT, Set.of(), false, false)),
                Arguments.of("service ports", (UnaryOperator<GraphOptions>) base -> base.withExtraServicePorts(Set.of(7000)),
                        new GraphOptions(false, false, Set.of(7000), PortRange.LINUX_DEFAULT, Set.of(), false, false)),
                Arguments.of("ephemeral ports",
                        (UnaryOperator<GraphOptions>) base -> base.withEphemeralPorts(PortRange.IANA_DYNAMIC),
                        new GraphOptions(false, false, Set.of(), PortRange.IANA_DYNAMIC, Set.of(), false, false)),
                Arguments.of("local addresses",
                        (UnaryOperator<GraphOptions>) base -> base.withLocalAddresses(Set.of(LOOPBACK)),
                        new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of(LOOPBACK), false, false)),
                Arguments.of("host addresses", (UnaryOperator<GraphOptions>) base -> base.withHostAddresses(true),
                        new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of(), true, false)),
                Arguments.of("fold groups", (UnaryOperator<GraphOptions>) base -> base.withFoldGroups(true),
                        new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of(), false, true)),
                Arguments.of("five-argument constructor", (UnaryOperator<GraphOptions>) base ->
                                new GraphOptions(true, true, Set.of(80), PortRange.IANA_DYNAMIC, Set.of(LOOPBACK)),
                        new GraphOptions(true, true, Set.of(80), PortRange.IANA_DYNAMIC, Set.of(LOOPBACK), false, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withers")
    void eachWitherChangesItsOptionOnly(String name, UnaryOperator<GraphOptions> change, GraphOptions expected) {
        GraphOptions base = new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of(), false, false);

        assertThat(change.apply(base)).isEqualTo(expected);
    }

    @Test
    void optionsCopyTheirSetsAndNeedARange() {
        java.util.Set<Integer> ports = new java.util.HashSet<>(Set.of(7000));
        GraphOptions options = GraphOptions.defaults().withExtraServicePorts(ports);
        ports.add(7001);

        assertThat(options.extraServicePorts()).containsExactly(7000);
        assertThatThrownBy(() -> GraphOptions.defaults().withEphemeralPorts(null))
                .isInstanceOf(NullPointerException.class).hasMessage("ephemeralPorts");
    }

    @Test
    void aBuilderKeepsItsOptions() {
        GraphOptions options = GraphOptions.defaults().withUdp(true);

        assertThat(new TopologyBuilder(NodeClassifier.DEFAULT, options).options()).isSameAs(options);
        assertThat(TopologyBuilder.withDefaults().options()).isEqualTo(GraphOptions.defaults());
        assertThatThrownBy(() -> new TopologyBuilder(null, options)).hasMessage("classifier");
        assertThatThrownBy(() -> new TopologyBuilder(NodeClassifier.DEFAULT, null)).hasMessage("options");
        assertThatThrownBy(() -> TopologyBuilder.withDefaults().build(null)).hasMessage("snapshot");
    }

    static Stream<Arguments> nodeIds() {
        InetAddress v6 = InetAddresses.parseLiteral("2001:db8::1");
        return Stream.of(
                Arguments.of(RemoteNode.of(InetAddresses.parseLiteral("10.0.0.1")), "ext:10.0.0.1", "10.0.0.1",
                        RemoteNode.TYPE),
                Arguments.of(RemoteNode.of(v6), "ext:2001:db8::1", "2001:db8::1", RemoteNode.TYPE),
                Arguments.of(RemoteNode.of(LOOPBACK, null), "ext:127.0.0.1", "127.0.0.1", RemoteNode.TYPE),
                Arguments.of(RemoteNode.of(LOOPBACK, "net:[2]"), "ext:127.0.0.1@net:[2]", "127.0.0.1 (net:[2])",
                        RemoteNode.TYPE),
                Arguments.of(ListenerNode.of(Protocol.TCP, 8080, List.of()), "listen:tcp:8080", "tcp/8080",
                        ListenerNode.TYPE),
                Arguments.of(ListenerNode.of(Protocol.UDP, 53, null, List.of()), "listen:udp:53", "udp/53",
                        ListenerNode.TYPE),
                Arguments.of(ListenerNode.of(Protocol.UDP, 53, "net:[2]", List.of()), "listen:udp:53@net:[2]",
                        "udp/53 (net:[2])", ListenerNode.TYPE));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("nodeIds")
    void nodesHaveTheIdsAndLabelsOfTheDesign(Node node, String id, String label, String type) {
        assertThat(node.id()).isEqualTo(id);
        assertThat(node.label()).isEqualTo(label);
        assertThat(node.type()).isEqualTo(type);
    }

    @Test
    void idsOfTheCollectorsOwnNamespaceHaveNoSuffix() {
        assertThat(RemoteNode.idOf(LOOPBACK)).isEqualTo("ext:127.0.0.1").isEqualTo(RemoteNode.idOf(LOOPBACK, null));
        assertThat(ListenerNode.idOf(Protocol.TCP, 80)).isEqualTo("listen:tcp:80")
                .isEqualTo(ListenerNode.idOf(Protocol.TCP, 80, null));
        assertThat(ProcessNode.idOf(7)).isEqualTo("proc:7");
        assertThat(GroupNode.idOf(7)).isEqualTo("group:7");
    }

    static Stream<Arguments> mismatchedIds() {
        return Stream.<Arguments>of(
                Arguments.of((Function<String, Object>) id -> new RemoteNode(id, "x", LOOPBACK, null), "ext:127.0.0.1",
                        "ext:127.0.0.2", "remote node id ext:127.0.0.2 does not match /127.0.0.1"),
                Arguments.of((Function<String, Object>) id -> new RemoteNode(id, "x", LOOPBACK, "net:[2]"),
                        "ext:127.0.0.1@net:[2]", "ext:127.0.0.1",
                        "remote node id ext:127.0.0.1 does not match /127.0.0.1 in net:[2]"),
                Arguments.of((Function<String, Object>) id -> new ListenerNode(id, "x", Protocol.TCP, 80, null, List.of()),
                        "listen:tcp:80", "listen:udp:80", "listener node id listen:udp:80 does not match TCP/80"),
                Arguments.of((Function<String, Object>) id -> new ListenerNode(id, "x", Protocol.TCP, 80, "net:[2]",
                        List.of()), "listen:tcp:80@net:[2]", "listen:tcp:80",
                        "listener node id listen:tcp:80 does not match TCP/80 in net:[2]"),
                Arguments.of((Function<String, Object>) id -> new ProcessNode(id, "x", "app", P20, List.of(), "group:20"),
                        "proc:20", "proc:21", "process node id proc:21 does not match pid 20"),
                Arguments.of((Function<String, Object>) id -> new GroupNode(id, "x", "app", 20, members(2), List.of()),
                        "group:20", "group:21", "group node id group:21 does not match leader 20"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mismatchedIds")
    void aNodeIdMustMatchWhatItNames(Function<String, Object> make, String good, String bad, String message) {
        assertThat(make.apply(good)).isNotNull();
        assertThatThrownBy(() -> make.apply(bad)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10})
    void aGroupFoldsTwoProcessesOrMore(int size) {
        GroupNode group = new GroupNode("group:20", "app ×" + size, "app", 20, members(size), List.of(80));

        assertThat(group.members()).hasSize(size);
        assertThat(group.kind()).isEqualTo(NodeKind.GROUP);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aGroupOfFewerThanTwoIsRejected(int size) {
        assertThatThrownBy(() -> new GroupNode("group:20", "app", "app", 20, members(size), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a group node folds two processes or more, not " + size);
    }

    @Test
    void aProcessLeadsItsGroupOnlyWhenTheGroupIsItsOwn() {
        assertThat(new ProcessNode("proc:20", "x", "app", P20, List.of(), "group:20").leadsGroup()).isTrue();
        assertThat(new ProcessNode("proc:20", "x", "app", P20, List.of(), "group:2").leadsGroup()).isFalse();
        assertThat(new ProcessNode("proc:20", "x", "app", P20, List.of(), "group:200").leadsGroup()).isFalse();
        assertThatThrownBy(() -> new ProcessNode("proc:20", "x", "app", P20, List.of(), "proc:20"))
                .hasMessage("group id proc:20 is not a group node id");
    }

    @Test
    void aListenerNodeCopiesItsEndpoints() {
        java.util.List<Endpoint> bound = new java.util.ArrayList<>(List.of(Endpoint.of("0.0.0.0", 80)));
        ListenerNode node = ListenerNode.of(Protocol.TCP, 80, bound);
        bound.clear();

        assertThat(node.bound()).containsExactly(Endpoint.of("0.0.0.0", 80));
        assertThat(node.kind()).isEqualTo(NodeKind.LISTENER);
        assertThat(node.namespace()).isNull();
    }

    private static List<ProcessNode> members(int size) {
        return java.util.stream.LongStream.range(20, 20 + size)
                .mapToObj(pid -> new ProcessNode(ProcessNode.idOf(pid), "app", "app", ProcessInfo.unknown(pid), List.of(),
                        "group:20"))
                .toList();
    }
}
