package io.procnet.collect.posix.internal.procfs;

import io.procnet.collect.posix.internal.linux.RawSocket;
import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6}. Pure: text in, rows
 * out; a line that does not parse is skipped and counted.
 *
 * <p>Addresses are hex dumps of 32-bit words in host byte order (one word for IPv4, four for
 * IPv6), ports are hex numbers, the state is a hex {@code TCP_*} code.
 */
public final class ProcNetParser {
    /**
     * sl local rem st tx:rx tr:when retrnsmt uid timeout inode, and the reference count after the
     * inode (every table has it): a line is read only when a field follows the inode, so that a
     * line cut inside the inode is skipped rather than read as a socket of a smaller inode.
     */
    private static final int FIELDS = 11;

    private ProcNetParser() {
    }

    /** What one table gave. */
    public record Parsed(List<RawSocket> rows, int malformed) {
    }

    /** Parses one table's text, written on a machine of byte order {@code hostOrder}. */
    public static Parsed parse(String text, Protocol protocol, ByteOrder hostOrder) {
        List<RawSocket> rows = new ArrayList<>();
        int malformed = 0;
        String[] fields = new String[FIELDS];
        int lineStart = text.indexOf('\n') + 1; // the first line is the header
        if (lineStart == 0) {
            return new Parsed(rows, 0);
        }
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (!text.substring(lineStart, lineEnd).isBlank()) {
                try {
                    rows.add(parseLine(text, lineStart, lineEnd, fields, protocol, hostOrder));
                } catch (IllegalArgumentException e) {
                    malformed++;
                }
            }
            lineStart = lineEnd + 1;
        }
        return new Parsed(rows, malformed);
    }

    private static RawSocket parseLine(String text, int start, int end, String[] fields, Protocol protocol,
                                       ByteOrder hostOrder) {
        int count = split(text, start, end, fields);
        if (count < FIELDS) {
            throw new IllegalArgumentException("too few fields");
        }
        Endpoint local = endpoint(fields[1], hostOrder);
        Endpoint remote = endpoint(fields[2], hostOrder);
        int state = Integer.parseInt(fields[3], 16);
        long uid = Long.parseLong(fields[7]);
        long inode = Long.parseLong(fields[9]);
        if (uid < 0 || inode < 0) { // the kernel prints them unsigned; a socket entry refuses a negative inode
            throw new IllegalArgumentException("negative uid or inode");
        }
        return RawSocket.of(protocol, local, remote, state, uid, inode, null);
    }

    /** Splits on spaces into at most {@code fields.length} fields; returns how many were found. */
    private static int split(String text, int start, int end, String[] fields) {
        int count = 0;
        int i = start;
        while (i < end && count < fields.length) {
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            int fieldStart = i;
            while (i < end && text.charAt(i) != ' ') {
                i++;
            }
            if (i > fieldStart) {
                fields[count++] = text.substring(fieldStart, i);
            }
        }
        return count;
    }

    /** {@code 0100007F:1F90} is 127.0.0.1:8080 on a little-endian host. */
    static Endpoint endpoint(String field, ByteOrder hostOrder) {
        int colon = field.indexOf(':');
        if (colon != 8 && colon != 32 || field.length() != colon + 5) {
            throw new IllegalArgumentException("not an address:port field: " + field);
        }
        byte[] address = new byte[colon / 2];
        for (int word = 0; word < colon / 8; word++) {
            long value = Long.parseLong(field.substring(word * 8, word * 8 + 8), 16);
            for (int b = 0; b < 4; b++) {
                int shift = hostOrder == ByteOrder.LITTLE_ENDIAN ? 8 * b : 8 * (3 - b);
                address[word * 4 + b] = (byte) (value >>> shift);
            }
        }
        return Endpoint.of(address, Integer.parseInt(field.substring(colon + 1), 16));
    }
}
