package io.procnet.rules;

import io.procnet.model.ProcessInfo;
import java.time.Instant;

/** Processes for rule tests. */
final class Processes {
    static final Instant STARTED = Instant.parse("2026-11-27T08:00:00Z");

    private Processes() {
    }

    static ProcessInfo process(long pid, String name, String commandLine) {
        return new ProcessInfo(pid, name, commandLine, "root", STARTED, "");
    }

    static ProcessInfo process(long pid, String name, String commandLine, String user, String executable) {
        return new ProcessInfo(pid, name, commandLine, user, STARTED, executable);
    }
}
