package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /icons/<type>.png} over real HTTP: the user's directory, the built-in set, the
 * {@code service.png} fallback, and no way out of the directory. The assertions on the built-in
 * set hold whether or not it has a given file (it is made elsewhere); {@code IconFilesTest} has the
 * whole chain over sets of its own.
 */
class IconsTest {
    private static final String BUILT_IN = "/io/procnet/server/icons/";
    private static final ScriptedSource SOURCE = new ScriptedSource(tick -> new TestSnapshots().at(0));
    private static final byte[] DATABASE = TestPngs.small(1);
    private static final byte[] SERVICE = TestPngs.small(2);
    private static final byte[] MQ = TestPngs.small(3);
    private static final byte[] LB = TestPngs.small(4);
    private static final byte[] SECRET = TestPngs.png(3, 3, 99);

    @TempDir
    static Path root;
    private static Path icons;
    private static boolean linked;
    private static ProcnetServer withDirectory;
    private static ProcnetServer builtInOnly;

    @BeforeAll
    static void start() throws IOException {
        icons = Files.createDirectory(root.resolve("icons"));
        Files.write(icons.resolve("database.png"), DATABASE);
        Files.write(icons.resolve("service.png"), SERVICE);
        Files.write(icons.resolve("mq.png"), MQ);
        Files.write(icons.resolve("lb.png"), LB);
        Files.write(icons.resolve(".hidden.png"), SECRET);
        Files.write(root.resolve("secret.png"), SECRET); // one level above the icons
        try {
            Files.createSymbolicLink(icons.resolve("linked.png"), root.resolve("secret.png"));
            linked = true;
        } catch (IOException | UnsupportedOperationException e) {
            linked = false;
        }
        withDirectory = TestServers.builder(SOURCE, 100).iconsDir(icons).start();
        builtInOnly = TestServers.start(SOURCE, 100);
    }

    @AfterAll
    static void stop() {
        withDirectory.close();
        builtInOnly.close();
    }

    @Test
    void theUsersIconsAreServedAsPng() throws Exception {
        RawHttp.Response database = RawHttp.get(withDirectory.address(), "/icons/database.png");
        assertThat(database.status()).isEqualTo(200);
        assertThat(database.header("Content-Type")).isEqualTo("image/png");
        assertThat(database.body()).isEqualTo(DATABASE);
        assertThat(database.header("ETag")).isNotBlank();
    }

    @Test
    void theOriginalsFileNamesServeMessageBrokersAndLoadBalancers() throws Exception {
        assertThat(RawHttp.get(withDirectory.address(), "/icons/message_broker.png").body()).isEqualTo(MQ);
        assertThat(RawHttp.get(withDirectory.address(), "/icons/load_balancer.png").body()).isEqualTo(LB);
    }

    @Test
    void theUsersServiceIconBeatsTheBuiltInOneForATypeWithoutIcon() throws Exception {
        RawHttp.Response icon = RawHttp.get(withDirectory.address(), "/icons/nosuchtype.png");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.body()).isEqualTo(SERVICE);
    }

    @Test
    void withoutADirectoryATypeWithoutIconFallsBackToTheBuiltInServiceIconOr404() throws Exception {
        RawHttp.Response icon = RawHttp.get(builtInOnly.address(), "/icons/nosuchtype.png");
        byte[] service = builtIn("service.png");
        if (service != null) {
            assertThat(icon.status()).isEqualTo(200);
            assertThat(icon.header("Content-Type")).isEqualTo("image/png");
            assertThat(icon.body()).isEqualTo(service);
        } else {
            assertThat(icon.status()).isEqualTo(404);
            assertThat(icon.header("Content-Type")).isEqualTo("application/json");
            assertThat(icon.text()).startsWith("{\"status\":404,");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "service", "database", "mq", "cache", "lb", "external", "qt_desktop", "listener"})
    void withoutADirectoryTheBuiltInIconOfATypeIsServedIfItIsThere(String type) throws Exception {
        RawHttp.Response icon = RawHttp.get(builtInOnly.address(), "/icons/" + type + ".png");
        byte[] own = builtIn(type + ".png");
        byte[] expected = own != null ? own : builtIn("service.png");
        if (expected == null) {
            assertThat(icon.status()).isEqualTo(404);
        } else {
            assertThat(icon.status()).isEqualTo(200);
            assertThat(icon.body()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/icons/../pom.xml", "/icons/..%2fsecret.png", "/icons/%2e%2e%2fsecret.png",
        "/icons/%2e%2e/secret.png", "/icons/..%5csecret.png", "/icons/%2fetc%2fpasswd", "/icons//etc/passwd",
        "/icons/C:%5cwindows%5cwin.ini", "/icons/a%00.png", "/icons/.hidden.png", "/icons/..%252fsecret.png",
        "/icons/%2e%2e%5csecret.png", "/icons/icons/../../secret.png", "/icons/../secret.png", "/icons/..",
        "/icons/.", "/icons/", "/icons/%c0%ae%c0%ae%c0%afsecret.png", "/icons/secret.png%00.png",
        "/icons/..\\secret.png", "/icons/../../../../../../etc/passwd"})
    void everyWayOutOfTheDirectoryIsRefused(String target) throws Exception {
        for (ProcnetServer server : List.of(withDirectory, builtInOnly)) {
            RawHttp.Response response = RawHttp.get(server.address(), target);
            assertThat(response.status()).as(target).isIn(400, 404);
            assertNothingFromOutside(response);
        }
    }

    @Test
    void aLinkOutOfTheDirectoryIsNotServed() throws Exception {
        assumeTrue(linked, "this file system takes no symbolic links");
        RawHttp.Response response = RawHttp.get(withDirectory.address(), "/icons/linked.png");
        assertNothingFromOutside(response);
        assertThat(response.body()).isEqualTo(SERVICE); // as for a type without an icon
    }

    @Test
    void aFileNextToTheDirectoryIsNotAnIconOfIt() throws Exception {
        RawHttp.Response response = RawHttp.get(withDirectory.address(), "/icons/secret.png");
        assertNothingFromOutside(response);
        assertThat(response.body()).isEqualTo(SERVICE);
    }

    private static void assertNothingFromOutside(RawHttp.Response response) {
        assertThat(indexOf(response.rawBody(), SECRET)).as("the secret's bytes").isEqualTo(-1);
        String text = new String(response.rawBody(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("<project").doesNotContain("root:");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A file of the built-in set, or null while the set has none of that name. */
    private static byte[] builtIn(String name) throws IOException {
        try (InputStream in = ProcnetServer.class.getResourceAsStream(BUILT_IN + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
