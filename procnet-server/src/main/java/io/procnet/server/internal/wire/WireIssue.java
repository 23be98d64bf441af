package io.procnet.server.internal.wire;

/** Something the collection could not see, or another problem to show (a rule file error). */
public record WireIssue(String code, String message, long count) {
}
