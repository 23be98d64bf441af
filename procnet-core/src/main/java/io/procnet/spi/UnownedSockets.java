package io.procnet.spi;

import io.procnet.model.CollectionIssue;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.List;

/**
 * For collectors: which sockets' owners the snapshot could not see, and the one issue that says
 * so. Stateless and thread-safe.
 */
public final class UnownedSockets {
    private UnownedSockets() {
    }

    /** A socket whose owner more privileges would show: not TIME_WAIT, which no process holds. */
    public static boolean ownerHidden(SocketEntry socket) {
        return !socket.hasOwner() && socket.state() != SocketState.TIME_WAIT;
    }

    /** How many of {@code sockets} have their owner hidden (see {@link #ownerHidden}). */
    public static int count(List<SocketEntry> sockets) {
        int hidden = 0;
        for (SocketEntry socket : sockets) {
            if (ownerHidden(socket)) {
                hidden++;
            }
        }
        return hidden;
    }

    /** "{@code count} sockets without owner: {@code why}" ("1 socket" for one). */
    public static CollectionIssue issue(long count, String why) {
        return new CollectionIssue(CollectionIssue.UNOWNED_SOCKETS,
                (count == 1 ? "1 socket" : count + " sockets") + " without owner: " + why, count);
    }
}
