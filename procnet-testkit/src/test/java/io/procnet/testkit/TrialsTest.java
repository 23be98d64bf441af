package io.procnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialsTest {

    @Test
    void aFailureNamesThePropertyTheTrialAndTheSeedAndKeepsWhatWasThrown() {
        AssertionError cause = new AssertionError("expected 3 but was 4");
        List<Integer> ran = new ArrayList<>();
        int[] trial = {0};

        assertThatThrownBy(() -> Trials.run("sums add up", 10, random -> {
            ran.add(trial[0]);
            if (trial[0]++ == 6) {
                throw cause;
            }
        })).isInstanceOf(AssertionError.class)
                .hasMessage("sums add up: trial 6 of " + Trials.count(10) + " failed (-Dprocnet.trials.seed="
                        + Trials.seed() + "): java.lang.AssertionError: expected 3 but was 4")
                .hasCause(cause);
        assertThat(ran).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void anExceptionFailsTheTrialToo() {
        IOException cause = new IOException("no such file");
        assertThatThrownBy(() -> Trials.run("reads", 5, random -> {
            throw cause;
        })).isInstanceOf(AssertionError.class).hasMessageStartingWith("reads: trial 0 of ")
                .hasMessageContaining("-Dprocnet.trials.seed=" + Trials.seed()).hasCause(cause);
    }

    @Test
    void eachTrialGetsTheGeneratorThatRandomGivesForItsNumber() {
        List<Long> drawn = new ArrayList<>();
        Trials.run("draws", 20, random -> drawn.add(random.nextLong()));
        List<Long> again = new ArrayList<>();
        Trials.run("draws", 20, random -> again.add(random.nextLong()));

        assertThat(drawn).hasSize(Trials.count(20)).isEqualTo(again).doesNotHaveDuplicates();
        for (int i = 0; i < drawn.size(); i++) {
            assertThat(Trials.random("draws", i).nextLong()).as("trial " + i).isEqualTo(drawn.get(i));
        }
        assertThat(Trials.random("other draws", 0).nextLong()).isNotEqualTo(drawn.get(0));
    }

    @Test
    void theSeedPropertyChangesTheTrialsAndIsNamedInTheFailure() {
        String old = System.getProperty(Trials.SEED_PROPERTY);
        long before = Trials.random("draws", 3).nextLong();
        try {
            System.setProperty(Trials.SEED_PROPERTY, "0x10");
            assertThat(Trials.seed()).isEqualTo(16);
            assertThat(Trials.random("draws", 3).nextLong()).isNotEqualTo(before);
            assertThatThrownBy(() -> Trials.run("fails", 1, random -> {
                throw new IllegalStateException("no");
            })).hasMessageContaining("(-Dprocnet.trials.seed=16)");

            System.setProperty(Trials.SEED_PROPERTY, "seven");
            assertThatThrownBy(Trials::seed).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("-Dprocnet.trials.seed=seven is no long");
        } finally {
            restore(Trials.SEED_PROPERTY, old);
        }
    }

    @Test
    void theScaleMultipliesEveryCountAndLeavesAtLeastOneTrial() {
        String old = System.getProperty(Trials.SCALE_PROPERTY);
        try {
            System.clearProperty(Trials.SCALE_PROPERTY);
            assertThat(Trials.count(300)).isEqualTo(300);
            System.setProperty(Trials.SCALE_PROPERTY, "2.5");
            assertThat(Trials.count(300)).isEqualTo(750);
            int[] runs = {0};
            Trials.run("counted", 4, random -> runs[0]++);
            assertThat(runs[0]).isEqualTo(10);
            System.setProperty(Trials.SCALE_PROPERTY, "0.001");
            assertThat(Trials.count(300)).isEqualTo(1);

            for (String bad : List.of("0", "-1", "NaN", "Infinity", "lots")) {
                System.setProperty(Trials.SCALE_PROPERTY, bad);
                assertThatThrownBy(Trials::scale).as(bad).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("-Dprocnet.trials.scale=" + bad + " is no");
            }
        } finally {
            restore(Trials.SCALE_PROPERTY, old);
        }
        assertThatThrownBy(() -> Trials.count(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trials 0 < 1");
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
