package io.procnet.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IP address and port. Immutable and thread-safe.
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is normalised to the IPv4 address,
 * so that both halves of a dual-stack connection compare equal.
 *
 * @param address the address, never null
 * @param port    0..65535
 */
public record Endpoint(InetAddress address, int port) {

    public Endpoint {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        address = unmapIpv4(address);
    }

    /** Endpoint from raw address bytes (4 or 16) as the OS reports them. */
    public static Endpoint of(byte[] address, int port) {
        try {
            return new Endpoint(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must have 4 or 16 bytes, got " + address.length, e);
        }
    }

    /** Endpoint from an address literal such as {@code 10.0.0.1} or {@code ::1}; never does a DNS lookup. */
    public static Endpoint of(String addressLiteral, int port) {
        return new Endpoint(InetAddresses.parseLiteral(addressLiteral), port);
    }

    /**
     * True for the wildcard address with port 0 ({@code 0.0.0.0:0}, {@code [::]:0}): what socket
     * tables give as the peer of a socket that has none.
     */
    public boolean isUnspecified() {
        return port == 0 && isWildcard();
    }

    /** True for {@code 0.0.0.0} and {@code ::}, the "any address" of a listener. */
    public boolean isWildcard() {
        return address.isAnyLocalAddress();
    }

    /**
     * Mixes address and port so that the endpoints of one host, which differ in few bits, spread
     * over a hash table (the record default, {@code 31 * address + port}, makes
     * {@code 127.0.0.1:5001} and {@code 127.0.0.2:4970} collide).
     */
    @Override
    public int hashCode() {
        return address.hashCode() * 0x9E3779B1 ^ port;
    }

    /** {@code 10.0.0.1:80} or {@code [::1]:80}. */
    @Override
    public String toString() {
        String host = InetAddresses.format(address);
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    static InetAddress unmapIpv4(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            if (isV4Mapped(b)) {
                try {
                    return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    throw new AssertionError("4 bytes are always a valid address", e);
                }
            }
        }
        return address;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
