package io.procnet.collect.posix.internal.netlink;

import io.procnet.spi.ProbeOnce;
import io.procnet.collect.posix.internal.linux.LinuxHost;
import io.procnet.spi.Availability;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorProvider;
import io.procnet.spi.ConnectionCollector;
import java.io.IOException;

/** {@code linux-netlink}: netlink sock_diag dumps through JNA, the fastest Linux collector. */
public final class LinuxNetlinkProvider implements CollectorProvider {
    private final ProbeOnce availability = new ProbeOnce(LinuxNetlinkProvider::probe);

    @Override
    public String id() {
        return "linux-netlink";
    }

    @Override
    public int priority() {
        return 30;
    }

    @Override
    public Availability availability() {
        return availability.get();
    }

    @Override
    public ConnectionCollector create(CollectorOptions options) {
        return LinuxHost.collector(id(), new NetlinkTable(options),
                pid -> new NetlinkTable(options, LinuxHost.PROC.resolve(pid + "/ns/net").toString()));
    }

    /** Linux, JNA loads, and a sock_diag socket opens. */
    private static Availability probe() {
        Availability linux = LinuxHost.probe();
        if (!linux.available()) {
            return linux;
        }
        try {
            new NetlinkSocket().close();
            return Availability.available("netlink sock_diag socket opened");
        } catch (IOException e) {
            return Availability.unavailable("cannot open a netlink sock_diag socket", e);
        } catch (LinkageError e) {
            return Availability.unavailable("JNA cannot load its native library or libc", e);
        }
    }
}
