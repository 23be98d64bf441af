package io.procnet.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponsesTest {
    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZip", "gzip, deflate, br", "br;q=1, gzip;q=0.1", "*", "deflate, *;q=0.5",
        "gzip;q=1, *;q=0", "*;q=0, gzip"})
    void takesGzip(String acceptEncoding) {
        assertThat(Responses.acceptsGzip(acceptEncoding)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"identity", "deflate, br", "gzip;q=0", "gzip; q=0.000", "*;q=0", "gzip;q=nope",
        "gzip;q=0, *", "*, gzip;q=0", "x-gzip2"})
    void refusesGzip(String acceptEncoding) {
        assertThat(Responses.acceptsGzip(acceptEncoding)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "W/\"abc\"", "\"x\", \"abc\"", " \"abc\" ", "*"})
    void anIfNoneMatchNamingTheTagMatches(String ifNoneMatch) {
        assertThat(Responses.matches(ifNoneMatch, "\"abc\"")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abd\"", "abc", "\"ABC\"", "\"abc", ""})
    void anotherTagDoesNot(String ifNoneMatch) {
        assertThat(Responses.matches(ifNoneMatch, "\"abc\"")).isFalse();
    }
}
