package io.procnet.server.internal.wire;

/** The machine the graph is of. */
public record WireHost(String name, String os) {
}
