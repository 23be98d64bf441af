/**
 * Procnet collectors for Linux (netlink sock_diag, /proc/net, ss) and, through OSHI, macOS and
 * the BSDs. Everything is internal: the collectors are used through the SPI of procnet-core.
 */
module io.procnet.collect.posix {
    requires io.procnet.core;
    requires com.sun.jna;
    requires com.github.oshi;

    provides io.procnet.spi.CollectorProvider with
            io.procnet.collect.posix.internal.netlink.LinuxNetlinkProvider,
            io.procnet.collect.posix.internal.procfs.LinuxProcfsProvider,
            io.procnet.collect.posix.internal.ss.LinuxSsProvider,
            io.procnet.collect.posix.internal.oshi.OshiProvider;
}
