package io.procnet.server.internal.wire;

import java.util.Map;

/**
 * An edge: every field of the core {@code Edge}. {@code states} counts connections by state name;
 * {@code traffic} is null when the collector gives no byte counters.
 */
public record WireEdge(String id, String from, String to, String kind, String protocol, int serverPort, int count,
                       Map<String, Integer> states, String reason, WireTraffic traffic) {
}
