package io.procnet.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The few addresses a socket table repeats are made once each, in slots of their own; many more
 * addresses than slots still give the right answer every time, whichever part of them differs.
 */
class AddressCacheSlotsTest {

    @Test
    void aFewV4AddressesAreMadeOnceEach() {
        assertMadeOnceEach(i -> ByteBuffer.wrap(new byte[] {10, 0, (byte) (i / 256), (byte) i}),
                (cache, b) -> cache.v4(b, 0));
        assertMadeOnceEach(i -> ByteBuffer.wrap(new byte[] {(byte) (192 + i % 2), (byte) 168, 1, (byte) i}),
                (cache, b) -> cache.v4(b, 0));
    }

    @Test
    void aFewV6AddressesAreMadeOnceEach() {
        assertMadeOnceEach(i -> v6(0x20010db8_00000000L, i + 1), (cache, b) -> cache.v6(b, 0, 0));
        assertMadeOnceEach(i -> v6(0x20010db8_00000000L | i, 1), (cache, b) -> cache.v6(b, 0, 0));
        assertMadeOnceEach(i -> v6(0xfe800000_00000000L, 1), (cache, b) -> cache.v6(b, 0, 0)); // one address
    }

    @Test
    void theUnspecifiedAddressInAFreshCacheIsAnAddress() throws Exception {
        assertThat(new AddressCache().v6(ByteBuffer.allocate(16), 0, 0)).isEqualTo(InetAddress.getByName("::"));
        assertThat(new AddressCache().v4(ByteBuffer.allocate(4), 0)).isEqualTo(InetAddress.getByName("0.0.0.0"));
    }

    static Stream<Arguments> manyV6() {
        return Stream.of(
                Arguments.of("the high half differs", (IntFunction<long[]>) i -> new long[] {0x20010db8_00000000L + i * 7919L, 1, 0}),
                Arguments.of("the low half differs", (IntFunction<long[]>) i -> new long[] {0x20010db8_00000000L, i * 7919L, 0}),
                Arguments.of("both halves differ", (IntFunction<long[]>) i -> new long[] {i, i, 0}),
                Arguments.of("the scope differs", (IntFunction<long[]>) i -> new long[] {0xfe800000_00000000L, 1, i + 1}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manyV6")
    void moreV6AddressesThanSlotsGiveTheRightAnswerEveryTime(String name, IntFunction<long[]> address) {
        AddressCache cache = new AddressCache();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3 * AddressCache.SLOTS; i++) {
                long[] parts = address.apply(i);
                ByteBuffer b = v6(parts[0], parts[1]);
                Inet6Address made = (Inet6Address) cache.v6(b, 0, (int) parts[2]);
                assertThat(made.getAddress()).isEqualTo(b.array());
                assertThat(made.getScopeId()).isEqualTo((int) parts[2]);
            }
        }
    }

    @Test
    void aLittleEndianBufferGivesTheAddressAtItsOffset() throws Exception {
        AddressCache cache = new AddressCache();
        byte[] prefix = {1, 2, 3, 4, 5, 6, 7, 8};
        InetAddress a = InetAddress.getByName("2001:db8::1");
        InetAddress b = InetAddress.getByName("2001:db8::2");

        assertThat(cache.v6(withPrefix(prefix, a), 8, 0)).isEqualTo(a);
        assertThat(cache.v6(withPrefix(prefix, b), 8, 0)).isEqualTo(b);
        assertThat(cache.v6(withPrefix(prefix, a), 8, 0)).isEqualTo(a);
        assertThat(cache.v6(ByteBuffer.wrap(a.getAddress()), 0, 0)).isSameAs(cache.v6(withPrefix(prefix, a), 8, 0));
    }

    private static ByteBuffer withPrefix(byte[] prefix, InetAddress address) {
        return ByteBuffer.allocate(24).put(prefix).put(address.getAddress()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer v6(long high, long low) {
        return ByteBuffer.allocate(16).putLong(0, high).putLong(8, low);
    }

    private static void assertMadeOnceEach(IntFunction<ByteBuffer> address,
                                           java.util.function.BiFunction<AddressCache, ByteBuffer, InetAddress> lookup) {
        AddressCache cache = new AddressCache();
        List<InetAddress> first = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            first.add(lookup.apply(cache, address.apply(i)));
        }
        for (int i = 0; i < 32; i++) {
            ByteBuffer bytes = address.apply(i);
            InetAddress again = lookup.apply(cache, bytes);
            assertThat(again.getAddress()).isEqualTo(bytes.array());
            assertThat(again).as("address %d", i).isSameAs(first.get(i));
        }
    }
}
