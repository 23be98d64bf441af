package io.procnet.internal.graph;

import static io.procnet.internal.graph.TestSockets.est;
import static io.procnet.internal.graph.TestSockets.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionTest {
    private static final String LOCAL = "192.168.1.5:50000";
    private static final String REMOTE = "10.0.0.1:443";

    static Stream<Arguments> preferences() {
        return Stream.of(
                Arguments.of("the owned one", row(-1, 1, SocketState.ESTABLISHED), row(30, 1, SocketState.ESTABLISHED),
                        false),
                Arguments.of("the owned one, whatever its pid", row(5, 9, SocketState.TIME_WAIT),
                        row(-1, 1, SocketState.ESTABLISHED), true),
                Arguments.of("the lower pid", row(10, 9, SocketState.TIME_WAIT), row(11, 1, SocketState.ESTABLISHED), true),
                Arguments.of("the lower pid, one apart", row(11, 1, SocketState.ESTABLISHED),
                        row(10, 1, SocketState.ESTABLISHED), false),
                Arguments.of("the lower inode", row(10, 1, SocketState.TIME_WAIT), row(10, 2, SocketState.ESTABLISHED), true),
                Arguments.of("the lower inode, one apart", row(10, 3, SocketState.ESTABLISHED),
                        row(10, 2, SocketState.ESTABLISHED), false),
                Arguments.of("the lower state", row(10, 1, SocketState.ESTABLISHED), row(10, 1, SocketState.SYN_SENT), true),
                Arguments.of("the lower state, from the other side", row(10, 1, SocketState.SYN_SENT),
                        row(10, 1, SocketState.ESTABLISHED), false),
                Arguments.of("neither of two equal rows", row(10, 1, SocketState.ESTABLISHED),
                        row(10, 1, SocketState.ESTABLISHED), false),
                Arguments.of("neither of two unowned equal rows", row(-1, 1, SocketState.ESTABLISHED),
                        row(-1, 1, SocketState.ESTABLISHED), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preferences")
    void oneRowStandsForItsHalfWhateverTheOrder(String name, SocketEntry candidate, SocketEntry incumbent,
                                                boolean preferred) {
        assertThat(Connection.preferred(candidate, incumbent)).isEqualTo(preferred);
        if (!candidate.equals(incumbent)) {
            assertThat(Connection.preferred(incumbent, candidate)).isEqualTo(!preferred);
        }
    }

    @Test
    void keepsItsRowsAsTheyComeAndGo() {
        Connection connection = connection();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(connection.addRow(row(10 + i, 0, SocketState.ESTABLISHED), i));
        }
        assertThat(rowsOf(connection)).containsExactlyElementsOf(rows);

        connection.removeRow(rows.get(1));
        connection.removeRow(rows.get(1)); // not there any more
        connection.removeRow(new Row(connection, row(99, 0, SocketState.ESTABLISHED), 99));
        assertThat(rowsOf(connection)).containsExactlyInAnyOrder(rows.get(0), rows.get(2), rows.get(3), rows.get(4));
        connection.removeRow(rows.get(4));
        connection.removeRow(rows.get(0));
        assertThat(rowsOf(connection)).containsExactlyInAnyOrder(rows.get(2), rows.get(3));
        connection.removeRow(rows.get(3));
        connection.removeRow(rows.get(2));
        assertThat(connection.rowCount()).isZero();
    }

    @Test
    void removingARowThatIsNotThereDoesNothingEvenWhenItsRowsFillTheirArray() {
        Connection connection = connection();
        Row first = connection.addRow(row(10, 0, SocketState.ESTABLISHED), 1);
        Row second = connection.addRow(est(20, REMOTE, LOCAL), 2);

        connection.removeRow(new Row(connection, row(99, 0, SocketState.ESTABLISHED), 99));

        assertThat(rowsOf(connection)).containsExactly(first, second);
    }

    @Test
    void findsAnUnseenRowOfTheSameHalfAndInodePreferringTheSameOwner() {
        Connection connection = connection();
        Row other = connection.addRow(row(11, 7, SocketState.ESTABLISHED), 7);
        Row mine = connection.addRow(row(10, 7, SocketState.ESTABLISHED), 7);
        Row noInode = connection.addRow(row(10, 0, SocketState.ESTABLISHED), 1);
        Row otherHalf = connection.addRow(est(20, REMOTE, LOCAL, 7), 7);

        assertThat(connection.unseenRowFor(row(10, 7, SocketState.CLOSE_WAIT), 1)).isSameAs(mine);
        assertThat(connection.unseenRowFor(row(12, 7, SocketState.ESTABLISHED), 1)).isSameAs(other);
        assertThat(connection.unseenRowFor(row(-1, 7, SocketState.ESTABLISHED), 1)).isSameAs(other);
        assertThat(connection.unseenRowFor(row(10, 0, SocketState.ESTABLISHED), 1)).isSameAs(noInode);
        assertThat(connection.unseenRowFor(row(10, 8, SocketState.ESTABLISHED), 1)).isNull();
        assertThat(connection.unseenRowFor(est(20, REMOTE, LOCAL, 7), 1)).isSameAs(otherHalf);

        mine.see(row(10, 7, SocketState.ESTABLISHED), 1, 0, 0);
        assertThat(connection.unseenRowFor(row(10, 7, SocketState.ESTABLISHED), 1)).isSameAs(other);
        other.see(row(11, 7, SocketState.ESTABLISHED), 1, 0, 0);
        assertThat(connection.unseenRowFor(row(10, 7, SocketState.ESTABLISHED), 1)).isNull();
        assertThat(connection.unseenRowFor(row(10, 7, SocketState.ESTABLISHED), 2)).isSameAs(mine);
    }

    @Test
    void isPresentInARoundThatSawOneOfItsRows() {
        Connection connection = connection();
        Row first = connection.addRow(row(10, 0, SocketState.ESTABLISHED), 1);
        Row second = connection.addRow(est(20, REMOTE, LOCAL), 2);
        first.see(row(10, 0, SocketState.ESTABLISHED), 1, 0, 0);
        second.see(est(20, REMOTE, LOCAL), 2, 0, 0);

        assertThat(connection.presentIn(1)).isTrue();
        assertThat(connection.presentIn(2)).isTrue();
        assertThat(connection.presentIn(3)).isFalse();
        assertThat(connection().presentIn(0)).isFalse();
    }

    private static Connection connection() {
        return new Connection(ConnectionKey.of(row(10, 0, SocketState.ESTABLISHED)));
    }

    private static SocketEntry row(long pid, long inode, SocketState state) {
        return tcp(pid, LOCAL, REMOTE, state, inode);
    }

    private static List<Row> rowsOf(Connection connection) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < connection.rowCount(); i++) {
            rows.add(connection.row(i));
        }
        return rows;
    }
}
