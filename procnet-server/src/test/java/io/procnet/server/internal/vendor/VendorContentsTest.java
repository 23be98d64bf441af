package io.procnet.server.internal.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.server.WebJar;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks on downloaded files, on vis-network's real files from the WebJar and on what a failed download brings. */
class VendorContentsTest {
    @Test
    void theRealUmdBundleIsOne() {
        assertThat(VendorContents.whyNotUmdBundle(WebJar.file("standalone/umd/vis-network.min.js"))).isEmpty();
        assertThat(VendorContents.whyNotUmdBundle(WebJar.file("standalone/umd/vis-network.js"))).isEmpty();
        assertThat(VendorContents.whyNotUmdBundle(bytes("\uFEFF\n!function(g,t){\"object\"==typeof exports?t(exports)"
                + ":\"function\"==typeof define&&define.amd?define([\"exports\"],t):t(g.vis={})}(this,function(g){})")))
                .isEmpty();
    }

    @Test
    void theEsmBuildAndOtherJavaScriptAreNotTheUmdBundle() {
        assertThat(VendorContents.whyNotUmdBundle(WebJar.file("standalone/esm/vis-network.min.js")))
                .hasValueSatisfying(why -> assertThat(why).startsWith("it is not a UMD bundle"));
        assertThat(VendorContents.whyNotUmdBundle(bytes("module.exports = 1; // typeof exports")))
                .hasValueSatisfying(why -> assertThat(why).contains("`define.amd`"));
    }

    @Test
    void anErrorPageIsNotJavaScript() {
        assertThat(VendorContents.whyNotUmdBundle(bytes("<!DOCTYPE html><title>404</title> typeof exports define.amd")))
                .hasValue("it is HTML or XML, not JavaScript (it begins \"<!DOCTYPE html><title>404</title> typeof...\")");
        assertThat(VendorContents.whyNotUmdBundle(bytes("\uFEFF \r\n\t<html>")))
                .hasValue("it is HTML or XML, not JavaScript (it begins \"<html>\")");
        assertThat(VendorContents.whyNotUmdBundle(bytes("<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code></Error>")))
                .hasValueSatisfying(why -> assertThat(why).startsWith("it is HTML or XML"));
        assertThat(VendorContents.whyNotUmdBundle(bytes("{\"error\":\"Not found\"}")))
                .hasValueSatisfying(why -> assertThat(why).startsWith("it is not a UMD bundle"));
    }

    @Test
    void nothingBinaryOrBadlyEncodedIsText() {
        assertThat(VendorContents.whyNotUmdBundle(new byte[0])).hasValue("it is empty");
        assertThat(VendorContents.whyNotUmdBundle(new byte[] {'a', (byte) 0xC3})).hasValue("it is not UTF-8 text");
        assertThat(VendorContents.whyNotUmdBundle(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}))
                .hasValue("it is not UTF-8 text");
        assertThat(VendorContents.whyNotUmdBundle(new byte[] {0x1F, (byte) 0x8B, 8, 0}))
                .hasValue("it is not UTF-8 text");
        assertThat(VendorContents.whyNotUmdBundle(bytes("typeof exports\0define.amd")))
                .hasValue("it is binary, not text (a NUL byte at offset 14)");
        assertThat(VendorContents.whyNotLicence(new byte[0])).hasValue("it is empty");
        assertThat(VendorContents.whyNotLicence(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).hasValue("it is not UTF-8 text");
    }

    @Test
    void bothRealLicencesAreLicences() {
        assertThat(VendorContents.whyNotLicence(WebJar.file("LICENSE-MIT"))).isEmpty();
        assertThat(VendorContents.whyNotLicence(WebJar.file("LICENSE-APACHE-2.0"))).isEmpty();
        assertThat(VendorContents.whyNotLicence(bytes("Copyright 2024 A. Author. Licence: do what you like")))
                .isEmpty();
    }

    @Test
    void aPageOrAnyTextIsNotALicence() {
        assertThat(VendorContents.whyNotLicence(bytes("<html><body>License not found</body></html>")))
                .hasValueSatisfying(why -> assertThat(why).startsWith("it is HTML or XML, not a licence text"));
        assertThat(VendorContents.whyNotLicence(bytes("Not found: /vis-network@9.9.9/LICENSE-MIT\n")))
                .hasValueSatisfying(why -> assertThat(why).startsWith("it does not read as a licence")
                        .doesNotContain("\n"));
    }

    @Test
    void aMessageQuotesTheBeginningOnOneLine() {
        Optional<String> why = VendorContents.whyNotUmdBundle(bytes("<html>\n\r\n<head>\u0007<title>x"));
        assertThat(why).hasValue("it is HTML or XML, not JavaScript (it begins \"<html> <head> <title>x\")");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
