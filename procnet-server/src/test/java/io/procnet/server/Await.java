package io.procnet.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling with a deadline, for what a server (or a browser) does on its own threads. */
public final class Await {
    /** Between two looks: short, since most waits here end within a few ticks of 100 ms. */
    private static final long POLL_MILLIS = 5;

    private Await() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        until(what, timeout, condition::getAsBoolean, done -> done);
    }

    /**
     * Reads {@code value} until {@code done} accepts it and returns that value, failing after
     * {@code timeout} with {@code what} and the last value read, so a failure says what was there.
     */
    public static <T> T until(String what, Duration timeout, Supplier<? extends T> value, Predicate<? super T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T last = value.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() - deadline > 0) {
                String was = last instanceof Boolean ? "" : "; last: " + last;
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + was);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Waits until the source has taken {@code ticks} snapshots. */
    public static void ticks(ScriptedSource source, int ticks) throws InterruptedException {
        until(ticks + " ticks (now " + source.ticks() + ")", Duration.ofSeconds(20), () -> source.ticks() >= ticks);
    }
}
