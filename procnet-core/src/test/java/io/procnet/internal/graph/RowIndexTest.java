package io.procnet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.SocketEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A full index, half its slots taken, keeps every row reachable as rows are removed one by one:
 * clusters that long run over the end of the slots and on at the start, where a removal must move
 * rows back across the wrap.
 */
class RowIndexTest {
    private static final SocketEntry SOCKET = TestSockets.est(1, "127.0.0.1:1", "127.0.0.1:2");
    private static final Connection CONNECTION = new Connection(ConnectionKey.of(SOCKET));

    /** Seeds 102, 105 and 136 make clusters that run over the end of 1,024 slots, which a removal must cross. */
    @ParameterizedTest(name = "{0} rows, seed {1}")
    @CsvSource({"511, 102", "511, 105", "511, 136", "511, 1", "1023, 4", "300, 5", "2047, 6"})
    void everyRowStaysReachableWhileTheOthersAreRemoved(int count, long seed) {
        Random random = new Random(seed);
        RowIndex index = new RowIndex();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long key = random.nextBoolean() ? random.nextInt(1 << 20) : random.nextLong() & Long.MAX_VALUE;
            if (index.get(key) == null) {
                Row row = new Row(CONNECTION, SOCKET, key);
                index.add(row);
                rows.add(row);
            }
        }
        assertThat(index.size()).isEqualTo(rows.size());
        Collections.shuffle(rows, random);

        for (int removed = 0; removed < rows.size(); removed++) {
            Row gone = rows.get(removed);
            index.remove(gone);
            assertThat(index.get(gone.key)).isNull();
            assertThat(index.size()).isEqualTo(rows.size() - removed - 1);
            for (int i = removed + 1; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (index.get(row.key) != row) {
                    assertThat(index.get(row.key)).as("row %d after %d removals", i, removed + 1).isSameAs(row);
                }
            }
        }
        index.remove(rows.get(0)); // not there any more: nothing happens
        assertThat(index.size()).isZero();
    }
}
