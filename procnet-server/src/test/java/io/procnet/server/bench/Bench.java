package io.procnet.server.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/** What the server benchmarks measure with: order statistics, thread CPU by thread name, GC totals, RSS. */
final class Bench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Bench() {
    }

    /** CPU nanoseconds so far of every live thread whose name passes, by thread id. */
    static Map<Long, Long> cpuByThread(Predicate<String> names) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && names.test(info.getThreadName())) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    /** CPU nanoseconds spent between two {@link #cpuByThread} readings (threads born between count from 0). */
    static long cpuBetween(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> entry : after.entrySet()) {
            sum += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
        }
        return sum;
    }

    /** CPU nanoseconds of the whole process (all threads, the JVM's own included). */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** {count, milliseconds} of all collections so far. */
    static long[] gc() {
        return gc(name -> true);
    }

    /** {count, milliseconds} of the full collections so far (Serial's MarkSweepCompact, G1's Old Generation). */
    static long[] fullGc() {
        return gc(name -> name.contains("MarkSweep") || name.contains("Old"));
    }

    private static long[] gc(Predicate<String> collectors) {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collectors.test(bean.getName())) {
                count += Math.max(0, bean.getCollectionCount());
                millis += Math.max(0, bean.getCollectionTime());
            }
        }
        return new long[] {count, millis};
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The heap used after two full collections. */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return heapUsed();
    }

    /** VmRSS of a process, in bytes, or -1 when it cannot be read. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The p-th percentile (0..100) by nearest rank. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double median(List<? extends Number> values) {
        return median(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024);
    }

    /** The highest value of {@code reading} seen, read every {@code periodMillis} on a daemon thread, until closed. */
    static final class MaxSampler implements AutoCloseable {
        private final Thread thread;
        private volatile long max;
        private volatile boolean done;

        MaxSampler(String name, long periodMillis, LongSupplier reading) {
            thread = new Thread(() -> {
                while (!done) {
                    max = Math.max(max, reading.getAsLong());
                    try {
                        Thread.sleep(periodMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** The highest heap use, read every 10 ms. */
        static MaxSampler heap() {
            return new MaxSampler("bench-heap-sampler", 10, Bench::heapUsed);
        }

        long max() {
            return max;
        }

        void reset() {
            max = 0;
        }

        @Override
        public void close() {
            done = true;
            thread.interrupt();
        }
    }

    /** The highest heap use right after a collection, from the collectors' notifications. */
    static final class GcWatch {
        private volatile long maxAfterGc;
        private volatile long maxAfterFullGc;

        GcWatch() {
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) bean).addNotificationListener((notification, handback) -> {
                    if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        collected(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                    }
                }, null, null);
            }
        }

        private void collected(GarbageCollectionNotificationInfo info) {
            long used = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                String name = pool.getKey();
                if (!name.contains("Metaspace") && !name.contains("Code") && !name.contains("Class")) {
                    used += pool.getValue().getUsed();
                }
            }
            maxAfterGc = Math.max(maxAfterGc, used);
            if (info.getGcAction().contains("major")) {
                maxAfterFullGc = Math.max(maxAfterFullGc, used);
            }
        }

        /** The most heap in use after any collection since the last reset. */
        long maxAfterGc() {
            return maxAfterGc;
        }

        /** The most heap in use after a full collection since the last reset, 0 when there was none. */
        long maxAfterFullGc() {
            return maxAfterFullGc;
        }

        void reset() {
            maxAfterGc = 0;
            maxAfterFullGc = 0;
        }
    }
}
