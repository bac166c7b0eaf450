package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.linkledger.brands.Role;

/** "Email Members" over real HTTP: the Markdown editor, its live preview, saving, the confirmation and the send. */
class OfferEmailPageTest extends OfferPageScenarioTest {

    private static final Pattern SEND_KEY = Pattern.compile("name=\"sendKey\" value=\"([0-9a-f-]{36})\"");

    private Map<String, String> form(String csrf, String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    void opensOnTheDefaultForTheOfferTypeWithHelpAndTheFirstMembersPreview() throws Exception {
        Seeded s = seed();
        signInAs(Role.ADMIN);
        String page = get("/offers/" + s.offerId() + "/email").body();

        assertThat(page).contains("value=\"Your {{offer.name}} performance dashboard\"",
                "[Open your dashboard]({{dashboard_link}})", "your tracking link");
        assertThat(page).contains("<code>{{member.first_name}}</code>", "own dashboard link for this offer");
        assertThat(page).contains("Member 1 of 2", "id=\"preview-to\"", "srcdoc=", "Send to 2 members…",
                "Save as the template for link offers");
        assertThat(page).containsPattern("Hi (Jane|Omar),").contains("/d/");
    }

    @Test
    void livePreviewPagesThroughMembersAndShowsWhatIsWrong() throws Exception {
        Seeded s = seed();
        signInAs(Role.ADMIN);
        String csrf = csrf(get("/offers/" + s.offerId() + "/email").body());
        String url = "/offers/" + s.offerId() + "/email/preview";

        Map<String, String> edited = form(csrf, "subject", "For {{member.first_name}}", "body",
                "**{{member.name}}**: [dashboard]({{dashboard_link}})", "index", "0");
        String first = postForm(url, edited).body();
        edited.put("show", "1");
        String second = postForm(url, edited).body();
        assertThat(second).startsWith("<div id=\"email-preview\"").doesNotContain("<html");
        assertThat(first).contains("Member 1 of 2", "Next member").doesNotContain("Previous member");
        assertThat(second).contains("Member 2 of 2", "Previous member").doesNotContain("Next member");
        assertThat(first + second).contains("For Jane", "For Omar", "&lt;strong>Omar Haddad&lt;/strong>",
                "dashboard (https://track.example.test/d/");

        String broken = postForm(url, form(csrf, "subject", "Hi", "body", "{{#link}}open", "index", "1")).body();
        assertThat(broken).contains("id=\"preview-problems\"", "Email body: {{#link}} is never closed");
    }

    @Test
    void anUnknownVariableIsShownNextToItsFieldAndNothingIsSaved() throws Exception {
        Seeded s = seed();
        signInAs(Role.ADMIN);
        String csrf = csrf(get("/offers/" + s.offerId() + "/email").body());

        String refused = postForm("/offers/" + s.offerId() + "/email", form(csrf, "action", "save",
                "subject", "Hi {{member.nickname}}", "body", "{{dashboard_link}}")).body();
        assertThat(refused).contains("id=\"email-subject-error\"", "member.nickname",
                "value=\"Hi {{member.nickname}}\"", "aria-invalid=\"true\"");
        assertThat(count("select count(*) from email_templates where brand_id = ?", brand.id())).isZero();
    }

    @Test
    void savingKeepsTheTemplateForThisOfferTypeAndRestoringGoesBackToTheDefault() throws Exception {
        Seeded s = seed();
        signInAs(Role.ADMIN);
        String csrf = csrf(get("/offers/" + s.offerId() + "/email").body());

        String saved = postForm("/offers/" + s.offerId() + "/email", form(csrf, "action", "save",
                "subject", "Your dashboard, {{member.first_name}}", "body", "Here: {{dashboard_link}}")).body();
        assertThat(saved).contains("Saved: Email Members emails for link offers now start from this.",
                "Restore the default");
        assertThat(get("/offers/" + s.offerId() + "/email").body()).contains("value=\"Your dashboard, {{member.first_name}}\"");
        assertThat(api.get("/api/v1/email-templates/DASHBOARD_LINKS?offerType=LINK").json().get("template")
                .get("body").asString()).isEqualTo("Here: {{dashboard_link}}");

        String reset = postForm("/offers/" + s.offerId() + "/email", form(csrf, "action", "reset")).body();
        assertThat(reset).contains("Back to the default email for link offers.",
                "value=\"Your {{offer.name}} performance dashboard\"");
    }

    @Test
    void theConfirmationSaysHowManyMembersAndSendingTwiceSendsOnce() throws Exception {
        Seeded s = seed();
        signInAs(Role.ADMIN);
        String csrf = csrf(get("/offers/" + s.offerId() + "/email").body());
        Map<String, String> email = form(csrf, "subject", "Your {{offer.name}} dashboard", "body",
                "Hello {{member.name}}: [dashboard]({{dashboard_link}})");

        Map<String, String> review = new LinkedHashMap<>(email);
        review.put("action", "review");
        String confirmation = postForm("/offers/" + s.offerId() + "/email", review).body();
        assertThat(confirmation).contains("Send this email to 2 members?", "Send to 2 members</button>",
                "Back to editing");
        Matcher key = SEND_KEY.matcher(confirmation);
        assertThat(key.find()).isTrue();
        assertThat(count("select count(*) from email_sends where brand_id = ?", brand.id())).isZero();

        Map<String, String> send = new LinkedHashMap<>(email);
        send.put("sendKey", key.group(1));
        HttpResponse<String> first = postForm("/offers/" + s.offerId() + "/email/send", send);
        HttpResponse<String> second = postForm("/offers/" + s.offerId() + "/email/send", send);
        String log = "/offers/" + s.offerId() + "/sends/" + key.group(1);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith(log);
        assertThat(second.headers().firstValue("Location").orElseThrow()).endsWith(log);
        assertThat(count("select count(*) from email_sends where brand_id = ?", brand.id())).isEqualTo(1);

        String page = follow(first).body();
        assertThat(page).contains("<h1>Delivery log</h1>", "Email Members", "Subject: Your {{offer.name}} dashboard");
        assertThat(page).contains("No SMTP server is configured");
        String sends = get("/offers/" + s.offerId() + "/sends").body();
        assertThat(sends).contains("href=\"" + log + "\"", "Email Members");
    }

    @Test
    void theDeliveryLogListsEveryMembersEmail() throws Exception {
        Seeded s = seed();
        signInAs(Role.ADMIN);
        String csrf = csrf(get("/offers/" + s.offerId() + "/email").body());
        String sendKey = UUID.randomUUID().toString();
        follow(postForm("/offers/" + s.offerId() + "/email/send", form(csrf, "subject", "Hi",
                "body", "{{dashboard_link}}", "sendKey", sendKey)));
        String log = "/offers/" + s.offerId() + "/sends/" + sendKey;
        long deadline = System.currentTimeMillis() + 60_000;
        String fragment;
        do {
            Thread.sleep(100);
            fragment = htmx(log + "/deliveries").body();
        } while (!fragment.contains("data-count=\"pending\">2<") && System.currentTimeMillis() < deadline);

        assertThat(fragment).contains("Jane Doe", "Omar Haddad", "data-status=\"QUEUED\"", "All (2)", "Failed (0)");
        assertThat(fragment).contains("id=\"delivery-status\" hx-swap-oob=\"innerHTML\"", "0 of 2 sent, 2 waiting in the outbox.");
        assertThat(htmx(log + "/deliveries?status=FAILED").body()).contains("No email in this list.");
    }

    @Test
    void viewersReadTheEmailButCannotSendIt() throws Exception {
        Seeded s = seed();
        signInAs(Role.VIEWER);
        String page = get("/offers/" + s.offerId() + "/email").body();
        assertThat(page).contains("readonly", "Only admins can preview, save and send emails.")
                .doesNotContain("id=\"send-button\"");
        assertThat(postForm("/offers/" + s.offerId() + "/email/send", form(csrf(page), "subject", "x", "body", "x",
                "sendKey", UUID.randomUUID().toString())).statusCode()).isEqualTo(403);
    }
}
