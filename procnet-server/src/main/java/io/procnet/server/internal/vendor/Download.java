package io.procnet.server.internal.vendor;

import io.procnet.server.VendorException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One file over HTTP(S) into memory, bounded in size and time. Redirects are followed as
 * {@link HttpClient.Redirect#NORMAL} does: never from https to http, and at most five in a row
 * (the JDK's limit). Thread-safe; one client for every download.
 */
public final class Download {
    /**
     * The most bytes a download may have. vis-network's bundle is under 1 MB (9.1.2: 682 KB, 1.6 MB
     * unminified), its licence a few KB; 32 MB is far above any release, yet a server that sends
     * without end, or a wrong URL that leads to something huge, is refused instead of filling the heap.
     */
    public static final long MAX_BYTES = 32L * 1024 * 1024;
    /** A CDN answers a connect within a second; a firewall that drops packets would take the OS minutes. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** From the request to the response's headers. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    /** From the request to the body's last byte: {@link #MAX_BYTES} at about 110 KB/s. */
    static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(5);

    /** What a download reports as it goes; called on the client's thread, one call at a time, in order. */
    @FunctionalInterface
    public interface Listener {
        /** @param total the declared length, or -1 when the server did not declare one */
        void received(long bytes, long total, boolean done);
    }

    private final HttpClient client;
    private final long maxBytes;

    public Download(long maxBytes) {
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The body of a 2xx answer to a GET of {@code uri}; anything else is refused naming the URI. */
    public byte[] get(URI uri, Listener listener) throws VendorException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
        CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(request, info -> info.statusCode() / 100 == 2
                ? new BoundedBody(info.headers().firstValueAsLong("Content-Length").orElse(-1), maxBytes, listener)
                : HttpResponse.BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = sent.get(TRANSFER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new VendorException("interrupted while downloading " + uri, e);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new VendorException("cannot download " + uri + ": it took longer than "
                    + TRANSFER_TIMEOUT.toMinutes() + " min", e);
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new VendorException("cannot download " + uri + ": HTTP " + status + describe(status)
                    + (status / 100 == 3 ? ", a redirect not followed (to "
                    + response.headers().firstValue("Location").orElse("nowhere") + ")" : ""));
        }
        return response.body();
    }

    private VendorException failure(URI uri, Throwable cause) {
        String where = "cannot download " + uri + ": ";
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return new VendorException(where + t.getMessage(), cause);
            }
            if (t instanceof RuntimeException && !(t instanceof CompletionException)) {
                throw (RuntimeException) t; // the listener's own failure, or a bug: not the download's
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new VendorException(where + "no connection to " + authority(uri) + " within "
                        + CONNECT_TIMEOUT.toSeconds() + " s", cause);
            }
            if (t instanceof HttpTimeoutException) {
                return new VendorException(where + "no answer within " + RESPONSE_TIMEOUT.toSeconds() + " s", cause);
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new VendorException(where + "unknown host " + uri.getHost(), cause);
            }
            if (t instanceof SSLException) {
                return new VendorException(where + "TLS failed: " + t.getMessage(), cause);
            }
            if (t instanceof ConnectException) {
                return new VendorException(where + "cannot connect to " + authority(uri)
                        + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")"), cause);
            }
        }
        return new VendorException(where + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()), cause);
    }

    private static String authority(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /** The reason phrases users meet (HTTP/2 sends none, so they are not taken from the answer). */
    private static String describe(int status) {
        switch (status) {
            case 301: return " Moved Permanently";
            case 302: return " Found";
            case 303: return " See Other";
            case 307: return " Temporary Redirect";
            case 308: return " Permanent Redirect";
            case 400: return " Bad Request";
            case 401: return " Unauthorized";
            case 403: return " Forbidden";
            case 404: return " Not Found";
            case 410: return " Gone";
            case 429: return " Too Many Requests";
            case 500: return " Internal Server Error";
            case 502: return " Bad Gateway";
            case 503: return " Service Unavailable";
            case 504: return " Gateway Timeout";
            default: return "";
        }
    }

    /** A body beyond the bound, declared or seen. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** The body into memory, refused as soon as it passes the bound; it tells the listener as it goes. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final long total;
        private final long maxBytes;
        private final Listener listener;
        private final ByteArrayOutputStream bytes;
        private Flow.Subscription subscription;

        BoundedBody(long total, long maxBytes, Listener listener) {
            this.total = total;
            this.maxBytes = maxBytes;
            this.listener = listener;
            this.bytes = new ByteArrayOutputStream(total >= 0 && total <= maxBytes ? (int) total : 8192);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (total > maxBytes) {
                fail(new TooLarge("it declares " + total + " bytes, more than the " + maxBytes + " accepted"));
                return;
            }
            if (tell(false)) {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                    fail(new TooLarge("it sent more than the " + maxBytes + " bytes accepted"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (tell(false)) {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            if (!body.isDone() && tell(true)) {
                body.complete(bytes.toByteArray());
            }
        }

        /** Tells the listener; false when it threw, which ends the download with its exception. */
        private boolean tell(boolean done) {
            try {
                listener.received(bytes.size(), total, done);
                return true;
            } catch (RuntimeException e) {
                fail(e);
                return false;
            }
        }

        private void fail(Throwable error) {
            subscription.cancel();
            body.completeExceptionally(error);
        }
    }
}
