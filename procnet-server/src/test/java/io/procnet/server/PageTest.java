package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The page's files, their entity tags, and the JSON 404 for everything else. */
class PageTest {
    private static ProcnetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(new ScriptedSource(tick -> new TestSnapshots().listen(10, "0.0.0.0:5432").at(0)),
                100);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/          | text/html; charset=utf-8       | <!doctype html",
        "/index.html| text/html; charset=utf-8       | <!doctype html",
        "/app.js    | text/javascript; charset=utf-8 | ",
        "/procnet.css | text/css; charset=utf-8      | "})
    void servesThePageFilesWithTheirTypes(String target, String type, String start) throws Exception {
        RawHttp.Response response = RawHttp.get(server.address(), target);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo(type);
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.header("ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(response.body()).isNotEmpty();
        if (start != null) {
            assertThat(response.text().toLowerCase(java.util.Locale.ROOT)).startsWith(start);
        }
    }

    @Test
    void theIndexLoadsTheScriptAndStylesheetFromHere() throws Exception {
        String html = RawHttp.get(server.address(), "/").text();
        assertThat(html).contains("app.js").contains("procnet.css");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/app.js", "/procnet.css", "/vendor/manifest.json"})
    void theEntityTagAnswers304WithoutABody(String target) throws Exception {
        String etag = RawHttp.get(server.address(), target).header("ETag");
        for (String ifNoneMatch : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            RawHttp.Response again = RawHttp.request(server.address(), "GET", target,
                    Map.of("If-None-Match", ifNoneMatch, "Accept-Encoding", "gzip"));
            assertThat(again.status()).as(ifNoneMatch).isEqualTo(304);
            assertThat(again.rawBody()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo(etag);
            assertThat(again.header("Content-Encoding")).isNull();
        }
    }

    @Test
    void aWrongEntityTagGetsTheFile() throws Exception {
        RawHttp.Response first = RawHttp.get(server.address(), "/app.js");
        RawHttp.Response again = RawHttp.request(server.address(), "GET", "/app.js",
                Map.of("If-None-Match", "\"0123456789abcdef0123456789abcdef\""));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        RawHttp.Response unquoted = RawHttp.request(server.address(), "GET", "/app.js",
                Map.of("If-None-Match", first.header("ETag").replace("\"", "")));
        assertThat(unquoted.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/api/nope", "/api/processes", "/api", "/api/graph/extra", "/live.js/x",
        "/LIVE.JS", "/vendor/nope.js", "/vendor/", "/index.htm"})
    void unknownPathsGet404Json(String target) throws Exception {
        RawHttp.Response response = RawHttp.get(server.address(), target);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.size()).isEqualTo(2);
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("error").asText()).isNotBlank();
    }
}
