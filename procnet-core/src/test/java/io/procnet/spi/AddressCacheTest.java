package io.procnet.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class AddressCacheTest {

    @Test
    void givesOneInstancePerAddressAndTheRightOneAfterACollision() throws Exception {
        AddressCache cache = new AddressCache();
        ByteBuffer b = ByteBuffer.allocate(8).put(new byte[] {127, 0, 0, 1, 10, 0, 0, 7});

        InetAddress loopback = cache.v4(b, 0);

        assertThat(loopback).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(cache.v4(b, 0)).isSameAs(loopback);
        for (int i = 0; i < 20_000; i++) { // more addresses than slots: every answer stays right
            ByteBuffer other = ByteBuffer.allocate(4).putInt(0, i * 7919);
            assertThat(cache.v4(other, 0).getAddress()).isEqualTo(other.array());
        }
        assertThat(cache.v4(b, 4)).isEqualTo(InetAddress.getByName("10.0.0.7"));
    }

    @Test
    void theSameBytesAreTheSameAddressWhateverTheBuffersByteOrder() {
        AddressCache cache = new AddressCache();
        InetAddress big = cache.v4(ByteBuffer.wrap(new byte[] {127, 0, 0, 1}), 0);

        InetAddress little = cache.v4(ByteBuffer.wrap(new byte[] {127, 0, 0, 1}).order(java.nio.ByteOrder.LITTLE_ENDIAN), 0);

        assertThat(little).isSameAs(big);
    }

    @Test
    void ipv6KeepsTheScopeOfLinkLocalAddressesOnly() throws Exception {
        AddressCache cache = new AddressCache();
        byte[] linkLocal = InetAddress.getByName("fe80::1").getAddress();
        byte[] loopback = InetAddress.getByName("::1").getAddress();

        Inet6Address scoped = (Inet6Address) cache.v6(ByteBuffer.wrap(linkLocal), 0, 3);

        assertThat(scoped.getScopeId()).isEqualTo(3);
        assertThat(((Inet6Address) cache.v6(ByteBuffer.wrap(linkLocal), 0, 4)).getScopeId()).isEqualTo(4);
        assertThat(((Inet6Address) cache.v6(ByteBuffer.wrap(loopback), 0, 4096)).getScopeId()).isZero(); // Wine's ::1
    }
}
