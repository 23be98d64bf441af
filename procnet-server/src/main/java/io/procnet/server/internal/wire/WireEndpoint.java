package io.procnet.server.internal.wire;

/** An address (as text, IPv6 without brackets) and a port. */
public record WireEndpoint(String address, int port) {
}
