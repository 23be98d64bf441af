package io.procnet.collect.windows.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.procnet.collect.windows.internal.Win32.AdvApi32;
import io.procnet.spi.CollectorException;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The running services by the process that hosts them, from {@code EnumServicesStatusExW},
 * listed again at most every {@link #REFRESH_NANOS}. Not thread-safe.
 */
final class WindowsServices {
    /** Services start and stop rarely; listing them costs a round trip to the service manager. */
    static final long REFRESH_NANOS = 5_000_000_000L;

    private final SizedCall call = new SizedCall("EnumServicesStatusExW", Win32.ERROR_MORE_DATA, 64 * 1024);
    private final LongSupplier nanoClock;
    private Map<Long, List<String>> byPid = Map.of();
    private long listedAt;
    private boolean listed;

    WindowsServices(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The services each process hosts; an empty map when the service manager cannot be asked. */
    Map<Long, List<String>> byPid() {
        long now = nanoClock.getAsLong();
        if (!listed || now - listedAt >= REFRESH_NANOS) {
            byPid = list();
            listedAt = now;
            listed = true;
        }
        return byPid;
    }

    private Map<Long, List<String>> list() {
        long manager = AdvApi32.OpenSCManagerW(null, null, Win32.SC_MANAGER_ENUMERATE_SERVICE);
        if (manager == 0) {
            return Map.of();
        }
        try {
            int[] returned = new int[1];
            Memory buffer = call.fill((memory, size, needed) -> {
                int[] resume = new int[1];
                return AdvApi32.EnumServicesStatusExW(manager, Win32.SC_ENUM_PROCESS_INFO, Win32.SERVICE_WIN32,
                        Win32.SERVICE_ACTIVE, memory, size, needed, returned, resume, null)
                        ? 0 : Native.getLastError();
            });
            return WindowsStructs.decodeServices(buffer.getByteBuffer(0, buffer.size()), Pointer.nativeValue(buffer),
                    returned[0]);
        } catch (CollectorException e) {
            return Map.of(); // labels without services, not a failed collection
        } finally {
            AdvApi32.CloseServiceHandle(manager);
        }
    }
}
