package io.procnet.internal.graph;

/** Hash mixing for keys made of values that differ in a few low bits (addresses, ports, ids). */
final class Hashing {
    private Hashing() {
    }

    /**
     * Packs two 32-bit hashes into one long (injective), adds {@code extra}, and applies the
     * 64-bit finaliser of MurmurHash3, so every input bit affects every output bit. Summing the
     * two hashes instead ({@code 31 * a + b}) makes the halves of loopback connections, which
     * differ only in their ports, collide by the thousand.
     */
    static int mix(int first, int second, int extra) {
        long h = ((long) first << 32 | (second & 0xFFFFFFFFL)) * 31 + extra;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) (h ^ h >>> 32);
    }
}
