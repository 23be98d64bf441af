package io.procnet.spi;

/** A collection or a collector set-up failed as a whole. */
public class CollectorException extends Exception {
    private static final long serialVersionUID = 1L;

    public CollectorException(String message) {
        super(message);
    }

    public CollectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
