package io.linkledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.linkledger.shared.Tokens;
import io.linkledger.support.Api;
import io.linkledger.support.MailTest;
import tools.jackson.databind.JsonNode;

/**
 * A member in a link-and-code offer with a history made through the product's own flows:
 * clicks on the tracking link, postbacks to a generic integration, approval and reversal
 * through the conversions API, a funded balance and a payment. The figures the tests expect
 * are worked out next to the data. Dashboard and portal tests share this one application
 * context with the mail tests (real SMTP), so portal tests read their sign-in links from it.
 */
abstract class DashboardScenario extends MailTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36";
    private static final String PREVIEW_BOT =
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";
    private static final Pattern SIGN_IN_LINK = Pattern.compile("https?://\\S+?(/portal/sign-in/[A-Za-z0-9_-]+)");
    private static final String SIGN_IN_SUBJECT = "Your Creator Portal sign-in link";

    protected record Seeded(String offerId, String memberId, String token, String promoCode, String trackingLink,
            String memberEmail) {
    }

    protected static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * The member joined 60 days ago. Today 26 clicks on the tracking link: 20 visitors, 5 of
     * whom come back (gross, not unique), and a link-preview bot (not counted). One of today's
     * clicks buys for $30.00 (pending). Partner postbacks dated in the past: day -2 $120.00
     * (approved), -5 $80.00 (pending), -12 $200.00 and -40 $100.00 (approved, then paid by
     * today's $30.00 payment, oldest first), -15 $50.00 (reversed). Commission is 10%.
     *
     * <p>Last 30 days: 25 clicks (20 unique), 4 conversions, $430.00 of sales, $43.00 commission.
     * Last 7 days: 3 conversions, $23.00. All time: 5 conversions, $530.00. Earnings: pending
     * $11.00, approved $12.00, paid $30.00. Conversion list: 6 rows (the reversed one
     * included). One payment of $30.00, today.
     */
    protected Seeded seedDashboard(String memberName) {
        JsonNode offer = createOffer(Map.of("name", "Summer collection", "description", "Linen shirts and dresses",
                "type", "LINK_AND_CODE", "conversionType", "SALE", "currency", "USD",
                "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"))));
        String offerId = offer.get("id").asString();
        String email = "creator-" + UUID.randomUUID() + "@example.com";
        String memberId = createMember(memberName, email).get("id").asString();
        JsonNode assignment = assign(offerId, memberId).get(0);
        String link = assignment.get("dashboardLink").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        String trackingLink = assignment.get("trackingLink").asString();
        // No API joins a member in the past; "all" starts on the join day, so move it back.
        jdbc.sql("update offer_members set created_at = ? where dashboard_token_hash = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(60), Tokens.sha256(token)).update();

        String code = trackingLink.substring(trackingLink.lastIndexOf('/') + 1);
        String buyer = click(code, BROWSER.formatted(100));
        for (int visitor = 101; visitor < 120; visitor++) {
            click(code, BROWSER.formatted(visitor));
        }
        for (int visitor = 100; visitor < 120; visitor += 4) {
            click(code, BROWSER.formatted(visitor));
        }
        click(code, PREVIEW_BOT);

        String integrationKey = created(api.post("/api/v1/integrations",
                Map.of("type", "POSTBACK", "name", "Shop " + UUID.randomUUID(), "offerId", offerId)))
                .get("key").asString();
        String paidEarlier = partnerSale(integrationKey, memberId, 40, "100.00");
        String reversed = partnerSale(integrationKey, memberId, 15, "50.00");
        String paidLater = partnerSale(integrationKey, memberId, 12, "200.00");
        partnerSale(integrationKey, memberId, 5, "80.00");
        String approved = partnerSale(integrationKey, memberId, 2, "120.00");
        postback(integrationKey, Map.of("transaction_id", buyer, "order_id", "WEB-" + UUID.randomUUID(),
                "amount", "30.00"));

        for (String id : List.of(paidEarlier, paidLater, approved)) {
            ok(api.post("/api/v1/conversions/" + id + "/approve", Map.of()));
        }
        ok(api.post("/api/v1/conversions/" + reversed + "/reverse", Map.of("reason", "Order returned")));
        created(api.post("/api/v1/balance/fundings", Map.of("amount", "30.00", "currency", "USD")));
        // $30.00 covers the two oldest approved conversions ($10.00 + $20.00) whole; the $12.00 one stays approved.
        JsonNode payment = created(api.send(api.request("/api/v1/payments")
                .header("Content-Type", "application/json").header("Idempotency-Key", "pay-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"currency":"USD","provider":"MANUAL","items":[{"memberId":"%s","amount":"30.00"}]}"""
                        .formatted(memberId)))));
        // A manual payment is paid once the brand confirms it sent the money.
        Api.Response confirmed = api.post("/api/v1/payments/" + payment.get("id").asString() + "/confirm-transfer",
                Map.of());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("COMPLETED");
        return new Seeded(offerId, memberId, token, assignment.get("promoCode").asString(), trackingLink, email);
    }

    /** A click on the tracking link as a browser sends it; the transaction id the redirect passed on. */
    private String click(String code, String userAgent) {
        Api.Response response = api.send(api.withKey(null).request("/r/" + code).header("User-Agent", userAgent)
                .header("Referer", "https://video.example/watch?v=1").GET());
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        String query = URI.create(response.header("Location")).getRawQuery();
        return Arrays.stream(query.split("&")).filter(pair -> pair.startsWith("afftrack="))
                .map(pair -> URLDecoder.decode(pair.substring("afftrack=".length()), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    /** A recurring sale the shop reports by member id, dated {@code daysAgo} days back at noon UTC. */
    private String partnerSale(String integrationKey, String memberId, int daysAgo, String amount) {
        return postback(integrationKey, Map.of("member_id", memberId, "order_id", "SUB-" + UUID.randomUUID(),
                "amount", amount, "status", "pending", "date", today().minusDays(daysAgo) + "T12:00:00Z"));
    }

    private String postback(String integrationKey, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Api.Response response = api.withKey(null).get("/postback/" + integrationKey + "?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("duplicate").asBoolean()).isFalse();
        return response.json().get("conversionId").asString();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Sign-in emails the SMTP server received for this address (any letter case), oldest first. */
    protected static List<MimeMessage> signInEmails(String address) {
        return Arrays.stream(smtp().getReceivedMessages()).filter(m -> isSignInEmailTo(m, address)).toList();
    }

    /** Waits for the {@code nth} sign-in email to this address and returns the sign-in path in it. */
    protected static String signInPath(String address, int nth) throws InterruptedException {
        await(nth + " sign-in email(s) to " + address, () -> signInEmails(address).size() >= nth);
        String text = plainText(signInEmails(address).get(nth - 1));
        Matcher link = SIGN_IN_LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    /**
     * Requests a link for a fresh member and waits until it is delivered. The outbox delivers
     * in queue order, so any email queued before it has been delivered by then: after this,
     * "no email arrived" means none was sent.
     */
    protected void awaitEarlierEmails() throws InterruptedException {
        String marker = "marker-" + UUID.randomUUID() + "@example.com";
        createMember("Mark Marker", marker);
        assertThat(new PortalClient(api.baseUrl()).requestLink(marker).status()).isEqualTo(200);
        signInPath(marker, 1);
    }

    private static boolean isSignInEmailTo(MimeMessage message, String address) {
        try {
            return SIGN_IN_SUBJECT.equals(message.getSubject()) && Arrays.stream(message.getAllRecipients())
                    .map(a -> ((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT))
                    .anyMatch(address.toLowerCase(Locale.ROOT)::equals);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text/plain part, as the member's mail program shows it. */
    private static String plainText(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = plainText(multipart.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
