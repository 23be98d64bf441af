package io.procnet.collect.posix.internal.ss;

import io.procnet.spi.ProbeOnce;
import io.procnet.collect.posix.internal.linux.LinuxHost;
import io.procnet.collect.posix.internal.linux.ProcessReader;
import io.procnet.collect.posix.internal.linux.UserNames;
import io.procnet.spi.Availability;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorProvider;
import io.procnet.spi.ConnectionCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** {@code linux-ss}: runs iproute2's {@code ss}, as the original did. */
public final class LinuxSsProvider implements CollectorProvider {
    private final ProbeOnce availability = new ProbeOnce(LinuxSsProvider::probe);

    @Override
    public String id() {
        return LinuxSsCollector.ID;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Availability availability() {
        return availability.get();
    }

    @Override
    public ConnectionCollector create(CollectorOptions options) {
        return new LinuxSsCollector(new ProcessCommandRunner(),
                new ProcessReader(LinuxHost.PROC, new UserNames(Path.of("/etc/passwd"))), options, Clock.systemUTC());
    }

    private static Availability probe() {
        Availability linux = LinuxHost.probe();
        if (!linux.available()) {
            return linux;
        }
        try {
            String version = new ProcessCommandRunner().run(List.of("ss", "-V")).strip();
            return Availability.available(version.isEmpty() ? "ss runs" : version);
        } catch (IOException e) {
            return Availability.unavailable("ss (iproute2) is not installed or does not run", e);
        }
    }
}
