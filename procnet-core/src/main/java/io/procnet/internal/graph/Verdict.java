package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;

/** Which end of a connection is the server, and which heuristic said so. */
record Verdict(DirectionReason reason, boolean remoteIsServer) {
    private static final Verdict[] ALL = new Verdict[DirectionReason.values().length * 2];

    static {
        for (DirectionReason reason : DirectionReason.values()) {
            ALL[reason.ordinal() * 2] = new Verdict(reason, false);
            ALL[reason.ordinal() * 2 + 1] = new Verdict(reason, true);
        }
    }

    /** One of the ten shared instances: a verdict per connection would be garbage per connection. */
    static Verdict of(DirectionReason reason, boolean remoteIsServer) {
        return ALL[reason.ordinal() * 2 + (remoteIsServer ? 1 : 0)];
    }
}
