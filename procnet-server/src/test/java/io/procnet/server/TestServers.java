package io.procnet.server;

import java.io.IOException;
import java.time.Duration;

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
}
