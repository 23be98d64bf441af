package io.procnet.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procnet.server.TestPngs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The icon lookup without HTTP, over built-in sets of its own (the real one may or may not hold a
 * given file): {@code builtin_with_service} has database, mq and service; {@code
 * builtin_without_service} has database only.
 */
class IconFilesTest {
    private static final String WITH_SERVICE = "/io/procnet/server/internal/http/builtin_with_service/";
    private static final String WITHOUT_SERVICE = "/io/procnet/server/internal/http/builtin_without_service/";

    @TempDir
    Path root;

    @Test
    void withoutADirectoryTheBuiltInSetAnswers() throws IOException {
        IconFiles icons = new IconFiles(null, WITH_SERVICE);
        Body database = icons.icon("database.png");
        assertThat(database.bytes()).isEqualTo(resource(WITH_SERVICE + "database.png"));
        assertThat(database.contentType()).isEqualTo("image/png");
        assertThat(database.cacheControl()).isEqualTo("public, max-age=3600");
        assertThat(icons.icon("message_broker.png").bytes()).isEqualTo(resource(WITH_SERVICE + "mq.png"));
    }

    @Test
    void aTypeWithoutAnIconFallsBackToTheBuiltInServiceIcon() throws IOException {
        IconFiles icons = new IconFiles(null, WITH_SERVICE);
        assertThat(icons.icon("nosuchtype.png").bytes()).isEqualTo(resource(WITH_SERVICE + "service.png"));
        assertThat(icons.icon("load_balancer.png").bytes()).isEqualTo(resource(WITH_SERVICE + "service.png"));
        assertThat(icons.icon("mq.png").bytes()).isEqualTo(resource(WITH_SERVICE + "mq.png"));
    }

    @Test
    void noIconAndNoServiceIconAnywhereIsNone() throws IOException {
        assertThat(new IconFiles(null, WITHOUT_SERVICE).icon("nosuchtype.png")).isNull();
        Path dir = Files.createDirectory(root.resolve("icons"));
        Files.write(dir.resolve("app.png"), TestPngs.small(1));
        assertThat(new IconFiles(dir, WITHOUT_SERVICE).icon("nosuchtype.png")).isNull();
        assertThat(new IconFiles(dir, WITHOUT_SERVICE).icon("database.png").bytes())
                .isEqualTo(resource(WITHOUT_SERVICE + "database.png"));
    }

    @Test
    void theUsersDirectoryWinsOverTheBuiltInSet() throws IOException {
        Path dir = Files.createDirectory(root.resolve("icons"));
        byte[] database = TestPngs.small(2);
        byte[] service = TestPngs.small(3);
        Files.write(dir.resolve("database.png"), database);
        Files.write(dir.resolve("service.png"), service);
        IconFiles icons = new IconFiles(dir, WITH_SERVICE);
        Body icon = icons.icon("database.png");
        assertThat(icon.bytes()).isEqualTo(database);
        assertThat(icon.cacheControl()).isEqualTo("no-cache"); // the user may change it while the server runs
        assertThat(icons.icon("nosuchtype.png").bytes()).isEqualTo(service);
        // the type's own built-in icon comes before the user's fallback
        assertThat(icons.icon("message_broker.png").bytes()).isEqualTo(resource(WITH_SERVICE + "mq.png"));
    }

    @Test
    void theUsersServiceIconIsTheFallbackWhenTheBuiltInSetHasNone() throws IOException {
        Path dir = Files.createDirectory(root.resolve("icons"));
        byte[] service = TestPngs.small(4);
        Files.write(dir.resolve("service.png"), service);
        assertThat(new IconFiles(dir, WITHOUT_SERVICE).icon("nosuchtype.png").bytes()).isEqualTo(service);
    }

    @Test
    void theOriginalsFileNamesServeTwoTypes() throws IOException {
        Path dir = Files.createDirectory(root.resolve("icons"));
        byte[] mq = TestPngs.small(5);
        byte[] lb = TestPngs.small(6);
        Files.write(dir.resolve("mq.png"), mq);
        Files.write(dir.resolve("lb.png"), lb);
        IconFiles icons = new IconFiles(dir, WITHOUT_SERVICE);
        assertThat(icons.icon("message_broker.png").bytes()).isEqualTo(mq);
        assertThat(icons.icon("load_balancer.png").bytes()).isEqualTo(lb);
    }

    @Test
    void aChangedFileInTheDirectoryIsServedAtOnce() throws IOException {
        Path dir = Files.createDirectory(root.resolve("icons"));
        IconFiles icons = new IconFiles(dir, WITHOUT_SERVICE);
        Files.write(dir.resolve("cache.png"), TestPngs.small(7));
        assertThat(icons.icon("cache.png").bytes()).isEqualTo(TestPngs.small(7));
        Files.write(dir.resolve("cache.png"), TestPngs.small(8));
        assertThat(icons.icon("cache.png").bytes()).isEqualTo(TestPngs.small(8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.png", "..png", "a..b.png", "/etc/passwd.png", "a/b.png", "a\\b.png",
        "C:\\secret.png", "C:secret.png", ".hidden.png", ".png", "a\u0000.png", "secret.gif", "secret", "",
        "%2e%2e%2fsecret.png", "secret.png/", "secret.PNG"})
    void namesThatAreNotPlainPngNamesAreRefused(String name) {
        assertThatThrownBy(() -> new IconFiles(root, WITH_SERVICE).icon(name))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameTooLongIsRefused() {
        assertThatThrownBy(() -> new IconFiles(root, WITH_SERVICE).icon("a".repeat(97) + ".png"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkOutOfTheDirectoryIsNotFollowed() throws IOException {
        Path dir = Files.createDirectory(root.resolve("icons"));
        Path secret = Files.write(root.resolve("secret.png"), TestPngs.small(9));
        assumeTrue(link(dir.resolve("app.png"), secret), "this file system takes no symbolic links");
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Files.write(elsewhere.resolve("cache.png"), TestPngs.small(10));
        link(dir.resolve("nested"), elsewhere);
        IconFiles icons = new IconFiles(dir, WITHOUT_SERVICE);
        assertThat(icons.icon("app.png")).isNull();
        assertThatThrownBy(() -> icons.icon("nested/cache.png")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkWithinTheDirectoryIsFollowed() throws IOException {
        Path dir = Files.createDirectory(root.resolve("icons"));
        Files.write(dir.resolve("database.png"), TestPngs.small(11));
        assumeTrue(link(dir.resolve("cache.png"), dir.resolve("database.png")), "no symbolic links here");
        assertThat(new IconFiles(dir, WITHOUT_SERVICE).icon("cache.png").bytes()).isEqualTo(TestPngs.small(11));
    }

    @Test
    void aDirectoryReachedThroughALinkStillServesItsOwnFiles() throws IOException {
        Path real = Files.createDirectory(root.resolve("real-icons"));
        Files.write(real.resolve("cache.png"), TestPngs.small(12));
        Path linked = root.resolve("icons");
        assumeTrue(link(linked, real), "no symbolic links here");
        assertThat(new IconFiles(linked, WITHOUT_SERVICE).icon("cache.png").bytes()).isEqualTo(TestPngs.small(12));
    }

    @Test
    void aDirectoryNamedLikeAnIconIsNotOne() throws IOException {
        Path dir = Files.createDirectory(root.resolve("icons"));
        Files.createDirectory(dir.resolve("cache.png"));
        assertThat(new IconFiles(dir, WITHOUT_SERVICE).icon("cache.png")).isNull();
    }

    private static boolean link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = IconFiles.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
