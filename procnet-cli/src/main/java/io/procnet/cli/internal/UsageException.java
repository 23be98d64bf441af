package io.procnet.cli.internal;

/** A mistake in the command line or in a file it names: exit code 2, one line, no stack trace. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
