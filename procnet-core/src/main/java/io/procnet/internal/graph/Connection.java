package io.procnet.internal.graph;

import io.procnet.model.SocketEntry;

/**
 * One connection as the direction heuristics see it: a socket of this host, the other half
 * when that is also on this host and in the snapshot, and whether the remote address is this
 * host's.
 *
 * @param self          a socket with a remote endpoint
 * @param peer          the other half, or null
 * @param remoteIsLocal whether {@code self.remote()} is an address of this host
 */
record Connection(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
}
