package io.procnet.collect.windows.internal;

import io.procnet.spi.Availability;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorProvider;
import io.procnet.spi.ConnectionCollector;
import io.procnet.spi.ProbeOnce;
import java.util.List;
import java.util.Locale;

/** The {@code windows-iphlpapi} collector: 64-bit Windows, through the IP Helper API. */
public final class WindowsIpHelperProvider implements CollectorProvider {
    private final ProbeOnce availability = new ProbeOnce(WindowsIpHelperProvider::probe);

    @Override
    public String id() {
        return WindowsIpHelperCollector.ID;
    }

    @Override
    public int priority() {
        return 30;
    }

    @Override
    public Availability availability() {
        return availability.get();
    }

    private static Availability probe() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Availability.unavailable("not Windows: " + os);
        }
        if (com.sun.jna.Native.POINTER_SIZE != 8) {
            return Availability.unavailable("a 32-bit JVM: the collector reads 64-bit structures");
        }
        // loads JNA and each DLL's functions: a LinkageError here is an unavailability, not a failed collect
        Win32.Kernel32.GetCurrentProcessId();
        for (Class<?> library : List.of(Win32.NtDll.class, Win32.AdvApi32.class)) {
            try {
                Class.forName(library.getName(), true, library.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        int[] size = {0};
        int status = Win32.IpHlpApi.GetExtendedTcpTable(null, size, false, Win32.AF_INET, Win32.TCP_TABLE_OWNER_PID_ALL, 0);
        if (status != 0 && status != Win32.ERROR_INSUFFICIENT_BUFFER) {
            return Availability.unavailable("GetExtendedTcpTable answered error " + status);
        }
        return Availability.available("Windows with the IP Helper API");
    }

    @Override
    public ConnectionCollector create(CollectorOptions options) {
        return new WindowsIpHelperCollector(options);
    }
}
