package io.linkledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.shared.Tokens;

/**
 * A Creator Portal sign-in link does not stay readable in the outbox: the stored copy of the
 * email loses it once the email is delivered, the link is used, or it expires.
 */
class SignInLinkRedactionTest extends DashboardScenario {

    private static final Pattern STORED_LINK = Pattern.compile("/portal/sign-in/([A-Za-z0-9_-]{20,})");

    @Autowired
    private SignInLinks links;

    @AfterEach
    void smtpBackUp() {
        if (!smtp().isRunning()) {
            startSmtp();
        }
    }

    @Test
    void aDeliveredEmailKeepsNoCopyOfItsLink() throws InterruptedException {
        String email = "delivered." + UUID.randomUUID() + "@example.com";
        createMember("Dee Livered", email);
        new PortalClient(api.baseUrl()).requestLink(email);

        String token = signInPath(email, 1).substring("/portal/sign-in/".length());
        await("the stored copy to lose the link", () -> !stored(email).contains(token));
        assertThat(stored(email)).contains("/portal/sign-in/REMOVED");
        // The member's own copy still works.
        PortalClient browser = new PortalClient(api.baseUrl());
        assertThat(browser.get("/portal/sign-in/" + token).status()).isEqualTo(200);
    }

    @Test
    void aUsedLinkLeavesTheOutboxAtOnceEvenIfTheEmailWasNeverDelivered() {
        stopSmtp();
        String email = "used." + UUID.randomUUID() + "@example.com";
        createMember("Ursula Used", email);
        new PortalClient(api.baseUrl()).requestLink(email);
        String token = storedToken(email);

        PortalClient browser = new PortalClient(api.baseUrl());
        browser.get("/portal/sign-in/" + token);
        assertThat(browser.post("/portal/sign-in/" + token).status()).isEqualTo(303);

        assertThat(stored(email)).doesNotContain(token).contains("/portal/sign-in/REMOVED");
    }

    @Test
    void anExpiredLinkLeavesTheOutboxOnTheNextSweep() {
        stopSmtp();
        String email = "expired." + UUID.randomUUID() + "@example.com";
        createMember("Exa Pired", email);
        new PortalClient(api.baseUrl()).requestLink(email);
        String token = storedToken(email);
        jdbc.sql("update portal_sign_in_links set expires_at = ? where token_hash = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), Tokens.sha256(token)).update();

        links.redactDeadLinks();

        assertThat(stored(email)).doesNotContain(token);
    }

    private String storedToken(String email) {
        Matcher link = STORED_LINK.matcher(stored(email));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    /** The outbox's copy of the sign-in email to this address, text and HTML. */
    private String stored(String email) {
        return jdbc.sql("select body_text || body_html from email_outbox where to_address = ?").param(email)
                .query(String.class).single();
    }
}
