package io.procnet.spi;

import java.util.function.Supplier;

/**
 * Runs an availability probe on first use and remembers its answer, for
 * {@link CollectorProvider#availability()}; a probe that throws (a native library that does not
 * load, say) is an unavailability with the error. Thread-safe.
 */
public final class ProbeOnce {
    private final Supplier<Availability> probe;
    private volatile Availability answer;

    /** @param probe checks the machine once; it may throw */
    public ProbeOnce(Supplier<Availability> probe) {
        this.probe = probe;
    }

    /** The probe's answer, probing on the first call. */
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
