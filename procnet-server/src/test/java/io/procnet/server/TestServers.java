package io.procnet.server;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Servers for tests: on an ephemeral loopback port, fed by a script. */
public final class TestServers {
    private TestServers() {
    }

    /** A builder on 127.0.0.1, port 0, ticking every {@code intervalMillis}. */
    public static ProcnetServer.Builder builder(SnapshotSource source, long intervalMillis) {
        return ProcnetServer.builder().source(source).port(0).interval(Duration.ofMillis(intervalMillis));
    }

    public static ProcnetServer start(SnapshotSource source, long intervalMillis) throws IOException {
        return builder(source, intervalMillis).start();
    }

    /** Waits until {@code condition} holds, checking every 10 ms; fails naming {@code what} after {@code timeout}. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(10);
        }
    }
}
