package io.procnet.server;

/**
 * Why {@link VisNetworkVendor#install()} wrote nothing: a download that failed or brought the wrong
 * thing, a checksum that did not match, a directory it may not replace. The message is one line
 * that names the URL, file or value, fit to show the user as it is; the cause, when there is one,
 * is for {@code --verbose}. When this is thrown the vendor directory is as it was before, with one
 * exception the message then spells out: the file system failed in the middle of the swap and
 * could not put the previous directory back, and the message says where it is.
 */
public final class VendorException extends Exception {
    private static final long serialVersionUID = 1L;

    /** For the vendor's internals; callers catch it, they have no reason to make one. */
    public VendorException(String message) {
        super(message);
    }

    /** For the vendor's internals; callers catch it, they have no reason to make one. */
    public VendorException(String message, Throwable cause) {
        super(message, cause);
    }
}
