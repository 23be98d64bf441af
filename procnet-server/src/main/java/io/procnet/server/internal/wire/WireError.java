package io.procnet.server.internal.wire;

/** The body of every error response: the HTTP status and one line saying what was wrong. */
public record WireError(int status, String error) {
}
