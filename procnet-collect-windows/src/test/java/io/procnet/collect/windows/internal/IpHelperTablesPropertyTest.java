package io.procnet.collect.windows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.collect.windows.internal.IpHelperTables.Table;
import io.procnet.model.SocketEntry;
import io.procnet.spi.AddressCache;
import io.procnet.testkit.Bytes;
import io.procnet.testkit.Damage;
import io.procnet.testkit.Damaged;
import io.procnet.testkit.Trials;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link IpHelperTables#decode} on every recorded table: cut at every length, with
 * garbage after the length, and with bytes overwritten. No exception escapes; a row decodes as in
 * the whole table or is counted as skipped; nothing at or past the length is read.
 */
class IpHelperTablesPropertyTest {
    /** Damage to Windows' little-endian fields: 1 to 8 edits a copy. */
    private static final Damage DAMAGE = Damage.binary(ByteOrder.LITTLE_ENDIAN).edits(8);
    private final AddressCache addresses = new AddressCache();

    /** A recorded table and its rows. */
    private record Recorded(Table table, byte[] bytes, List<SocketEntry> rows) {
        int promised() {
            return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        }
    }

    /** A decode: the rows and the count of skipped ones. */
    private record Decoded(List<SocketEntry> rows, int skipped) {
    }

    private Decoded decode(Table table, ByteBuffer b, int length) {
        List<SocketEntry> rows = new ArrayList<>();
        int skipped = IpHelperTables.decode(table, b, length, rows, addresses);
        return new Decoded(rows, skipped);
    }

    private List<Recorded> recorded() {
        List<Recorded> all = new ArrayList<>();
        for (Table table : Table.values()) {
            byte[] bytes = Fixtures.load(table.name().toLowerCase(Locale.ROOT) + "-owner-pid-wine.bin").array();
            Decoded whole = decode(table, ByteBuffer.wrap(bytes), bytes.length);
            assertThat(whole.skipped()).as(table + " whole").isZero();
            assertThat(whole.rows()).as(table + " whole").isNotEmpty();
            all.add(new Recorded(table, bytes, whole.rows()));
        }
        return all;
    }

    @Test
    void everyCutDecodesTheRowsThatFitAndCountsTheOthersAsSkipped() {
        for (Recorded table : recorded()) {
            for (int length = 0; length <= table.bytes().length; length++) {
                Decoded cut = decode(table.table(), Bytes.cut(table.bytes(), length), length);
                String what = table.table() + " cut at " + length;
                if (length < IpHelperTables.ROWS) {
                    assertThat(cut.rows()).as(what).isEmpty();
                    assertThat(cut.skipped()).as(what).isEqualTo(length == 0 ? 0 : 1); // the count itself is cut
                } else {
                    int fit = Math.min(table.promised(), (length - IpHelperTables.ROWS) / table.table().rowLength);
                    assertThat(cut.rows()).as(what).isEqualTo(table.rows().subList(0, fit));
                    assertThat(cut.skipped()).as(what).isEqualTo(table.promised() - fit);
                }
            }
        }
    }

    @Test
    void nothingAtOrPastTheLengthIsRead() {
        List<Recorded> tables = recorded();
        Trials.run("tables: garbage after the length", 300, random -> {
            for (Recorded table : tables) {
                for (int length = 0; length <= table.bytes().length; length++) {
                    Decoded exact = decode(table.table(), Bytes.cut(table.bytes(), length), length);
                    // garbage both past the length within the buffer's limit, and past the limit
                    byte[] withTail = Bytes.garbageAfter(random, table.bytes(), length, 1 + random.nextInt(200));
                    ByteBuffer amid = Bytes.amidGarbage(random, withTail);
                    assertThat(decode(table.table(), amid, length)).as(table.table() + " cut at " + length).isEqualTo(exact);
                }
            }
        });
    }

    @Test
    void overwrittenBytesThrowNothingAndChangeOnlyTheirOwnRows() {
        List<Recorded> tables = recorded();
        Trials.run("tables: bytes overwritten", 50_000, random -> {
            Recorded table = tables.get(random.nextInt(tables.size()));
            int rowLength = table.table().rowLength;
            Damaged mutation = DAMAGE.copy(random, table.bytes());
            int length = random.nextInt(4) == 0 ? random.nextInt(table.bytes().length + 1) : table.bytes().length;
            String what = table.table() + " with " + mutation + ", cut at " + length;

            Decoded decoded = decode(table.table(), ByteBuffer.wrap(mutation.bytes()), length);

            if (length < IpHelperTables.ROWS) {
                assertThat(decoded.rows()).as(what).isEmpty();
                return;
            }
            long promised = ByteBuffer.wrap(mutation.bytes()).order(ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xFFFF_FFFFL;
            int fit = (int) Math.min(promised, (length - IpHelperTables.ROWS) / rowLength);
            assertThat(decoded.rows()).as(what).hasSize(fit);
            assertThat(decoded.skipped()).as(what).isEqualTo((int) Math.min(Integer.MAX_VALUE, promised - fit));
            for (int i = 0; i < fit; i++) {
                SocketEntry row = decoded.rows().get(i);
                assertThat(row.pid()).as(what).isNotZero(); // pid 0 is no owner
                int at = IpHelperTables.ROWS + i * rowLength;
                if (!mutation.touched(at, at + rowLength)) {
                    assertThat(row).as(what + ": row " + i).isEqualTo(table.rows().get(i));
                }
            }
        });
    }
}
