package io.procnet.collect.posix.internal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InodeTableTest {

    @Test
    void holdsManyInodesAndForgetsThoseNotLookedUp() {
        InodeTable table = new InodeTable();
        for (long inode = 1; inode <= 50_000; inode++) {
            table.put(inode * 7919, new long[] {inode});
        }
        assertThat(table.size()).isEqualTo(50_000);
        for (long inode = 1; inode <= 50_000; inode += 2) {
            assertThat(table.lookUp(inode * 7919, 3)).containsExactly(inode);
        }
        assertThat(table.lookUp(42, 3)).isNull();

        List<Integer> dropped = new ArrayList<>();
        table.removeUnseen(3, (pids, lastLookedUp) -> dropped.add(lastLookedUp));

        assertThat(table.size()).isEqualTo(25_000);
        assertThat(dropped).hasSize(25_000).containsOnly(0); // put by a walk, never looked up
        assertThat(table.get(2 * 7919)).isNull();
        assertThat(table.get(3 * 7919)).containsExactly(3);
    }

    @Test
    void keepsTheRoundWhenOwnersChangeAndMarksUnresolvableOnes() {
        InodeTable table = new InodeTable();
        table.put(10, new long[] {1});
        table.lookUp(10, 5);
        table.put(10, new long[] {1, 2});
        table.putUnresolvable(20, 5);

        List<Integer> dropped = new ArrayList<>();
        table.removeUnseen(6, (pids, lastLookedUp) -> dropped.add(lastLookedUp));

        assertThat(dropped).containsExactlyInAnyOrder(5, 5);
        assertThat(table.size()).isZero();
        assertThat(InodeTable.UNRESOLVABLE).isEmpty();
        assertThatThrownBy(() -> table.put(0, new long[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
