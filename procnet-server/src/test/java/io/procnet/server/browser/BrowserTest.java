package io.procnet.server.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Marks a test class that drives {@link HeadlessChromium}: tagged {@code browser}, and skipped
 * where Debian's {@code chromium} or {@code chromium-driver} is not installed.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@EnabledIf(value = "io.procnet.server.browser.HeadlessChromium#installed",
        disabledReason = "needs " + HeadlessChromium.BROWSER_PATH + " and " + HeadlessChromium.DRIVER_PATH
                + " (Debian's chromium and chromium-driver)")
public @interface BrowserTest {
}
