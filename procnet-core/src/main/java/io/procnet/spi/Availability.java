package io.procnet.spi;

import java.util.Objects;

/**
 * Whether a collector can run on this machine, and if not, why. Immutable and thread-safe.
 *
 * @param available true when the collector can run
 * @param reason    why it is available ("netlink sock_diag answered") or not ("not Linux: Windows 11")
 * @param cause     the exception behind an unavailability, or null
 */
public record Availability(boolean available, String reason, Throwable cause) {

    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    /** Available, with what was checked. */
    public static Availability available(String reason) {
        return new Availability(true, reason, null);
    }

    /** Unavailable, with a reason a user can act on. */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason, null);
    }

    /** Unavailable because a probe failed with {@code cause}. */
    public static Availability unavailable(String reason, Throwable cause) {
        return new Availability(false, reason, Objects.requireNonNull(cause, "cause"));
    }

    /** The reason, followed by the cause's message when there is one. */
    public String describe() {
        if (cause == null || cause.getMessage() == null) {
            return reason;
        }
        return reason + " (" + cause.getMessage() + ")";
    }
}
