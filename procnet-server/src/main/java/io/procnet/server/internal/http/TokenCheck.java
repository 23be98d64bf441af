package io.procnet.server.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The access token of a server bound beyond loopback. Candidates are compared by their SHA-256 in
 * constant time, so neither the token's bytes nor its length show in how long a wrong guess takes.
 * Immutable and thread-safe.
 */
public final class TokenCheck {
    /** The cookie a browser gets for the token it brought once in {@code ?token=}. */
    public static final String COOKIE = "procnet_token";

    private final byte[] digest;

    public TokenCheck(String token) {
        if (token.isBlank()) {
            throw new IllegalArgumentException("the token must not be blank");
        }
        this.digest = sha256(token);
    }

    /** 32 random bytes as URL-safe base64 (43 characters). */
    public static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(digest, sha256(candidate));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
