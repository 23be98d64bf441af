package io.procnet.collect.posix.internal.procfs;

import io.procnet.spi.ProbeOnce;
import io.procnet.collect.posix.internal.linux.LinuxHost;
import io.procnet.spi.Availability;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorProvider;
import io.procnet.spi.ConnectionCollector;

/** {@code linux-procfs}: pure Java over {@code /proc/net/*} text. */
public final class LinuxProcfsProvider implements CollectorProvider {
    private final ProbeOnce availability = new ProbeOnce(LinuxHost::probe);

    @Override
    public String id() {
        return "linux-procfs";
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public Availability availability() {
        return availability.get();
    }

    @Override
    public ConnectionCollector create(CollectorOptions options) {
        return LinuxHost.collector(id(), new ProcNetTable(LinuxHost.PROC.resolve("net"), options),
                pid -> new ProcNetTable(LinuxHost.PROC.resolve(pid + "/net"), options));
    }
}
