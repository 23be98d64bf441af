package io.procnet.server.browser;

import io.procnet.server.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The system's Chromium, headless, driven through the system's chromedriver: Debian's
 * {@code chromium} ({@value #BROWSER_PATH}) and {@code chromium-driver} ({@value #DRIVER_PATH}).
 * Both paths are given to Selenium, so Selenium Manager never looks for (or downloads) a browser
 * or a driver. Start one per test class, since starting takes most of a second:
 *
 * <pre>{@code
 * @BrowserTest
 * class SomeBrowserTest {
 *     static HeadlessChromium browser;
 *
 *     @BeforeAll static void start() throws IOException { browser = HeadlessChromium.start(); }
 *     @AfterAll static void stop() { browser.close(); }
 *
 *     @Test void showsIt() throws InterruptedException {
 *         browser.open(server.url());
 *         browser.waitUntil("the list", () -> browser.script(Boolean.class, "return !!document.querySelector('li')"));
 *         assertThat(browser.consoleErrors()).isEmpty();
 *     }
 * }
 * }</pre>
 *
 * <p>The console: Chromium's log of the page (every {@code console.*} call, uncaught errors,
 * failed loads) is read through chromedriver's browser log ({@code goog:loggingPrefs}) and kept
 * from one {@link #open} to the next. Dialogs: {@code alert}, {@code confirm} and {@code prompt}
 * are left open ({@code unhandledPromptBehavior} ignore), so any later command fails with
 * {@link org.openqa.selenium.UnhandledAlertException} naming its text, and {@link #dialog()}
 * says whether one is open.
 *
 * <p>Not thread-safe: one test thread drives it.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** Debian's {@code chromium}. */
    public static final String BROWSER_PATH = "/usr/bin/chromium";
    /** Debian's {@code chromium-driver}, of the same version as the browser. */
    public static final String DRIVER_PATH = "/usr/bin/chromedriver";
    /**
     * How long a wait, a page load or a script may take. A page of this project on loopback is
     * ready in well under a second; ten leave room for a busy shared machine and still fail soon.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The window, fixed so layouts and screenshots are the same on every machine. */
    public static final int WIDTH = 1400;
    public static final int HEIGHT = 900;

    /**
     * Selenium warns, at every start, that it has no DevTools classes for this Chromium's version
     * (its own go up to the versions it was released with). They are for {@code getDevTools()};
     * {@link #cdp} sends raw commands and needs none, so the warning says nothing here. Held here
     * because {@code java.util.logging} keeps loggers only weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final Duration startup;
    private final List<ConsoleMessage> console = new ArrayList<>();

    private HeadlessChromium(ChromeDriver driver, ChromeDriverService service, Path profile, Duration startup) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.startup = startup;
    }

    /** Whether both the browser and the driver are installed; browser tests are skipped when not. */
    public static boolean installed() {
        return Files.isExecutable(Path.of(BROWSER_PATH)) && Files.isExecutable(Path.of(DRIVER_PATH));
    }

    /**
     * Starts chromedriver and, through it, a headless Chromium with a fresh profile in a temporary
     * directory (removed by {@link #close()}), on {@code about:blank}.
     *
     * @throws IOException when the profile directory cannot be made
     * @throws org.openqa.selenium.SessionNotCreatedException when the browser does not start
     */
    public static HeadlessChromium start() throws IOException {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        long started = System.nanoTime();
        Path profile = Files.createTempDirectory("procnet-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER_PATH);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT, "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--no-default-browser-check",
                "--user-data-dir=" + profile);
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        options.setPageLoadTimeout(TIMEOUT);
        options.setScriptTimeout(TIMEOUT);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER_PATH).toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            return new HeadlessChromium(driver, service, profile, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    /** How long {@link #start()} took, from nothing to a browser on {@code about:blank}. */
    public Duration startupTime() {
        return startup;
    }

    /**
     * Loads {@code url} and waits for its {@code load} event (at most {@link #TIMEOUT}); the
     * console is cleared first, so {@link #console()} holds this page's messages only. A dialog the
     * last page left open is dismissed, so that one test's failure does not become the next one's.
     */
    public HeadlessChromium open(URI url) {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // the usual case
        }
        drainConsole();
        console.clear();
        driver.get(url.toString());
        return this;
    }

    /** Everything the page wrote to the console since the last {@link #open}, in order. */
    public List<ConsoleMessage> console() {
        drainConsole();
        return List.copyOf(console);
    }

    /** The {@link #console()} messages of level error: {@code console.error}, uncaught errors, failed loads. */
    public List<ConsoleMessage> consoleErrors() {
        return console().stream().filter(ConsoleMessage::isError).toList();
    }

    /**
     * Waits for a console message containing {@code text} and returns it.
     *
     * @throws AssertionError when none came within {@link #TIMEOUT}
     */
    public ConsoleMessage awaitConsole(String text) throws InterruptedException {
        return waitFor("a console message containing '" + text + "'", this::console,
                messages -> messages.stream().anyMatch(message -> message.text().contains(text)))
                .stream().filter(message -> message.text().contains(text)).findFirst().orElseThrow();
    }

    /**
     * Runs {@code script} as the body of a function in the page ({@code arguments[0]}... are
     * {@code args}) and returns what it returns, as {@code type}: JavaScript numbers come back as
     * {@code Long} or {@code Double}, arrays as {@code List}, objects as {@code Map}, and
     * {@code undefined} as {@code null}.
     *
     * @throws ClassCastException when the result is not a {@code type}
     */
    public <T> T script(Class<T> type, String script, Object... args) {
        return type.cast(driver.executeScript(script, args));
    }

    /**
     * Lets the page finish what it has started: waits for every image to load or fail, then for a
     * frame and a task more, so that the events those queued (an {@code onerror}, say) have run.
     */
    public void settle() {
        driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const loading = [...document.images].filter((image) => !image.complete)
                    .map((image) => new Promise((ended) => {
                        image.addEventListener('load', ended, { once: true });
                        image.addEventListener('error', ended, { once: true });
                    }));
                Promise.all(loading).then(() => requestAnimationFrame(() => setTimeout(done, 50)));
                """);
    }

    /** Waits (at most {@link #TIMEOUT}) until {@code condition} holds, failing with {@code what}. */
    public void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, TIMEOUT, condition);
    }

    /**
     * Reads {@code value} until {@code done} accepts it (at most {@link #TIMEOUT}) and returns it;
     * the failure names {@code what} and the last value read.
     */
    public <T> T waitFor(String what, Supplier<? extends T> value, Predicate<? super T> done)
            throws InterruptedException {
        return Await.until(what, TIMEOUT, value, done);
    }

    /**
     * Makes the browser ignore (or, with {@code false}, obey again) the pages' Content Security
     * Policy, from the next {@link #open} on. The hostile-text tests turn it off so that they test
     * how the page builds its DOM, which must be safe without the server's policy too.
     */
    public void bypassContentSecurityPolicy(boolean bypass) {
        cdp("Page.setBypassCSP", Map.of("enabled", bypass));
    }

    /** The text of the {@code alert}, {@code confirm} or {@code prompt} open now, if one is. */
    public Optional<String> dialog() {
        try {
            return Optional.of(driver.switchTo().alert().getText());
        } catch (NoAlertPresentException none) {
            return Optional.empty();
        }
    }

    /** Writes a PNG of the window ({@value #WIDTH}x{@value #HEIGHT}) to {@code file}, making its directory. */
    public Path screenshot(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Sends a Chrome DevTools Protocol command to the page's target and returns its result, for
     * what WebDriver has no command for ({@code Emulation.*}, {@code Network.*}...).
     */
    public Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** The driver itself, for what this class does not cover. */
    public WebDriver driver() {
        return driver;
    }

    /** Quits the browser and the driver and removes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    /** Chromedriver hands out each entry of the browser log once: keep them until the next page. */
    private void drainConsole() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(new ConsoleMessage(entry.getLevel(), entry.getMessage(), entry.getTimestamp()));
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the browser profile " + directory, e);
        }
    }
}
