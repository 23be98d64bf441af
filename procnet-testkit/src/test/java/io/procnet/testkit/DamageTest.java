package io.procnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DamageTest {
    private static final byte[] TEXT = ("  sl  local_address rem_address   st tx_queue rx_queue\n"
            + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000 0 4242\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BINARY = new byte[96];

    static {
        for (int i = 0; i < BINARY.length; i++) {
            BINARY[i] = (byte) (i * 37 + 11);
        }
    }

    private static final List<Damage> RECIPES = List.of(Damage.text(), Damage.text().edits(8),
            Damage.binary(ByteOrder.LITTLE_ENDIAN), Damage.binary(ByteOrder.BIG_ENDIAN).edits(2).words(72, 88));

    @Test
    void theSameGeneratorStateGivesTheSameCopies() {
        for (Damage damage : RECIPES) {
            for (int trial = 0; trial < 200; trial++) {
                Damaged one = damage.copy(Trials.random("copies", trial), BINARY);
                Damaged two = damage.copy(Trials.random("copies", trial), BINARY);

                assertThat(two.bytes()).as(damage + " " + one).isEqualTo(one.bytes());
                assertThat(two).hasToString(one.toString());
            }
        }
    }

    @Test
    void touchedRangesAreExactlyTheBytesThatDiffer() {
        byte[] original = TEXT.clone();
        for (Damage damage : RECIPES) {
            SplittableRandom random = new SplittableRandom(5);
            int changed = 0;
            for (int trial = 0; trial < 2000; trial++) {
                Damaged copy = damage.copy(random, original);
                byte[] bytes = copy.bytes();
                String what = damage + ": " + copy;

                assertThat(original).as("the original is not changed").isEqualTo(TEXT);
                assertThat(bytes).as(what).hasSameSizeAs(original).isNotSameAs(original);
                int differ = 0;
                for (int i = 0; i < bytes.length; i++) {
                    assertThat(copy.touched(i, i + 1)).as(what + ", at " + i).isEqualTo(bytes[i] != original[i]);
                    differ += bytes[i] != original[i] ? 1 : 0;
                }
                assertThat(copy.touchedCount()).as(what).isEqualTo(differ);
                assertThat(copy.touched(-1, bytes.length + 5)).as(what).isEqualTo(differ > 0);
                assertThat(copy.touched(-5, 0)).as(what).isFalse();
                assertThat(copy.touched(bytes.length, bytes.length + 10)).as(what).isFalse();
                changed += differ > 0 ? 1 : 0;
                int first = firstDifference(original, bytes);
                if (first >= 0) {
                    assertThat(copy.touched(0, first)).as(what).isFalse();
                    assertThat(copy.touched(first, first + 1)).as(what).isTrue();
                }
            }
            assertThat(changed).as(damage + ": copies that changed").isGreaterThan(1800);
        }
    }

    @Test
    void editsStayInTheirRangeAndAreCountedAsAsked() {
        for (Damage damage : RECIPES) {
            int most = Integer.parseInt(damage.toString().replaceAll(".* 1 to (\\d+) edits", "$1"));
            SplittableRandom random = new SplittableRandom(9);
            for (int trial = 0; trial < 2000; trial++) {
                int from = random.nextInt(BINARY.length);
                int to = from + random.nextInt(BINARY.length - from + 1);

                Damaged copy = damage.copy(random, BINARY, from, to);

                String what = damage + " in [" + from + ", " + to + "): " + copy;
                assertThat(copy.touched(-1, from) || copy.touched(to, BINARY.length)).as(what).isFalse();
                assertThat(Arrays.copyOf(copy.bytes(), from)).as(what).isEqualTo(Arrays.copyOf(BINARY, from));
                if (from == to) {
                    assertThat(copy).as(what).hasToString("no edit");
                } else {
                    assertThat(copy.toString().split("; ")).as(what).hasSizeBetween(1, most);
                }
            }
        }
        assertThatThrownBy(() -> Damage.text().copy(new SplittableRandom(1), TEXT, 5, TEXT.length + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("range [5, " + (TEXT.length + 1) + ") outside 0.." + TEXT.length);
        assertThatThrownBy(() -> Damage.text().edits(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("most edits 0 < 1");
    }

    @Test
    void everyKindOfEditIsMadeAndDescribed() {
        List<String> text = descriptions(Damage.text(), TEXT);
        List<String> binary = descriptions(Damage.binary(ByteOrder.LITTLE_ENDIAN), BINARY);

        for (String edit : List.of("flip bit ", "byte ", " random bytes at ")) {
            assertThat(text).as(edit).anyMatch(d -> d.contains(edit));
            assertThat(binary).as(edit).anyMatch(d -> d.contains(edit));
        }
        assertThat(text).noneMatch(d -> d.contains("-bit ") || d.contains(" bytes 0x"));
        for (String edit : List.of("16-bit ", "32-bit ", "2 bytes 0x", "4 bytes 0x", "8 bytes 0x")) {
            assertThat(binary).as(edit).anyMatch(d -> d.contains(edit));
        }
    }

    @Test
    void textDamageAimsAtTheStartOfAField() {
        byte[] text = ("a".repeat(50) + " " + "b".repeat(50)).getBytes(StandardCharsets.US_ASCII);
        SplittableRandom random = new SplittableRandom(13);
        int[] hits = new int[text.length];
        for (int trial = 0; trial < 10_000; trial++) {
            Damaged copy = Damage.text().edits(1).copy(random, text);
            for (int i = 0; i < text.length; i++) {
                hits[i] += copy.touched(i, i + 1) ? 1 : 0;
            }
        }
        // a field-start edit in the first field moves to the start of the second: a tenth of all copies, where
        // another byte is hit by one in forty (mostly by runs of garbage)
        assertThat(hits[51]).isGreaterThan(3 * hits[30]).isGreaterThan(3 * hits[75]);
    }

    @Test
    void wordsAreWrittenInTheRecipesOrderAtTheirAlignment() {
        byte[] zeros = new byte[64];
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            Damage damage = Damage.binary(order).edits(1).words(0x1234);
            boolean seen = false;
            SplittableRandom random = new SplittableRandom(3);
            for (int trial = 0; trial < 20_000 && !seen; trial++) {
                Damaged copy = damage.copy(random, zeros);
                if (copy.toString().matches("16-bit 4660 at \\d+")) {
                    int at = Integer.parseInt(copy.toString().replaceAll(".* at ", ""));
                    assertThat(at % 2).as(copy.toString()).isZero();
                    byte[] expected = order == ByteOrder.LITTLE_ENDIAN ? new byte[] {0x34, 0x12}
                            : new byte[] {0x12, 0x34};
                    assertThat(Arrays.copyOfRange(copy.bytes(), at, at + 2)).as(copy.toString()).isEqualTo(expected);
                    seen = true;
                }
            }
            assertThat(seen).as(order.toString()).isTrue();
        }
    }

    private static List<String> descriptions(Damage damage, byte[] original) {
        SplittableRandom random = new SplittableRandom(1);
        List<String> descriptions = new ArrayList<>();
        for (int trial = 0; trial < 3000; trial++) {
            descriptions.add(damage.copy(random, original).toString());
        }
        return descriptions;
    }

    private static int firstDifference(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return -1;
    }
}
