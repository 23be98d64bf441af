package io.procnet.collect.windows.internal;

import io.procnet.spi.AddressCache;
import io.procnet.model.SocketEntry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Decode throughput of the socket tables: synthetic 100k-row TCP4 and TCP6 tables (a server's
 * established connections from 100k random remote addresses, the worst case for the address
 * cache) decoded into {@link SocketEntry}s.
 * Not a test: run it with {@code mvn -q -pl procnet-collect-windows test-compile exec:exec@decode-bench}.
 *
 * <p>The reference, in the same run, is the floor of any decoder: a loop that only reads every
 * field of every row from the same buffer and sums them.
 */
public final class DecodeBenchmark {
    private static final int ROWS = 100_000;
    private static final int ROUNDS = 30;

    private DecodeBenchmark() {
    }

    /** Rounds of both tables before any is timed: the JIT and the collector's sizing settle in that time. */
    private static final int WARMUP = 40;

    public static void main(String[] args) {
        Random random = new Random(1);
        List<IpHelperTables.Table> tables = List.of(IpHelperTables.Table.TCP4, IpHelperTables.Table.TCP6);
        List<ByteBuffer> buffers = List.of(table(tables.get(0), random), table(tables.get(1), random));
        for (int round = 0; round < WARMUP; round++) {
            for (int t = 0; t < tables.size(); t++) {
                IpHelperTables.decode(tables.get(t), buffers.get(t), buffers.get(t).limit(), new ArrayList<>(ROWS));
            }
        }
        for (int t = 0; t < tables.size(); t++) {
            IpHelperTables.Table table = tables.get(t);
            ByteBuffer buffer = buffers.get(t);
            AddressCache addresses = new AddressCache(); // kept from round to round, as a collector keeps it
            List<Double> decode = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            long sink = 0;
            for (int round = 0; round < ROUNDS + 3; round++) {
                List<SocketEntry> rows = new ArrayList<>(ROWS);
                long start = System.nanoTime();
                IpHelperTables.decode(table, buffer, buffer.limit(), rows, addresses);
                long decoded = System.nanoTime();
                sink += readEveryField(buffer, table.rowLength);
                long read = System.nanoTime();
                sink += rows.size();
                if (round >= 3) {
                    decode.add((decoded - start) / 1e6);
                    floor.add((read - decoded) / 1e6);
                }
            }
            double median = median(decode);
            double floorMedian = median(floor);
            System.out.printf(Locale.ROOT, "%s: %,d rows decoded in %.2f ms (median of %d): %.1f M rows/s;"
                            + " reading the fields alone %.2f ms (%.1fx)%s%n", table, ROWS, median, ROUNDS,
                    ROWS / median / 1000, floorMedian, median / floorMedian, sink == 42 ? " " : "");
        }
    }

    private static ByteBuffer table(IpHelperTables.Table table, Random random) {
        ByteBuffer b = ByteBuffer.allocate(4 + ROWS * table.rowLength).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(ROWS);
        for (int i = 0; i < ROWS; i++) {
            int row = 4 + i * table.rowLength;
            if (table == IpHelperTables.Table.TCP4) {
                b.putInt(row, 5).putInt(row + 4, 0x0100000A).putShort(row + 8, (short) 0xBB01)
                        .putInt(row + 12, random.nextInt()).putShort(row + 16, (short) random.nextInt())
                        .putInt(row + 20, 1000 + random.nextInt(200));
            } else {
                b.putLong(row, 0x000000000000B80DL).putLong(row + 8, 0x0100000000000000L)
                        .putShort(row + 20, (short) 0xBB01).putLong(row + 24, random.nextLong())
                        .putLong(row + 32, random.nextLong()).putShort(row + 44, (short) random.nextInt())
                        .putInt(row + 48, 5).putInt(row + 52, 1000 + random.nextInt(200));
            }
        }
        return b;
    }

    private static long readEveryField(ByteBuffer b, int rowLength) {
        long sum = 0;
        for (int row = 4; row + rowLength <= b.limit(); row += rowLength) {
            for (int at = row; at < row + rowLength; at += 4) {
                sum += b.getInt(at);
            }
        }
        return sum;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
