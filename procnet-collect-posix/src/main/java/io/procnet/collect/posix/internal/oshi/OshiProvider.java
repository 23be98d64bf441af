package io.procnet.collect.posix.internal.oshi;

import io.procnet.spi.ProbeOnce;
import io.procnet.spi.Availability;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorProvider;
import io.procnet.spi.ConnectionCollector;
import java.time.Clock;
import oshi.SystemInfo;

/** {@code oshi}: OSHI's connections and processes, for macOS and the BSDs (and wherever OSHI runs). */
public final class OshiProvider implements CollectorProvider {
    private final ProbeOnce availability = new ProbeOnce(OshiProvider::probe);

    @Override
    public String id() {
        return OshiCollector.ID;
    }

    @Override
    public int priority() {
        return 5;
    }

    @Override
    public Availability availability() {
        return availability.get();
    }

    @Override
    public ConnectionCollector create(CollectorOptions options) {
        return new OshiCollector(options, Clock.systemUTC());
    }

    private static Availability probe() {
        SystemInfo system = new SystemInfo();
        if (!system.isAvailable()) {
            return Availability.unavailable("OSHI does not support " + System.getProperty("os.name"));
        }
        return Availability.available("OSHI on " + system.getOperatingSystem());
    }
}
