package io.procnet.collect.windows.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.procnet.collect.windows.internal.Win32.AdvApi32;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The services by the process that hosts them, from {@code EnumServicesStatusExW}, listed again
 * at most every {@link #REFRESH_NANOS}. The list comes in chunks: each call fills the buffer
 * with what fits and a resume handle says where the next call goes on. Not thread-safe.
 */
final class WindowsServices {
    /** Services start and stop rarely; listing them costs a round trip to the service manager. */
    static final long REFRESH_NANOS = 5_000_000_000L;
    /** Calls per listing at most: a chunk holds at least one service, and real machines have a few hundred. */
    static final int MAX_CALLS = 64;
    /** The service manager fills at most 256 KB per call. */
    static final int MAX_BUFFER_BYTES = 256 * 1024;

    private final LongSupplier nanoClock;
    private Memory buffer = new Memory(64 * 1024);
    private Map<Long, List<String>> byPid = Map.of();
    private String problem;
    private long listedAt;
    private boolean listed;

    WindowsServices(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The services each process hosts, each list sorted; what could be listed when the last listing failed. */
    Map<Long, List<String>> byPid() {
        long now = nanoClock.getAsLong();
        if (!listed || now - listedAt >= REFRESH_NANOS) {
            byPid = list();
            listedAt = now;
            listed = true;
        }
        return byPid;
    }

    /** Why the last listing is missing or incomplete, or null when it is whole. */
    String problem() {
        return problem;
    }

    private Map<Long, List<String>> list() {
        Map<Long, List<String>> found = new TreeMap<>();
        long manager = AdvApi32.OpenSCManagerW(null, null, Win32.SC_MANAGER_ENUMERATE_SERVICE);
        if (manager == 0) {
            problem = "the service manager cannot be opened (error " + Native.getLastError() + "): no service names";
            return found;
        }
        try {
            int skipped = 0;
            int[] resume = {0};
            for (int call = 0; call < MAX_CALLS; call++) {
                int[] needed = new int[1];
                int[] returned = new int[1];
                boolean done = AdvApi32.EnumServicesStatusExW(manager, Win32.SC_ENUM_PROCESS_INFO, Win32.SERVICE_WIN32,
                        Win32.SERVICE_ACTIVE, buffer, (int) buffer.size(), needed, returned, resume, null);
                int error = done ? 0 : Native.getLastError();
                if (!done && error != Win32.ERROR_MORE_DATA) {
                    problem = "EnumServicesStatusExW failed with error " + error + ": service names are incomplete";
                    return WindowsStructs.sorted(found);
                }
                // the chunk's strings point into this buffer: decode it before the next call reuses it
                skipped += WindowsStructs.decodeServices(buffer.getByteBuffer(0, buffer.size()), Pointer.nativeValue(buffer),
                        returned[0], found);
                if (done) {
                    problem = skipped == 0 ? null
                            : skipped + " services could not be decoded and were skipped: service names are incomplete";
                    return WindowsStructs.sorted(found);
                }
                if (returned[0] == 0 && buffer.size() < MAX_BUFFER_BYTES) {
                    buffer = new Memory(Math.min(MAX_BUFFER_BYTES, Math.max(buffer.size() * 2, needed[0] + 4096L)));
                }
            }
            problem = "EnumServicesStatusExW did not finish in " + MAX_CALLS + " calls: service names are incomplete";
            return WindowsStructs.sorted(found);
        } finally {
            AdvApi32.CloseServiceHandle(manager);
        }
    }
}
