package io.procnet.server.internal.vendor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether downloaded bytes are what they should be, judged from the bytes alone (a server's
 * {@code Content-Type} is often wrong for either, so it does not count). Not a parser: it refuses
 * what a failed download brings instead (an HTML or JSON error page, nothing, a binary, a cut-off
 * transfer) and a JavaScript file that is not the UMD bundle (the ESM build, which a script tag
 * cannot load). Pure and thread-safe.
 */
public final class VendorContents {
    /** How much of a refused file's beginning a message quotes. */
    private static final int QUOTED = 40;

    private VendorContents() {
    }

    /**
     * Why {@code bytes} are not a UMD bundle, or empty when they are one: UTF-8 text without NUL,
     * not beginning with {@code <} (no JavaScript file does; every HTML and XML page does), with
     * the two tests by which a UMD wrapper finds its loader: {@code typeof exports} (CommonJS) and
     * {@code define.amd} (AMD). A download cut off mid-way passes only if it was cut after both.
     */
    public static Optional<String> whyNotUmdBundle(byte[] bytes) {
        Optional<String> text = whyNotText(bytes);
        if (text.isPresent()) {
            return text;
        }
        String js = new String(bytes, StandardCharsets.UTF_8);
        if (beginning(js).startsWith("<")) {
            return Optional.of("it is HTML or XML, not JavaScript (it begins " + quote(js) + ")");
        }
        if (!js.contains("typeof exports") || !js.contains("define.amd")) {
            return Optional.of("it is not a UMD bundle: it lacks the wrapper's tests for `typeof exports` and"
                    + " `define.amd` (it begins " + quote(js) + ")");
        }
        return Optional.empty();
    }

    /**
     * Why {@code bytes} are not a licence text, or empty when they are one: UTF-8 text without NUL,
     * not an HTML or XML page, that says "license" (or "licence") and "copyright", as MIT's and
     * Apache's both do, and a plain-text error that names the file's path does not.
     */
    public static Optional<String> whyNotLicence(byte[] bytes) {
        Optional<String> text = whyNotText(bytes);
        if (text.isPresent()) {
            return text;
        }
        String licence = new String(bytes, StandardCharsets.UTF_8);
        if (beginning(licence).startsWith("<")) {
            return Optional.of("it is HTML or XML, not a licence text (it begins " + quote(licence) + ")");
        }
        String lower = licence.toLowerCase(Locale.ROOT);
        if (!(lower.contains("license") || lower.contains("licence")) || !lower.contains("copyright")) {
            return Optional.of("it does not read as a licence: it does not say both \"license\" and"
                    + " \"copyright\" (it begins " + quote(licence) + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> whyNotText(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.of("it is empty");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return Optional.of("it is not UTF-8 text");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Optional.of("it is binary, not text (a NUL byte at offset " + i + ")");
            }
        }
        return Optional.empty();
    }

    /** The text without a byte-order mark and leading white space. */
    private static String beginning(String text) {
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).stripLeading();
    }

    /** The first characters, on one line and quoted, so that the message stays one line. */
    private static String quote(String text) {
        String start = beginning(text);
        String cut = start.length() > QUOTED ? start.substring(0, QUOTED) + "..." : start;
        return "\"" + cut.replaceAll("\\p{Cntrl}+", " ") + "\"";
    }
}
