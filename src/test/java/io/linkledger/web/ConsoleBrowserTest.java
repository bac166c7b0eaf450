package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.support.ApiTest;
import io.linkledger.support.Axe;
import io.linkledger.support.Browsers;
import io.linkledger.support.Chromium;

/**
 * A brand admin in Chromium: signs in, and {@link #look} checks each screen the way a user
 * meets it, at desktop width and at 320 px: no WCAG 2.1 A/AA violation (axe-core), nothing
 * scrolling sideways, and a screenshot of both under {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleBrowserTest extends ApiTest {

    static final int DESKTOP = 1280;
    static final int PHONE = 320;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @Autowired
    private Users users;

    private BrowserContext context;
    /** Script errors and server failures seen by the page; a test ends with none. */
    protected final List<String> errors = new ArrayList<>();

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        assertThat(errors).as("script errors and server failures").isEmpty();
        errors.clear();
    }

    /** A signed-in admin's page at desktop width; copy buttons may use the clipboard. */
    Page signIn() {
        String email = "admin." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, "console admin password", Role.ADMIN);
        context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(DESKTOP, 900)
                .setDeviceScaleFactor(1));
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        Page page = context.newPage();
        page.onPageError(errors::add);
        // Refused forms answer 4xx on purpose: only script errors and server failures count.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                errors.add(message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 500) {
                errors.add(response.status() + " " + response.url());
            }
        });
        page.navigate(api.baseUrl() + "/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("console admin password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/offers");
        return page;
    }

    /**
     * Checks the page as it is at desktop width and at phone width (320 px): axe-core finds no
     * violation, the page does not scroll sideways and no box scrolls inside it; screenshots
     * {@code <name>-desktop.png} and {@code <name>-phone.png}. Leaves the page at desktop width.
     */
    void look(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot(name + "-desktop")).setFullPage(true));
        Axe.check(page, name + " at " + DESKTOP + " px");
        noSidewaysScrolling(page, name + " at " + DESKTOP + " px");
        page.setViewportSize(PHONE, 800);
        // Charts redraw for the new width from a resize observer: let them, so the picture is the page as it settles.
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot(name + "-phone")).setFullPage(true));
        Axe.check(page, name + " at " + PHONE + " px");
        noSidewaysScrolling(page, name + " at " + PHONE + " px");
        page.setViewportSize(DESKTOP, 900);
        page.waitForTimeout(300);
    }

    /** The page is no wider than the window, and no element in it scrolls sideways (a table inside its card). */
    static void noSidewaysScrolling(Page page, String what) {
        @SuppressWarnings("unchecked")
        List<String> scrolling = (List<String>) page.evaluate("""
                () => {
                    const found = [];
                    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                        const wide = [...document.querySelectorAll("body *")]
                            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
                            .slice(0, 5)
                            .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                                + (el.className && el.className.baseVal === undefined ? "." + el.className : ""));
                        found.push("the page is " + document.documentElement.scrollWidth + " px wide: " + wide.join(", "));
                    }
                    document.querySelectorAll("main *").forEach(el => {
                        const style = getComputedStyle(el);
                        if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
                            found.push((el.id ? "#" + el.id : el.tagName.toLowerCase() + "." + el.className)
                                + " scrolls sideways");
                        }
                    });
                    return found;
                }""");
        assertThat(scrolling).as("sideways scrolling on " + what).isEmpty();
    }

    /** Clicks a copy button and answers what landed on the clipboard. */
    static String copy(Page page, String buttonSelector) {
        page.locator(buttonSelector).click();
        page.waitForSelector(buttonSelector + "[data-copied='true']");
        return (String) page.evaluate("() => navigator.clipboard.readText()");
    }
}
