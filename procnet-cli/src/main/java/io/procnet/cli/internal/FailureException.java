package io.procnet.cli.internal;

/** Something the machine did, not the user: exit code 1, one line, the cause's trace with --verbose. */
final class FailureException extends Exception {
    private static final long serialVersionUID = 1L;

    FailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
