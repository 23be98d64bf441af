package io.procnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BytesTest {
    private static final byte[] FIXTURE = "a recorded fixture, 37 bytes of it...".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aCutHoldsExactlyTheBytesBeforeTheCut() {
        for (int length = 0; length <= FIXTURE.length; length++) {
            ByteBuffer cut = Bytes.cut(FIXTURE, length);

            assertThat(cut.position()).isZero();
            assertThat(cut.limit()).isEqualTo(length);
            assertThat(cut.capacity()).isEqualTo(length);
            assertThat(cut.array()).isEqualTo(Arrays.copyOf(FIXTURE, length));
        }
        assertThatThrownBy(() -> Bytes.cut(FIXTURE, FIXTURE.length + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("length " + (FIXTURE.length + 1) + " outside 0.." + FIXTURE.length);
        assertThatThrownBy(() -> Bytes.cut(FIXTURE, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amidGarbageTheBytesAreAtIndexZeroToTheLimitWithGarbageEitherSide() {
        SplittableRandom random = new SplittableRandom(7);
        Set<Integer> before = new HashSet<>();
        Set<Integer> positions = new HashSet<>();
        Set<ByteOrder> orders = new HashSet<>();
        for (int trial = 0; trial < 500; trial++) {
            byte[] bytes = Arrays.copyOf(FIXTURE, trial % (FIXTURE.length + 1));

            ByteBuffer amid = Bytes.amidGarbage(random, bytes);

            assertThat(amid.limit()).isEqualTo(bytes.length);
            assertThat(amid.position()).isBetween(0, bytes.length);
            for (int i = 0; i < bytes.length; i++) {
                assertThat(amid.get(i)).as("index " + i).isEqualTo(bytes[i]);
            }
            assertThat(amid.arrayOffset()).isBetween(0, 63);
            int after = amid.array().length - amid.arrayOffset() - bytes.length;
            assertThat(after).isBetween(1, 256);
            assertThat(amid.capacity()).isEqualTo(bytes.length + after);
            before.add(amid.arrayOffset());
            positions.add(amid.position());
            orders.add(amid.order());
        }
        assertThat(before).hasSizeGreaterThan(50);
        assertThat(positions).hasSizeGreaterThan(30);
        assertThat(orders).containsExactlyInAnyOrder(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void garbageAfterKeepsTheFirstBytesAndAddsAsManyAsAsked() {
        SplittableRandom random = new SplittableRandom(11);
        byte[] all = Bytes.garbageAfter(random, FIXTURE, 10, 128);

        assertThat(all).hasSize(138);
        assertThat(Arrays.copyOf(all, 10)).isEqualTo(Arrays.copyOf(FIXTURE, 10));
        assertThat(Arrays.copyOfRange(all, 10, 138)).isNotEqualTo(Arrays.copyOfRange(FIXTURE, 10, FIXTURE.length));
        assertThat(Bytes.garbageAfter(new SplittableRandom(11), FIXTURE, 10, 128)).isEqualTo(all);
        assertThat(Bytes.garbage(new SplittableRandom(3), 100)).isEqualTo(Bytes.garbage(new SplittableRandom(3), 100))
                .isNotEqualTo(new byte[100]);
        assertThatThrownBy(() -> Bytes.garbageAfter(random, FIXTURE, 10, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count -1 < 0");
    }
}
