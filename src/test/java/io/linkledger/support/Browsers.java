package io.linkledger.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Browser tests drive Debian's Chromium through Playwright; Playwright never downloads a
 * browser. Without /usr/bin/chromium they are skipped, so {@code ./mvnw verify} works with
 * only a JDK, unless {@code LINKLEDGER_BROWSER_TESTS=required} (CI), where they fail instead.
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browsers() {
    }

    /** Skips the calling test class (or fails it, when browser tests are required) without Chromium. */
    public static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM);
        if (!present && "required".equalsIgnoreCase(System.getenv("LINKLEDGER_BROWSER_TESTS"))) {
            fail("LINKLEDGER_BROWSER_TESTS=required but " + CHROMIUM + " is missing: apt-get install -y chromium");
        }
        assumeTrue(present, CHROMIUM + " is missing; browser tests skipped (apt-get install -y chromium)");
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    public static Path screenshot(String name) {
        return SCREENSHOTS.resolve(name + ".png");
    }
}
