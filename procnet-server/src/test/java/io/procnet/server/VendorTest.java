package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procnet.testkit.CapturedLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vis-network under {@code /vendor/}: the bundled WebJar, or a vendor directory with its manifest. */
class VendorTest {
    private static final String NO_STORE = "no-store, no-cache, must-revalidate, max-age=0";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String WRONG_SHA = "0".repeat(64);
    private static final ScriptedSource SOURCE = new ScriptedSource(tick -> new TestSnapshots().at(0));

    @TempDir
    Path vendor;
    private final CapturedLog log = new CapturedLog("io.procnet.server");

    @BeforeEach
    void forgetEarlierLogs() {
        log.clear();
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    void theBundledManifestNamesTheBundleServedWithItsHash() throws Exception {
        try (ProcnetServer server = TestServers.start(SOURCE, 100)) {
            RawHttp.Response manifest = RawHttp.get(server.address(), "/vendor/manifest.json");
            assertThat(manifest.status()).isEqualTo(200);
            assertThat(manifest.header("Content-Type")).isEqualTo("application/json");
            assertThat(manifest.header("Cache-Control")).isEqualTo(NO_STORE);
            JsonNode fields = json(manifest);
            assertThat(fields.fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("vis_network_version", "js_file", "sha256_js");
            String version = fields.get("vis_network_version").asText();
            assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(fields.get("js_file").asText()).isEqualTo("vis-network-" + version + ".standalone.min.js");

            RawHttp.Response js = RawHttp.get(server.address(), "/vendor/" + fields.get("js_file").asText());
            assertThat(js.status()).isEqualTo(200);
            assertThat(js.header("Content-Type")).startsWith("text/javascript");
            assertThat(js.header("Cache-Control")).isEqualTo(IMMUTABLE);
            assertThat(js.body().length).isGreaterThan(100_000);
            assertThat(sha256(js.body())).isEqualTo(fields.get("sha256_js").asText());

            RawHttp.Response css = RawHttp.get(server.address(), "/vendor/vis-network-" + version + ".min.css");
            assertThat(css.status()).isEqualTo(200);
            assertThat(css.header("Content-Type")).startsWith("text/css");
            assertThat(RawHttp.get(server.address(), "/vendor/vis-network-" + version + ".standalone.js").status())
                    .isEqualTo(404);
            assertThat(log.infos()).anySatisfy(line -> assertThat(line)
                    .contains("serving /vendor/" + fields.get("js_file").asText()).contains("from the jar"));
        }
    }

    @Test
    void aVendorDirectoryWithAManifestOverridesTheBundleWithTheHashOfItsBytes() throws Exception {
        byte[] bytes = writeVendor("9.9.9", "/* vis-network 9.9.9 */", WRONG_SHA);
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            JsonNode fields = json(RawHttp.get(server.address(), "/vendor/manifest.json"));
            assertThat(fields.get("vis_network_version").asText()).isEqualTo("9.9.9");
            assertThat(fields.get("js_file").asText()).isEqualTo("vis-network-9.9.9.standalone.min.js");
            assertThat(fields.get("sha256_js").asText()).isEqualTo(sha256(bytes)).isNotEqualTo(WRONG_SHA);
            RawHttp.Response js = RawHttp.get(server.address(), "/vendor/vis-network-9.9.9.standalone.min.js");
            assertThat(js.status()).isEqualTo(200);
            assertThat(js.body()).isEqualTo(bytes);
            assertThat(js.header("Content-Type")).startsWith("text/javascript");
            assertThat(js.header("Cache-Control")).isEqualTo(IMMUTABLE);
        }
        assertThat(log.infos()).anySatisfy(line -> assertThat(line)
                .contains("serving /vendor/vis-network-9.9.9.standalone.min.js").contains(vendor.toString())
                .contains("manifest found"));
        assertThat(log.warnings()).anySatisfy(line -> assertThat(line)
                .contains(WRONG_SHA).contains(sha256(bytes)));
    }

    @Test
    void aNewManifestInTheDirectoryTakesEffectOnTheNextRequest() throws Exception {
        writeVendor("9.9.9", "/* 9.9.9 */", WRONG_SHA);
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            assertThat(json(RawHttp.get(server.address(), "/vendor/manifest.json")).get("vis_network_version")
                    .asText()).isEqualTo("9.9.9");
            Files.delete(vendor.resolve("vis-network-9.9.9.standalone.min.js"));
            byte[] newer = writeVendor("9.10.0", "/* 9.10.0 */", WRONG_SHA);

            JsonNode fields = json(RawHttp.get(server.address(), "/vendor/manifest.json"));
            assertThat(fields.get("vis_network_version").asText()).isEqualTo("9.10.0");
            assertThat(fields.get("js_file").asText()).isEqualTo("vis-network-9.10.0.standalone.min.js");
            assertThat(fields.get("sha256_js").asText()).isEqualTo(sha256(newer));
            assertThat(RawHttp.get(server.address(), "/vendor/vis-network-9.10.0.standalone.min.js").body())
                    .isEqualTo(newer);
            assertThat(RawHttp.get(server.address(), "/vendor/vis-network-9.9.9.standalone.min.js").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aManifestRewrittenWithinOneTickOfTheFileClockIsStillNoticed() throws Exception {
        writeVendor("9.9.8", "/* 9.9.8 */", WRONG_SHA);
        Path manifest = vendor.resolve("manifest.json");
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            assertThat(json(RawHttp.get(server.address(), "/vendor/manifest.json")).get("vis_network_version")
                    .asText()).isEqualTo("9.9.8");
            FileTime written = Files.getLastModifiedTime(manifest);
            long size = Files.size(manifest);
            // the same length and, as two writes within one tick of a coarse file clock leave it, the same time
            byte[] newer = writeVendor("9.9.9", "/* 9.9.9 */", WRONG_SHA);
            Files.setLastModifiedTime(manifest, written);
            assertThat(Files.size(manifest)).isEqualTo(size);

            JsonNode fields = json(RawHttp.get(server.address(), "/vendor/manifest.json"));
            assertThat(fields.get("vis_network_version").asText()).isEqualTo("9.9.9");
            assertThat(fields.get("sha256_js").asText()).isEqualTo(sha256(newer));
        }
    }

    @Test
    void aManifestWithMoreFieldsThanTheThreeIsStillRead() throws Exception {
        byte[] bytes = "/* 9.9.9 */".getBytes(StandardCharsets.UTF_8);
        Files.write(vendor.resolve("vis-network-9.9.9.standalone.min.js"), bytes);
        Files.writeString(vendor.resolve("manifest.json"), "{\"vis_network_version\": \"9.9.9\", \"js_file\":"
                + " \"vis-network-9.9.9.standalone.min.js\", \"sha256_js\": \"" + sha256(bytes) + "\","
                + " \"generated_by\": \"prepare_portable.py\"}");
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            JsonNode fields = json(RawHttp.get(server.address(), "/vendor/manifest.json"));
            assertThat(fields.fieldNames()).toIterable()
                    .containsExactly("vis_network_version", "js_file", "sha256_js");
            assertThat(fields.get("vis_network_version").asText()).isEqualTo("9.9.9");
            assertThat(fields.get("sha256_js").asText()).isEqualTo(sha256(bytes));
        }
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void aManifestWithoutAVersionLeavesTheBundledFiles() throws Exception {
        Files.writeString(vendor.resolve("vis-network-9.9.9.standalone.min.js"), "/* 9.9.9 */");
        Files.writeString(vendor.resolve("manifest.json"), "{\"js_file\": \"vis-network-9.9.9.standalone.min.js\"}");
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            assertBundled(server);
        }
        assertThat(log.warnings()).anySatisfy(line -> assertThat(line).contains("names no version"));
    }

    @Test
    void aManifestThatIsNotAnObjectLeavesTheBundledFilesWithAOneLineWarning() throws Exception {
        Files.writeString(vendor.resolve("manifest.json"), "[\"9.9.9\"]");
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            assertBundled(server);
        }
        assertThat(log.warnings()).anySatisfy(line -> assertThat(line).contains("cannot use " + vendor)
                .contains("serving the bundled").doesNotContain("\n"));
    }

    @Test
    void aVendorDirectoryWithoutAManifestLeavesTheBundledFiles() throws Exception {
        Files.writeString(vendor.resolve("vis-network-9.9.9.standalone.min.js"), "/* no manifest names me */");
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            assertBundled(server);
            assertThat(RawHttp.get(server.address(), "/vendor/vis-network-9.9.9.standalone.min.js").status())
                    .isEqualTo(404);
        }
        assertThat(log.warnings()).anySatisfy(line -> assertThat(line)
                .contains("no manifest.json in " + vendor).contains("bundled"));
        assertThat(log.infos()).anySatisfy(line -> assertThat(line).contains("from the jar"));
    }

    @Test
    void aManifestNamingAMissingFileLeavesTheBundledFiles() throws Exception {
        writeVendor("9.9.9", "/* here */", WRONG_SHA);
        Files.delete(vendor.resolve("vis-network-9.9.9.standalone.min.js"));
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            assertBundled(server);
        }
        assertThat(log.warnings()).anySatisfy(line -> assertThat(line)
                .contains("vis-network-9.9.9.standalone.min.js").contains("is not there"));
    }

    @Test
    void aManifestRemovedWhileRunningBringsBackTheBundledFiles() throws Exception {
        writeVendor("9.9.9", "/* here */", WRONG_SHA);
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            assertThat(json(RawHttp.get(server.address(), "/vendor/manifest.json")).get("vis_network_version")
                    .asText()).isEqualTo("9.9.9");
            Files.delete(vendor.resolve("manifest.json"));
            assertBundled(server);
        }
    }

    @Test
    void vendorNamesThatAreNotPlainAreRefused() throws Exception {
        writeVendor("9.9.9", "/* here */", WRONG_SHA);
        Files.writeString(vendor.getParent().resolve("outside.js"), "/* outside */");
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            for (String target : List.of("/vendor/../outside.js", "/vendor/%2e%2e/outside.js",
                    "/vendor/..%2foutside.js", "/vendor//etc/passwd", "/vendor/.hidden.js")) {
                RawHttp.Response response = RawHttp.get(server.address(), target);
                assertThat(response.status()).as(target).isIn(400, 404);
                assertThat(response.text()).doesNotContain("outside */");
            }
        }
    }

    /** Writes the bundle file and a manifest naming it with {@code sha}; returns the bundle's bytes. */
    private byte[] writeVendor(String version, String js, String sha) throws Exception {
        byte[] bytes = js.getBytes(StandardCharsets.UTF_8);
        String file = "vis-network-" + version + ".standalone.min.js";
        Files.write(vendor.resolve(file), bytes);
        Files.writeString(vendor.resolve("manifest.json"), "{\"vis_network_version\":\"" + version
                + "\",\"js_file\":\"" + file + "\",\"sha256_js\":\"" + sha + "\"}");
        return bytes;
    }

    private static void assertBundled(ProcnetServer server) throws Exception {
        JsonNode fields = json(RawHttp.get(server.address(), "/vendor/manifest.json"));
        assertThat(fields.get("vis_network_version").asText()).isNotEqualTo("9.9.9");
        RawHttp.Response js = RawHttp.get(server.address(), "/vendor/" + fields.get("js_file").asText());
        assertThat(js.status()).isEqualTo(200);
        assertThat(sha256(js.body())).isEqualTo(fields.get("sha256_js").asText());
    }

    private static JsonNode json(RawHttp.Response response) throws Exception {
        assertThat(response.status()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
