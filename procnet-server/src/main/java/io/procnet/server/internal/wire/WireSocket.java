package io.procnet.server.internal.wire;

/**
 * One socket a process holds: {@code remote} is null for a listener or an unconnected UDP socket,
 * {@code namespace} null in the host's own, {@code traffic} null when the collector gives none.
 */
public record WireSocket(String protocol, WireEndpoint local, WireEndpoint remote, String state, long inode,
                         String namespace, WireSocketTraffic traffic) {
}
