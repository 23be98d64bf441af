package io.procnet.server.internal.http;

import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.WireError;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.util.Locale;

/** Sends bodies: entity tags and 304s, gzip when the client takes it, HEAD without the bytes. */
public final class Responses {
    private static final HttpString VARY = new HttpString("Vary");

    private Responses() {
    }

    public static void send(HttpServerExchange exchange, Body body) {
        var headers = exchange.getResponseHeaders();
        headers.put(Headers.CONTENT_TYPE, body.contentType());
        headers.put(Headers.CACHE_CONTROL, body.cacheControl());
        headers.put(Headers.ETAG, body.etag());
        if (body.compressible()) {
            headers.put(VARY, "Accept-Encoding");
        }
        String ifNoneMatch = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, body.etag())) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        byte[] bytes = body.bytes();
        if (body.compressible() && acceptsGzip(exchange.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING))) {
            bytes = body.gzipped();
            headers.put(Headers.CONTENT_ENCODING, "gzip");
        }
        headers.put(Headers.CONTENT_LENGTH, bytes.length);
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
        }
    }

    /** {@code body}, or a 404 saying {@code missing} when it is null. */
    public static void sendOr404(HttpServerExchange exchange, Body body, String missing) {
        if (body == null) {
            error(exchange, 404, missing);
        } else {
            send(exchange, body);
        }
    }

    /** An error as JSON, never cached: {@code {"status":404,"error":"..."}}. */
    public static void error(HttpServerExchange exchange, int status, String message) {
        exchange.setStatusCode(status);
        send(exchange, Body.of(Json.bytes(new WireError(status, message)), ContentTypes.JSON, "no-store"));
    }

    /**
     * Whether an {@code Accept-Encoding} header takes gzip with a q above 0: by name, or else by
     * {@code *} (a {@code gzip;q=0} beside a {@code *} refuses it, as RFC 9110 says).
     */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean any = false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("*")) {
                continue;
            }
            double quality = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (coding.equals("gzip")) {
                return quality > 0;
            }
            any = quality > 0;
        }
        return any;
    }

    /** Whether an {@code If-None-Match} header names {@code etag} (weak or strong) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
