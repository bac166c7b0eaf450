package io.linkledger.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;

/**
 * One Chromium for a browser test class: {@code @RegisterExtension static final Chromium CHROMIUM = new Chromium();}
 * starts it before the class's tests (skipping or failing them without Chromium, see {@link Browsers})
 * and closes it after.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        Browsers.requireChromium();
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            playwright.close();
        }
    }

    public Browser browser() {
        return browser;
    }
}
