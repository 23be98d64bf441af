package io.procnet.testkit;

import java.util.SplittableRandom;

/**
 * Seeded random trials of a property, on any test framework: each trial gets a generator of its
 * own, seeded from the run's seed, the property's name and the trial's number, so every build runs
 * the same trials and a failure names the property, the trial and the seed that reproduce it.
 *
 * <p>{@code -Dprocnet.trials.seed=N} ({@value #SEED_PROPERTY}) runs other trials;
 * {@code -Dprocnet.trials.scale=F} ({@value #SCALE_PROPERTY}) runs F times as many of each
 * property (at least one).
 *
 * <p>A harness of our own on plain JUnit, not jqwik: from 1.10 on, jqwik's maintainers ask that
 * AI coding agents not use it, and these tests were written by one.
 *
 * <p>Thread-safe: it holds no state; the system properties are read on each {@link #run}.
 */
public final class Trials {
    /** The system property that holds the seed of a run: a {@code long}, decimal or {@code 0x} hex. */
    public static final String SEED_PROPERTY = "procnet.trials.seed";
    /** The system property that scales the number of trials of every property: a positive number. */
    public static final String SCALE_PROPERTY = "procnet.trials.scale";
    /** The seed of every run unless {@value #SEED_PROPERTY} says otherwise. */
    public static final long DEFAULT_SEED = 0x5EED_2026_1201L;

    private Trials() {
    }

    /** One trial of a property: checks it on what {@code random} draws, and throws when it does not hold. */
    @FunctionalInterface
    public interface Trial {
        /**
         * Runs the trial.
         *
         * @param random the trial's own generator; the same for the same seed, property and trial
         * @throws Exception when the property does not hold (or the code under test failed)
         */
        void run(SplittableRandom random) throws Exception;
    }

    /**
     * The seed of this run: {@value #SEED_PROPERTY}, or {@link #DEFAULT_SEED}.
     *
     * @return the seed
     * @throws IllegalArgumentException when the property is set to no {@code long}
     */
    public static long seed() {
        String value = System.getProperty(SEED_PROPERTY);
        if (value == null) {
            return DEFAULT_SEED;
        }
        try {
            return Long.decode(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + "=" + value + " is no long", e);
        }
    }

    /**
     * The factor that scales every property's number of trials: {@value #SCALE_PROPERTY}, or 1.
     *
     * @return a positive, finite factor
     * @throws IllegalArgumentException when the property is set to anything else
     */
    public static double scale() {
        String value = System.getProperty(SCALE_PROPERTY);
        if (value == null) {
            return 1;
        }
        double scale;
        try {
            scale = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SCALE_PROPERTY + "=" + value + " is no number", e);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("-D" + SCALE_PROPERTY + "=" + value + " is not a positive number");
        }
        return scale;
    }

    /**
     * How many trials {@link #run} runs for {@code trials}: that many times the {@link #scale()},
     * rounded, and at least one.
     *
     * @param trials the number of trials at scale 1, at least 1
     * @return the scaled number
     * @throws IllegalArgumentException when {@code trials} is less than 1
     */
    public static int count(int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials " + trials + " < 1");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(trials * scale())));
    }

    /**
     * The generator that trial {@code trial} of {@code property} gets from {@link #run} under
     * {@link #seed()}: a failing trial can be run again alone with it.
     *
     * @param property the property's name, as given to {@link #run}
     * @param trial the trial's number, from 0
     * @return a new generator
     */
    public static SplittableRandom random(String property, int trial) {
        return new SplittableRandom(seed(property, trial, seed()));
    }

    /**
     * Runs {@link #count(int) count(trials)} trials of {@code property}, each with its own
     * generator ({@link #random}). The first that throws ends the run with an {@link AssertionError}
     * whose message names the property, the trial and the seed, and whose cause is what it threw.
     *
     * @param property the property's name: says what is checked, and seeds its trials
     * @param trials the number of trials at scale 1, at least 1
     * @param trial the check
     * @throws AssertionError when a trial throws an exception or an {@link AssertionError}
     */
    public static void run(String property, int trials, Trial trial) {
        long seed = seed();
        int count = count(trials);
        for (int i = 0; i < count; i++) {
            try {
                trial.run(new SplittableRandom(seed(property, i, seed)));
            } catch (AssertionError | Exception e) {
                throw new AssertionError(property + ": trial " + i + " of " + count + " failed (-D" + SEED_PROPERTY
                        + "=" + seed + "): " + e, e);
            }
        }
    }

    private static long seed(String property, int trial, long seed) {
        return seed ^ property.hashCode() * 0x9E37_79B9_7F4A_7C15L ^ trial * 0xC2B2_AE3D_27D4_EB4FL;
    }
}
