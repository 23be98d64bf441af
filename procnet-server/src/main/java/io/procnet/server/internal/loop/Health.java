package io.procnet.server.internal.loop;

import java.time.Instant;

/**
 * How the last tick went.
 *
 * @param lastCollection when the last collection started, or null before the first
 * @param collectionNanos how long the collection took
 * @param tickNanos       how long the whole tick took: collection, graph, diff and serialisation
 * @param sockets         sockets in the last good snapshot
 * @param error           why the last collection failed, or null when it did not
 */
public record Health(Instant lastCollection, long collectionNanos, long tickNanos, int sockets, String error) {
    static final Health NONE = new Health(null, 0, 0, 0, null);
}
