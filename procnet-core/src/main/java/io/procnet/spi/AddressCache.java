package io.procnet.spi;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * For collectors: the addresses of socket table rows, made once each, since a table repeats a
 * few local addresses and its busy remotes thousands of times. Direct-mapped: a slot keeps the
 * last address whose bytes hashed to it, so memory stays fixed. Not thread-safe: one per decoder.
 */
public final class AddressCache {
    /** Slots per family, a power of two. */
    static final int SLOTS = 4096;

    private final int[] v4Keys = new int[SLOTS];
    private final InetAddress[] v4 = new InetAddress[SLOTS];
    private final long[] v6High = new long[SLOTS];
    private final long[] v6Low = new long[SLOTS];
    private final int[] v6Scope = new int[SLOTS];
    private final InetAddress[] v6 = new InetAddress[SLOTS];

    /** An empty cache. */
    public AddressCache() {
        // the slots fill on use
    }

    /** The IPv4 address of the 4 bytes (network order) at {@code at}. */
    public InetAddress v4(ByteBuffer b, int at) {
        int key = b.order() == ByteOrder.BIG_ENDIAN ? b.getInt(at) : Integer.reverseBytes(b.getInt(at));
        int slot = (key * 0x9E3779B9) >>> 20;
        if (v4[slot] == null || v4Keys[slot] != key) {
            v4[slot] = make(b, at, 4, 0);
            v4Keys[slot] = key;
        }
        return v4[slot];
    }

    /**
     * The IPv6 address of the 16 bytes (network order) at {@code at}; a link-local one keeps
     * {@code scope} (its interface), 0 for none.
     */
    public InetAddress v6(ByteBuffer b, int at, int scope) {
        boolean big = b.order() == ByteOrder.BIG_ENDIAN; // keys in network order, whatever the buffer's order
        long high = big ? b.getLong(at) : Long.reverseBytes(b.getLong(at));
        long low = big ? b.getLong(at + 8) : Long.reverseBytes(b.getLong(at + 8));
        int slot = (int) ((high * 0x9E3779B97F4A7C15L ^ low * 0xC2B2AE3D27D4EB4FL ^ scope * 0x165667B19E3779F9L) >>> 52);
        if (v6[slot] == null || v6High[slot] != high || v6Low[slot] != low || v6Scope[slot] != scope) {
            v6[slot] = make(b, at, 16, scope);
            v6High[slot] = high;
            v6Low[slot] = low;
            v6Scope[slot] = scope;
        }
        return v6[slot];
    }

    private static InetAddress make(ByteBuffer b, int at, int length, int scope) {
        byte[] bytes = new byte[length];
        b.get(at, bytes);
        try {
            boolean linkLocal = length == 16 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xC0) == 0x80;
            return linkLocal && scope != 0 ? Inet6Address.getByAddress(null, bytes, scope)
                    : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }
}
