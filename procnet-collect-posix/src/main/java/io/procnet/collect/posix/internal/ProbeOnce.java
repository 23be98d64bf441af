package io.procnet.collect.posix.internal;

import io.procnet.spi.Availability;
import java.util.function.Supplier;

/** Runs an availability probe on first use and remembers its answer; a probe that throws is an unavailability. */
public final class ProbeOnce {
    private final Supplier<Availability> probe;
    private volatile Availability answer;

    public ProbeOnce(Supplier<Availability> probe) {
        this.probe = probe;
    }

    public Availability get() {
        Availability known = answer;
        if (known == null) {
            synchronized (this) {
                known = answer;
                if (known == null) {
                    try {
                        known = probe.get();
                    } catch (RuntimeException | LinkageError e) {
                        known = Availability.unavailable("probe failed", e);
                    }
                    answer = known;
                }
            }
        }
        return known;
    }
}
