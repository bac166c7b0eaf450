package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;

import io.linkledger.brands.BrandSettings;
import io.linkledger.brands.BrandSettingsService;

/** The Brand section of Settings in Chromium: an admin names the brand, uploads its logo, sets its zone. */
class BrandSettingsBrowserTest extends ConsoleBrowserTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired
    private BrandSettingsService brandSettings;

    @Test
    void anAdminSetsTheBrandAndSeesWhatIsWrongInWords() {
        Page page = signIn();
        page.navigate(api.baseUrl() + "/settings");
        page.getByLabel("Brand name").fill("Sunny Socks");
        page.getByLabel("Sender email").fill("not an email");
        page.getByLabel("Website").fill("sunnysocks.example");
        page.getByLabel("Logo").setInputFiles(new FilePayload("logo.svg", "image/svg+xml", "<svg/>".getBytes()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save brand settings")).click();

        assertThat(page.locator("#brand-message")).isVisible();
        assertThat(page.locator("#brand-senderEmail-error"))
                .hasText("Sender email must be an email address such as partners@example.com");
        assertThat(page.locator("#brand-website-error")).containsText("must be a web address starting with https://");
        assertThat(page.locator("#brand-logo-error")).containsText("must be a PNG, JPEG, GIF or WebP image");
        assertThat(page.getByLabel("Brand name")).hasValue("Sunny Socks");
        look(page, "settings-brand-refused");
        assertThat(brandSettings.get(brand.id()).name()).isEqualTo(brand.name());

        page.getByLabel("Sender email").fill("partners@sunnysocks.example");
        page.getByLabel("Website").fill("https://sunnysocks.example");
        page.getByLabel("Logo").setInputFiles(new FilePayload("logo.png", "image/png", PNG));
        page.getByLabel("Time zone").selectOption(new SelectOption().setValue("Europe/Paris"));
        page.getByLabel("Default payout method").selectOption(new SelectOption().setLabel("Manual transfer"));
        page.getByLabel("Default currency").fill("EUR");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save brand settings")).click();

        assertThat(page.locator("#settings-notice")).hasText("Brand settings saved.");
        assertThat(page.getByAltText("Logo of Sunny Socks")).isVisible();
        assertThat(page.getByLabel("Time zone")).hasValue("Europe/Paris");
        look(page, "settings-brand");

        BrandSettings saved = brandSettings.get(brand.id());
        assertThat(saved.name()).isEqualTo("Sunny Socks");
        assertThat(saved.logo().mediaType()).isEqualTo("image/png");
        assertThat(saved.timeZone().getId()).isEqualTo("Europe/Paris");
        assertThat(saved.defaultCurrency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(saved.senderEmail()).isEqualTo("partners@sunnysocks.example");

        page.getByLabel("Remove the logo").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save brand settings")).click();
        assertThat(page.locator("#settings-notice")).isVisible();
        assertThat(brandSettings.get(brand.id()).logo()).isNull();
    }
}
