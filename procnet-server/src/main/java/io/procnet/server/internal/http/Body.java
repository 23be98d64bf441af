package io.procnet.server.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A response body made once and sent many times: its bytes, type, caching, entity tag, and its
 * gzip form, made on first need when the body is worth compressing. Thread-safe.
 */
public final class Body {
    /** Smaller bodies are sent as they are: gzip would save a few bytes and cost a deflater. */
    static final int COMPRESS_FROM = 1024;

    private final byte[] bytes;
    private final String contentType;
    private final String cacheControl;
    private final String etag;
    private volatile byte[] gzipped;

    private Body(byte[] bytes, String contentType, String cacheControl, String etag) {
        this.bytes = bytes;
        this.contentType = contentType;
        this.cacheControl = cacheControl;
        this.etag = etag;
    }

    /** A body whose entity tag is a hash of its bytes. */
    public static Body of(byte[] bytes, String contentType, String cacheControl) {
        return new Body(bytes, contentType, cacheControl, "\"" + sha256(bytes).substring(0, 32) + "\"");
    }

    /** A body whose entity tag is given (a graph version names its bytes already). */
    public static Body tagged(byte[] bytes, String contentType, String cacheControl, String tag) {
        return new Body(bytes, contentType, cacheControl, "\"" + tag + "\"");
    }

    public static Body json(byte[] json) {
        return of(json, ContentTypes.JSON, "no-cache");
    }

    public byte[] bytes() {
        return bytes;
    }

    public String contentType() {
        return contentType;
    }

    public String cacheControl() {
        return cacheControl;
    }

    public String etag() {
        return etag;
    }

    public boolean compressible() {
        return bytes.length >= COMPRESS_FROM && !contentType.startsWith("image/");
    }

    public byte[] gzipped() {
        byte[] compressed = gzipped;
        if (compressed == null) {
            compressed = gzip(bytes);
            gzipped = compressed; // racing threads make the same bytes
        }
        return compressed;
    }

    /** The SHA-256 of {@code bytes} in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return out.toByteArray();
    }
}
