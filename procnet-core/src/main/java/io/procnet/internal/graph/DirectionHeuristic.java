package io.procnet.internal.graph;

import io.procnet.model.SocketEntry;

/**
 * One way to tell the client from the server. A heuristic must be symmetric: asked about the
 * other half of the same connection it gives the mirrored answer, so the result does not depend
 * on which half is seen first.
 */
@FunctionalInterface
interface DirectionHeuristic {

    /**
     * TRUE when the remote end is the server, FALSE when the local end is, null when this
     * heuristic cannot tell.
     *
     * @param self          a socket of this host with a remote endpoint
     * @param peer          the other half when it is on this host and in the snapshot, else null
     * @param remoteIsLocal whether {@code self.remote()} is an address of this host
     */
    Boolean remoteIsServer(SocketEntry self, SocketEntry peer, boolean remoteIsLocal);
}
