package io.procnet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SortedByIdTest {

    @ParameterizedTest(name = "{0} at a time")
    @ValueSource(ints = {1, 2, 63, 64, 65, 200})
    void keepsItemsInIdOrderWhateverTheBatchSize(int batch) {
        SortedById<String> items = new SortedById<>(Function.identity());
        List<String> expected = new ArrayList<>();
        Random random = new Random(batch);
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < batch; i++) {
                String id = String.format("id-%06d", random.nextInt(1_000_000)) + "-" + round + "-" + i;
                items.add(id);
                expected.add(id);
                assertThat(items.size()).isEqualTo(expected.size());
            }
            Collections.sort(expected);
            assertThat(items.sorted()).containsExactlyElementsOf(expected);
            assertThat(items.size()).isEqualTo(expected.size());
        }
    }

    @ParameterizedTest(name = "{0} pending")
    @ValueSource(ints = {0, 3, 70})
    void removesFromTheSortedItemsAndFromThoseNotYetSortedIn(int pending) {
        SortedById<String> items = new SortedById<>(Function.identity());
        for (int i = 0; i < 10; i++) {
            items.add("a" + i);
        }
        items.sorted();
        for (int i = 0; i < pending; i++) {
            items.add("b" + i);
        }

        items.removeIf(id -> id.endsWith("1") || id.endsWith("2"));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add("a" + i);
        }
        for (int i = 0; i < pending; i++) {
            expected.add("b" + i);
        }
        expected.removeIf(id -> id.endsWith("1") || id.endsWith("2"));
        Collections.sort(expected);
        assertThat(items.size()).isEqualTo(expected.size());
        assertThat(items.sorted()).containsExactlyElementsOf(expected);
    }
}
