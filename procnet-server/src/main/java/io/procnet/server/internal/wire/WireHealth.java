package io.procnet.server.internal.wire;

/**
 * {@code /api/health}. {@code ok} is false while collections fail; {@code lastCollection} is null
 * before the first one. {@code clientsDropped} counts streams cut because their reader fell behind.
 */
public record WireHealth(boolean ok, String collector, String lastCollection, double lastCollectionMillis,
                         double lastTickMillis, int sockets, long version, int clients, long clientsDropped,
                         String error) {
}
