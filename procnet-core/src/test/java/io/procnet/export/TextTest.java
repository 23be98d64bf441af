package io.procnet.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.GroupNode;
import io.procnet.graph.ListenerNode;
import io.procnet.graph.ProcessNode;
import io.procnet.graph.RemoteNode;
import io.procnet.model.InetAddresses;
import io.procnet.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

    @Test
    void whatWouldBreakALineOrHideTextBecomesAVisibleEscape() {
        assertThat(Text.visible("plain \\ text")).isEqualTo("plain \\ text");
        assertThat(Text.visible("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(Text.visible("\u0000\u001b[31m\u007f\u0085")).isEqualTo("\\u0000\\u001b[31m\\u007f\\u0085");
        assertThat(Text.visible("\u2028\u2029")).isEqualTo("\\u2028\\u2029");
        assertThat(Text.visible("\u202eevil\u200b\u00ad")).isEqualTo("\\u202eevil\\u200b\\u00ad");
        assertThat(Text.visible("lone \ud800 surrogate")).isEqualTo("lone \\ud800 surrogate");
        assertThat(Text.visible("tag \udb40\udc01")).isEqualTo("tag \\U000e0001");
    }

    @Test
    void otherScriptsEmojiAndMarksStay() {
        String text = "\u6570\u636e\u5e93 \ud83d\udc18 e\u0301 \u00e9\u00df";

        assertThat(Text.visible(text)).isSameAs(text);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}") // the empty text would be a blank name
    @CsvSource({
        "'', 0",
        "abc, 3",
        "'\u6570\u636e\u5e93', 6",
        "'\ud83d\udc18', 2",
        "'e\u0301', 1",
        "'a\u20dd', 1",
        "'\u10ff\u1100\u115f\u1160', 6",
        "'\ud8bf\udffd\ud8bf\udffe', 3",
        "'\uffe6\uffe7', 3",
        "'\u231a\u231c', 3",
    })
    void widthCountsWideCharactersTwiceAndMarksNot(String text, int width) {
        assertThat(Text.width(text)).isEqualTo(width);
    }

    @Test
    void nodeLabelsSayWhatANodeIs() {
        ProcessNode process = Graphs.process(10, "psql\n");
        GroupNode group = new GroupNode("group:20", "postgres \u00d72", "app", 20,
                List.of(Graphs.process(20, "postgres"), Graphs.process(21, "postgres")), List.of());

        assertThat(Text.nodeLines(process)).containsExactly("psql\\n", "pid 10");
        assertThat(Text.nodeLines(group)).containsExactly("postgres \u00d72", "2 processes");
        assertThat(Text.nodeLines(RemoteNode.of(InetAddresses.parseLiteral("::1"), "net:[2]")))
                .containsExactly("::1 (net:[2])");
        assertThat(Text.nodeLines(ListenerNode.of(Protocol.UDP, 53, List.of()))).containsExactly("udp/53");
    }

    @Test
    void anEdgeLabelCountsItsConnectionsWhenThereAreSeveral() {
        ProcessNode from = Graphs.process(10, "a");
        ProcessNode to = Graphs.process(20, "b");

        assertThat(Text.edgeLabel(Graphs.edge(from, to, Protocol.TCP, 5432, 1, DirectionReason.LISTENER)))
                .isEqualTo("tcp/5432");
        assertThat(Text.edgeLabel(Graphs.edge(from, to, Protocol.UDP, 53, 2, DirectionReason.GUESS)))
                .isEqualTo("udp/53 \u00d72");
    }
}
