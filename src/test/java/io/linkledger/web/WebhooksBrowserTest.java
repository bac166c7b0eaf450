package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;

/**
 * Settings → Webhooks in Chromium: an admin adds an endpoint (events as checkboxes, the secret
 * shown once with a copy button), sees a delivery in the log with its answer, replays it,
 * rotates the secret, fixes a refused URL, and disables the endpoint.
 */
@TestPropertySource(properties = {"linkledger.webhooks.deliver=true", "linkledger.webhooks.poll-interval-ms=100"})
class WebhooksBrowserTest extends ConsoleBrowserTest {

    private static final int RECEIVER_PORT = 18142;

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER_PORT), 0);
        receiver.createContext("/hooks", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(new String(body.readAllBytes()));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void anAdminAddsAnEndpointSeesItsDeliveriesReplaysOneAndDisablesIt() {
        Page page = signIn();
        page.navigate(api.baseUrl() + "/settings");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks")).click();
        assertThat(page.locator("#no-endpoints")).isVisible();

        page.getByLabel("Endpoint URL").fill("ftp://hooks.example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint")).click();
        assertThat(page.locator("#webhook-url-error")).containsText("must start with https://");
        assertThat(page.locator("#webhook-events-error")).containsText("choose at least one");
        look(page, "webhooks-refused");

        String url = "http://127.0.0.1:" + RECEIVER_PORT + "/hooks";
        page.getByLabel("Endpoint URL").fill(url);
        page.getByLabel("Description (optional)").fill("CRM sync");
        page.getByLabel("A member was added to an offer").check();
        page.getByLabel("A conversion was approved").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Endpoint added"))).isVisible();
        String secret = page.locator("#webhook-secret").inputValue();
        assertThat(secret).startsWith("whsec_");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy signing secret")).click();
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(secret);
        look(page, "webhooks-secret");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Done")).click();

        String offerId = createLinkOffer("Socks").get("id").asString();
        assign(offerId, createMember("Ada Lovelace", UUID.randomUUID() + "@example.test").get("id").asString());
        Locator delivered = page.locator("#deliveries tr[data-status=DELIVERED]");
        for (int i = 0; i < 100 && delivered.count() == 0; i++) {
            page.waitForTimeout(100);
            page.reload();
        }
        assertThat(delivered).hasCount(1);
        assertThat(delivered.locator("td[data-label=Response]")).containsText("HTTP 200");
        assertThat(delivered.locator("td[data-label=Status]")).hasText("Delivered");
        assertThat(received).hasSize(1);
        look(page, "webhooks-endpoint");

        delivered.getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#endpoint-notice")).containsText("queued again");
        assertThat(page.locator("#deliveries tbody tr")).hasCount(2);
        assertThat(page.locator("#deliveries tbody tr").first()).containsText("replay");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate signing secret")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New signing secret")))
                .isVisible();
        assertThat(page.locator("#webhook-secret").inputValue()).startsWith("whsec_").isNotEqualTo(secret);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Done")).click();

        page.getByLabel("Endpoint URL").fill("https://user:pw@hooks.example.com/x");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save endpoint")).click();
        assertThat(page.locator("#webhook-url-error")).containsText("user name or password");
        assertThat(page.getByLabel("A member was added to an offer")).isChecked();
        page.getByLabel("Endpoint URL").fill(url);
        page.getByLabel("A conversion was approved").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save endpoint")).click();
        assertThat(page.locator("#endpoint-notice")).hasText("The endpoint was saved.");
        assertThat(page.getByLabel("A conversion was approved")).not().isChecked();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable endpoint")).click();
        assertThat(page.locator("#endpoint-status")).containsText("Disabled");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks")).first().click();
        assertThat(page.locator("#endpoints")).containsText("CRM sync");
        assertThat(page.locator("#endpoints")).containsText("Disabled");
        look(page, "webhooks-list");
        assertThat(api.get("/api/v1/webhooks").json().get("items").get(0).get("events").toString())
                .isEqualTo("[\"member.assigned\"]");
    }
}
