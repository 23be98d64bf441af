package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code procnet vendor}'s library: real HTTP from a local CDN into a vendor directory the server then serves. */
class VisNetworkVendorTest {
    private static final String VERSION = "9.9.9";
    private static final String JS_PATH = "/vis-network@" + VERSION + "/standalone/umd/vis-network.min.js";
    private static final String LICENCE_PATH = "/vis-network@" + VERSION + "/LICENSE-MIT";
    private static final String JS_FILE = "vis-network-" + VERSION + ".standalone.min.js";
    private static final String LICENCE_FILE = "LICENSE-MIT.vis-network-" + VERSION + ".txt";
    private static final byte[] JS = WebJar.file("standalone/umd/vis-network.min.js");
    private static final byte[] LICENCE = WebJar.file("LICENSE-MIT");
    private static final ScriptedSource SOURCE = new ScriptedSource(tick -> new TestSnapshots().at(0));

    @TempDir
    Path parent;
    private Path vendor;
    private TestCdn cdn;

    @BeforeEach
    void startTheCdn() throws IOException {
        vendor = parent.resolve("vendor");
        cdn = TestCdn.start().on(JS_PATH, TestCdn.file(JS)).on(LICENCE_PATH, TestCdn.file(LICENCE));
    }

    @AfterEach
    void stopTheCdn() {
        cdn.close();
    }

    @Test
    void writesTheBundleItsLicenceAndAManifestThatTheServerServes() throws Exception {
        VisNetworkVendor.Installed installed = vendor(cdn.base()).build().install(vendor);

        assertThat(installed).isEqualTo(new VisNetworkVendor.Installed(VERSION, vendor, JS_FILE, LICENCE_FILE,
                sha256(JS), JS.length));
        assertThat(contents(vendor)).containsOnlyKeys(JS_FILE, LICENCE_FILE, "manifest.json");
        assertThat(Files.readAllBytes(vendor.resolve(JS_FILE))).isEqualTo(JS);
        assertThat(Files.readAllBytes(vendor.resolve(LICENCE_FILE))).isEqualTo(LICENCE);
        JsonNode manifest = new ObjectMapper().readTree(vendor.resolve("manifest.json").toFile());
        assertThat(manifest.fieldNames()).toIterable()
                .containsExactly("vis_network_version", "js_file", "sha256_js");
        assertThat(manifest.get("vis_network_version").asText()).isEqualTo(VERSION);
        assertThat(manifest.get("js_file").asText()).isEqualTo(JS_FILE);
        assertThat(manifest.get("sha256_js").asText()).isEqualTo(sha256(JS));
        assertThat(parent.toFile().list()).containsExactly("vendor");
        assertThat(cdn.requested()).containsExactly(JS_PATH, LICENCE_PATH);

        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            RawHttp.Response served = RawHttp.get(server.address(), "/vendor/manifest.json");
            assertThat(new ObjectMapper().readTree(served.body())).isEqualTo(manifest);
            RawHttp.Response js = RawHttp.get(server.address(), "/vendor/" + JS_FILE);
            assertThat(js.status()).isEqualTo(200);
            assertThat(js.body()).isEqualTo(JS);
            assertThat(RawHttp.get(server.address(), "/vendor/" + LICENCE_FILE).body()).isEqualTo(LICENCE);
        }
    }

    @Test
    void replacesAnEarlierVendorDirectoryWhole() throws Exception {
        writeEarlierVendor();
        vendor(cdn.base()).build().install(vendor);
        assertThat(contents(vendor)).containsOnlyKeys(JS_FILE, LICENCE_FILE, "manifest.json");
        assertThat(parent.toFile().list()).containsExactly("vendor");
    }

    @Test
    void aMatchingSha256InEitherCaseIsAccepted() throws Exception {
        writeEarlierVendor();
        VisNetworkVendor.Installed installed = vendor(cdn.base()).sha256(sha256(JS).toUpperCase(Locale.ROOT)).build()
                .install(vendor);
        assertThat(installed.sha256()).isEqualTo(sha256(JS));
        assertThat(Files.readAllBytes(vendor.resolve(JS_FILE))).isEqualTo(JS);
    }

    @Test
    void aRedirectIsFollowed() throws Exception {
        cdn.on(JS_PATH, TestCdn.redirect(cdn.base() + "/mirror/vis-network.min.js"))
                .on("/mirror/vis-network.min.js", TestCdn.chunked(JS));
        vendor(cdn.base()).build().install(vendor);
        assertThat(Files.readAllBytes(vendor.resolve(JS_FILE))).isEqualTo(JS);
        assertThat(cdn.requested()).containsExactly(JS_PATH, "/mirror/vis-network.min.js", LICENCE_PATH);
    }

    @Test
    void aBaseWithAPathIsThePackagesParent() throws Exception {
        cdn.on("/npm" + JS_PATH, TestCdn.file(JS)).on("/npm" + LICENCE_PATH, TestCdn.file(LICENCE));
        vendor(cdn.base() + "/npm/").build().install(vendor);
        assertThat(cdn.requested()).containsExactly("/npm" + JS_PATH, "/npm" + LICENCE_PATH);
    }

    @Test
    void progressIsReportedUpToTheTotal() throws Exception {
        List<VisNetworkVendor.Progress> reports = new CopyOnWriteArrayList<>();
        vendor(cdn.base()).progress(reports::add).build().install(vendor);

        List<VisNetworkVendor.Progress> js = reports.stream().filter(p -> p.file().equals(JS_FILE)).toList();
        assertThat(js.size()).isGreaterThan(2);
        assertThat(js).allSatisfy(p -> {
            assertThat(p.total()).isEqualTo(JS.length);
            assertThat(p.uri()).isEqualTo(URI.create(cdn.base() + JS_PATH));
        });
        assertThat(js.get(0).bytes()).isZero();
        assertThat(js).extracting(VisNetworkVendor.Progress::bytes).isSorted();
        assertThat(js).extracting(p -> p.line().length()).isSorted();
        assertThat(js).filteredOn(VisNetworkVendor.Progress::done).containsExactly(js.get(js.size() - 1));
        assertThat(js.get(js.size() - 1).bytes()).isEqualTo(JS.length);
        assertThat(js.get(js.size() - 1).line()).isEqualTo(JS_FILE + ": " + JS.length + " / " + JS.length
                + " bytes (100%)");
        assertThat(js).allSatisfy(p -> assertThat(p.line()).doesNotContain("\n", "\r"));

        List<VisNetworkVendor.Progress> licence = reports.stream().filter(p -> p.file().equals(LICENCE_FILE)).toList();
        assertThat(licence.get(licence.size() - 1).done()).isTrue();
        assertThat(licence.get(licence.size() - 1).bytes()).isEqualTo(LICENCE.length);
        assertThat(reports.indexOf(licence.get(0))).isGreaterThan(reports.indexOf(js.get(js.size() - 1)));
    }

    @Test
    void progressWithoutADeclaredLengthStillEndsDone() throws Exception {
        cdn.on(JS_PATH, TestCdn.chunked(JS));
        List<VisNetworkVendor.Progress> reports = new CopyOnWriteArrayList<>();
        vendor(cdn.base()).progress(reports::add).build().install(vendor);

        List<VisNetworkVendor.Progress> js = reports.stream().filter(p -> p.file().equals(JS_FILE)).toList();
        assertThat(js).allSatisfy(p -> assertThat(p.totalKnown()).isFalse());
        assertThat(js.get(js.size() - 1).done()).isTrue();
        assertThat(js.get(js.size() - 1).bytes()).isEqualTo(JS.length);
        assertThat(js.get(js.size() - 1).line()).isEqualTo(JS_FILE + ": " + JS.length + " bytes, done");
        assertThat(js).extracting(p -> p.line().length()).isSorted();
    }

    @Test
    void aClosedPortIsRefusedNamingTheUrl() throws Exception {
        String base = "http://127.0.0.1:" + TestCdn.closedPort();
        assertRefusedAndUnchanged(vendor(base), "cannot download " + base + JS_PATH, "cannot connect to 127.0.0.1:");
    }

    @Test
    void anHttpErrorIsRefusedNamingTheStatus() throws Exception {
        cdn.on(JS_PATH, TestCdn.status(404, "Cannot find package vis-network@9.9.9"));
        assertRefusedAndUnchanged(vendor(cdn.base()), cdn.base() + JS_PATH, "HTTP 404 Not Found");
    }

    @Test
    void aServerErrorIsRefusedNamingTheStatus() throws Exception {
        cdn.on(JS_PATH, TestCdn.status(500, "oops"));
        assertRefusedAndUnchanged(vendor(cdn.base()), cdn.base() + JS_PATH, "HTTP 500 Internal Server Error");
    }

    @Test
    void aMissingLicenceIsRefusedAndNothingIsWritten() throws Exception {
        cdn.on(LICENCE_PATH, TestCdn.status(404, "Not found"));
        assertRefusedAndUnchanged(vendor(cdn.base()), cdn.base() + LICENCE_PATH, "HTTP 404");
    }

    @Test
    void anHtmlPageInsteadOfTheBundleIsRefused() throws Exception {
        cdn.on(JS_PATH, TestCdn.file("<!DOCTYPE html>\n<html><body>Service Unavailable</body></html>"
                .getBytes(StandardCharsets.UTF_8)));
        assertRefusedAndUnchanged(vendor(cdn.base()), cdn.base() + JS_PATH + " is refused: it is HTML",
                "\"<!DOCTYPE html> <html><body>Service Unav...\"");
    }

    @Test
    void anEmptyBundleIsRefused() throws Exception {
        cdn.on(JS_PATH, TestCdn.file(new byte[0]));
        assertRefusedAndUnchanged(vendor(cdn.base()), cdn.base() + JS_PATH, "it is empty");
    }

    @Test
    void theEsmBuildIsNotTheUmdBundle() throws Exception {
        cdn.on(JS_PATH, TestCdn.file(WebJar.file("standalone/esm/vis-network.min.js")));
        assertRefusedAndUnchanged(vendor(cdn.base()), cdn.base() + JS_PATH, "not a UMD bundle");
    }

    @Test
    void aLicenceThatIsNotTextIsRefused() throws Exception {
        cdn.on(LICENCE_PATH, TestCdn.file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));
        assertRefusedAndUnchanged(vendor(cdn.base()), cdn.base() + LICENCE_PATH, "not UTF-8");
    }

    @Test
    void aBundleOverTheBoundIsRefusedFromItsDeclaredLength() throws Exception {
        assertRefusedAndUnchanged(vendor(cdn.base()).maxBytes(64 * 1024), cdn.base() + JS_PATH,
                "it declares " + JS.length + " bytes, more than the 65536 accepted");
        assertThat(JS.length).isGreaterThan(64 * 1024);
    }

    @Test
    void aBundleOverTheBoundIsRefusedAsItComesWhenNoLengthIsDeclared() throws Exception {
        cdn.on(JS_PATH, TestCdn.chunked(JS));
        assertRefusedAndUnchanged(vendor(cdn.base()).maxBytes(64 * 1024), cdn.base() + JS_PATH,
                "it sent more than the 65536 bytes accepted");
    }

    @Test
    void aShaThatDiffersIsRefusedNamingBoth() throws Exception {
        String wrong = "ab".repeat(32);
        assertRefusedAndUnchanged(vendor(cdn.base()).sha256(wrong), cdn.base() + JS_PATH,
                "has SHA-256 " + sha256(JS) + ", not the " + wrong + " expected");
    }

    @Test
    void endlessRedirectsAreNotFollowed() throws Exception {
        cdn.on(JS_PATH, TestCdn.redirect(cdn.base() + JS_PATH));
        assertRefusedAndUnchanged(vendor(cdn.base()), cdn.base() + JS_PATH, "HTTP 302 Found, a redirect not followed");
        assertThat(cdn.requested().size()).isBetween(2, 10);
    }

    @Test
    void aFailingProgressListenerEndsTheInstallWithItsException() throws Exception {
        writeEarlierVendor();
        Map<String, String> before = contents(vendor);
        IllegalStateException broken = new IllegalStateException("the terminal is gone");
        assertThatThrownBy(() -> vendor(cdn.base()).progress(p -> {
            throw broken;
        }).build().install(vendor)).isSameAs(broken);
        assertThat(contents(vendor)).isEqualTo(before);
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeAnyDownload() throws Exception {
        Files.writeString(vendor, "not a directory");
        assertThatThrownBy(() -> vendor(cdn.base()).build().install(vendor)).isInstanceOf(VendorException.class)
                .hasMessage("cannot install into " + vendor + ": it is a file, not a directory");
        assertThat(Files.readString(vendor)).isEqualTo("not a directory");
        assertThat(cdn.requested()).isEmpty();
        assertThat(parent.toFile().list()).containsExactly("vendor");
    }

    @Test
    void aDirectoryHoldingOtherFilesIsNotReplaced() throws Exception {
        writeEarlierVendor();
        Files.writeString(vendor.resolve("notes.md"), "mine");
        Map<String, String> before = contents(vendor);
        assertThatThrownBy(() -> vendor(cdn.base()).build().install(vendor)).isInstanceOf(VendorException.class)
                .hasMessage("cannot replace " + vendor + ": it holds notes.md, which is not a vendor file, and the"
                        + " directory is replaced whole");
        assertThat(contents(vendor)).isEqualTo(before);
        assertThat(cdn.requested()).isEmpty();
    }

    @Test
    void aDirectoryHoldingADirectoryIsNotReplaced() throws Exception {
        writeEarlierVendor();
        Files.createDirectory(vendor.resolve("vis-network-9.1.2.min.js"));
        assertThatThrownBy(() -> vendor(cdn.base()).build().install(vendor)).isInstanceOf(VendorException.class)
                .hasMessageContaining("it holds vis-network-9.1.2.min.js, which is not a vendor file");
        assertThat(Files.isDirectory(vendor.resolve("vis-network-9.1.2.min.js"))).isTrue();
    }

    @Test
    void anEmptyExistingDirectoryIsFilled() throws Exception {
        Files.createDirectory(vendor);
        vendor(cdn.base()).build().install(vendor);
        assertThat(contents(vendor)).containsOnlyKeys(JS_FILE, LICENCE_FILE, "manifest.json");
    }

    @Test
    void missingParentsAreCreated() throws Exception {
        Path deep = parent.resolve("a").resolve("b").resolve("vendor");
        vendor(cdn.base()).build().install(deep);
        assertThat(contents(deep)).containsOnlyKeys(JS_FILE, LICENCE_FILE, "manifest.json");
        assertThat(deep.getParent().toFile().list()).containsExactly("vendor");
    }

    @Test
    void theUrlsAreTheOriginalsCdnLayout() {
        VisNetworkVendor vendor = VisNetworkVendor.builder("9.1.2").build();
        assertThat(vendor.version()).isEqualTo("9.1.2");
        assertThat(vendor.bundleUri()).hasToString("https://unpkg.com/vis-network@9.1.2/standalone/umd/vis-network.min.js");
        assertThat(vendor.licenceUri()).hasToString("https://unpkg.com/vis-network@9.1.2/LICENSE-MIT");
        assertThat(VisNetworkVendor.builder("10.0.0-rc.1").baseUrl("https://mirror.example/npm").build().bundleUri())
                .hasToString("https://mirror.example/npm/vis-network@10.0.0-rc.1/standalone/umd/vis-network.min.js");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9.1", "9.1.2.3", "v9.1.2", "9.1.2/../../x", "../9.1.2", "9.1.2-", "9.1.2-a..b",
        "9.1.2-a/b", "9.1.2%2f", "9.1.2 ", "latest"})
    void aVersionThatIsNotOneIsRefusedNamingIt(String version) {
        assertThatThrownBy(() -> VisNetworkVendor.builder(version)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a vis-network version (like 9.1.2 or 10.0.0-rc.1): " + version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0", "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void aShaThatIsNot64HexDigitsIsRefusedNamingIt(String hex) {
        assertThatThrownBy(() -> VisNetworkVendor.builder("9.1.2").sha256(hex))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a SHA-256 is 64 hex digits, not: " + hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unpkg.com", "ftp://unpkg.com", "https://", "https:///path", "https://unpkg.com/?q=1",
        "https://unpkg.com/#top", "https://unpkg com"})
    void aBaseThatIsNotAnHttpUrlIsRefusedNamingIt(String url) {
        assertThatThrownBy(() -> VisNetworkVendor.builder("9.1.2").baseUrl(url))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith(": " + url);
    }

    @Test
    void progressLinesSayHowFar() {
        URI uri = URI.create("https://unpkg.com/x");
        assertThat(new VisNetworkVendor.Progress(uri, "f.js", 0, 200, false).line()).isEqualTo("f.js: 0 / 200 bytes (0%)");
        assertThat(new VisNetworkVendor.Progress(uri, "f.js", 150, 200, false).line())
                .isEqualTo("f.js: 150 / 200 bytes (75%)");
        assertThat(new VisNetworkVendor.Progress(uri, "f.js", 0, 0, true).line()).isEqualTo("f.js: 0 / 0 bytes (100%)");
        assertThat(new VisNetworkVendor.Progress(uri, "f.js", 12, -1, false).line()).isEqualTo("f.js: 12 bytes");
        assertThatThrownBy(() -> new VisNetworkVendor.Progress(uri, "f.js", -1, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Installing fails with a one-line message holding each part; the earlier vendor dir and its parent are as they were. */
    private void assertRefusedAndUnchanged(VisNetworkVendor.Builder builder, String... parts) throws Exception {
        writeEarlierVendor();
        Map<String, String> before = contents(vendor);
        assertThatThrownBy(() -> builder.build().install(vendor)).isInstanceOf(VendorException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(parts).doesNotContain("\n", "\r"));
        assertThat(contents(vendor)).isEqualTo(before);
        assertThat(parent.toFile().list()).containsExactly("vendor");
    }

    /** An earlier install's files, as the original's script and this one write them. */
    private void writeEarlierVendor() throws IOException {
        Files.createDirectories(vendor);
        String js = "/* vis-network 9.1.2 */ \"object\"==typeof exports; define.amd";
        Files.writeString(vendor.resolve("vis-network-9.1.2.standalone.min.js"), js);
        Files.writeString(vendor.resolve("LICENSE-MIT.vis-network-9.1.2.txt"), "MIT License, Copyright A. Author");
        Files.writeString(vendor.resolve("manifest.json"), "{\"vis_network_version\": \"9.1.2\", \"js_file\":"
                + " \"vis-network-9.1.2.standalone.min.js\", \"sha256_js\": \""
                + sha256(js.getBytes(StandardCharsets.UTF_8)) + "\"}");
    }

    private VisNetworkVendor.Builder vendor(String base) {
        return VisNetworkVendor.builder(VERSION).baseUrl(base);
    }

    /** Every entry of a directory: a file's SHA-256, or "dir" for a directory. */
    private static Map<String, String> contents(Path directory) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                contents.put(entry.getFileName().toString(),
                        Files.isDirectory(entry) ? "dir" : sha256(Files.readAllBytes(entry)));
            }
        }
        return contents;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
