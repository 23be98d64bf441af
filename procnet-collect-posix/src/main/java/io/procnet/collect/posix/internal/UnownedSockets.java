package io.procnet.collect.posix.internal;

import io.procnet.model.CollectionIssue;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;

/** The one issue a snapshot gives for sockets whose owner it could not see. */
public final class UnownedSockets {
    private UnownedSockets() {
    }

    /** A socket whose owner more privileges would show: not TIME_WAIT, which no process holds. */
    public static boolean ownerHidden(SocketEntry socket) {
        return !socket.hasOwner() && socket.state() != SocketState.TIME_WAIT;
    }

    /** "{@code count} sockets without owner: {@code why}". */
    public static CollectionIssue issue(long count, String why) {
        return new CollectionIssue(CollectionIssue.UNOWNED_SOCKETS, count + " sockets without owner: " + why, count);
    }
}
