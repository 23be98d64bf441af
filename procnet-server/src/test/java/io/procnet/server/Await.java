package io.procnet.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline, for what a server does on its own threads. */
public final class Await {
    private Await() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Waits until the source has taken {@code ticks} snapshots. */
    public static void ticks(ScriptedSource source, int ticks) throws InterruptedException {
        until(ticks + " ticks (now " + source.ticks() + ")", Duration.ofSeconds(20), () -> source.ticks() >= ticks);
    }
}
