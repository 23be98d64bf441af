package io.procnet.model;

import java.util.Objects;

/**
 * Something a collector could not see, and why, in words a user can act on. Immutable and
 * thread-safe.
 *
 * @param code    stable machine-readable kind, e.g. {@link #UNOWNED_SOCKETS}
 * @param message one line for people, e.g. "23 sockets without owner: run as root to see them"
 * @param count   how many rows, sockets or processes are affected (0 when not countable)
 */
public record CollectionIssue(String code, String message, long count) {

    /** Sockets whose owning process could not be found. */
    public static final String UNOWNED_SOCKETS = "unowned-sockets";
    /** Processes whose details could not be read. */
    public static final String ACCESS_DENIED = "access-denied";
    /** Rows of an OS table that could not be decoded and were skipped. */
    public static final String MALFORMED_ROWS = "malformed-rows";
    /** A part of the data (a protocol, a namespace) could not be read at all. */
    public static final String PARTIAL_DATA = "partial-data";

    public CollectionIssue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }
}
