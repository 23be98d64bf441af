/**
 * The Windows collector: the IP Helper API's socket tables with their owning processes, the
 * processes' names, paths and command lines, and the services each one hosts. Everything is
 * internal: the collector is used through the SPI of procnet-core.
 */
module io.procnet.collect.windows {
    requires io.procnet.core;
    requires com.sun.jna;

    provides io.procnet.spi.CollectorProvider with io.procnet.collect.windows.internal.WindowsIpHelperProvider;
}
