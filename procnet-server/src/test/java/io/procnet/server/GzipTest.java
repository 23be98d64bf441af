package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gzip: for bodies of 1 KB and more when the client takes it, never for images or small bodies. */
class GzipTest {
    private static final Map<String, String> GZIP = Map.of("Accept-Encoding", "gzip, deflate, br");
    @TempDir
    static Path icons;
    private static ProcnetServer server;

    @BeforeAll
    static void start() throws Exception {
        Files.write(icons.resolve("database.png"), TestPngs.png(40, 40, 1)); // noise: about 4.8 KB
        // 30 clients of one database: a graph of several KB, the same on every tick
        server = TestServers.builder(new ScriptedSource(tick -> {
            TestSnapshots rows = new TestSnapshots().listen(10, "0.0.0.0:5432");
            for (int client = 0; client < 30; client++) {
                rows.est(100 + client, "127.0.0.1:" + (40000 + client), "127.0.0.1:5432");
            }
            return rows.at(0);
        }), 100).iconsDir(icons).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLargeGraphIsGzippedToTheSameBytes() throws Exception {
        RawHttp.Response plain = RawHttp.get(server.address(), "/api/graph");
        RawHttp.Response gzipped = RawHttp.request(server.address(), "GET", "/api/graph", GZIP);
        assertThat(plain.body().length).isGreaterThanOrEqualTo(1024);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzipped.rawBody().length).isLessThan(plain.body().length)
                .isEqualTo(Integer.parseInt(gzipped.header("Content-Length")));
        assertThat(gzipped.body()).isEqualTo(plain.body());
        assertThat(gzipped.header("ETag")).isEqualTo(plain.header("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "*", "deflate, gzip;q=0.5", "gzip; q=1.0"})
    void everyWayOfTakingGzipGetsIt(String acceptEncoding) throws Exception {
        RawHttp.Response response = RawHttp.request(server.address(), "GET", "/api/graph",
                Map.of("Accept-Encoding", acceptEncoding));
        assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip;q=0", "gzip; q=0.0", "identity", "deflate, br", "*;q=0", "gzip;q=zero",
        "gzip;q=0, *", "*, gzip;q=0"})
    void aClientThatRefusesGzipGetsThePlainBytes(String acceptEncoding) throws Exception {
        RawHttp.Response response = RawHttp.request(server.address(), "GET", "/api/graph",
                Map.of("Accept-Encoding", acceptEncoding));
        assertThat(response.header("Content-Encoding")).isNull();
        assertThat(response.text()).startsWith("{\"version\":");
    }

    @Test
    void aBodyUnder1KbIsSentPlain() throws Exception {
        RawHttp.Response health = RawHttp.request(server.address(), "GET", "/api/health", GZIP);
        assertThat(health.rawBody().length).isLessThan(1024);
        assertThat(health.header("Content-Encoding")).isNull();
        assertThat(health.header("Vary")).isNull();
        RawHttp.Response missing = RawHttp.request(server.address(), "GET", "/nope", GZIP);
        assertThat(missing.header("Content-Encoding")).isNull();
    }

    @Test
    void imagesAreNeverGzipped() throws Exception {
        RawHttp.Response icon = RawHttp.request(server.address(), "GET", "/icons/database.png", GZIP);
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).isEqualTo("image/png");
        assertThat(icon.rawBody().length).isGreaterThan(1024);
        assertThat(icon.header("Content-Encoding")).isNull();
        assertThat(icon.rawBody()).isEqualTo(Files.readAllBytes(icons.resolve("database.png")));
    }

    @Test
    void theLargePageFilesAreGzippedToo() throws Exception {
        RawHttp.Response plain = RawHttp.get(server.address(), "/app.js");
        RawHttp.Response gzipped = RawHttp.request(server.address(), "GET", "/app.js", GZIP);
        assertThat(plain.body().length).isGreaterThanOrEqualTo(1024);
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.body()).isEqualTo(plain.body());
    }
}
