package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.linkledger.support.MailTest;
import tools.jackson.databind.JsonNode;

/** Send Sales Tracking Items and Email Members, delivered to a real SMTP server. */
class MemberEmailTest extends MailTest {

    private String offer;
    private String project;
    private JsonNode ann;
    private JsonNode ben;

    private void projectWithTwoAssignedMembers(String type) {
        offer = createOffer(Map.of("name", "Spring Drop", "type", type, "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("type", "CPS", "percent", "12.5")))).get("id").asString();
        project = created(api.post("/api/v1/projects", Map.of("name", "Launch"))).get("id").asString();
        String a = createMember("Ann <b>Lee</b>", address("ann")).get("id").asString();
        String b = createMember("Ben Okafor", address("ben")).get("id").asString();
        api.post("/api/v1/projects/" + project + "/members", Map.of("memberIds", List.of(a, b)));
        JsonNode assignments = api.post("/api/v1/offers/" + offer + "/members", Map.of("projectId", project)).json()
                .get("assignments");
        ann = assignments.get(0);
        ben = assignments.get(1);
    }

    private String address(String who) {
        return who + "." + brand.id() + "@example.com";
    }

    private MailParts deliveredTo(String who) throws InterruptedException {
        await(who + "'s email", () -> receivedBy(address(who)).size() == 1);
        return MailParts.of(receivedBy(address(who)).getFirst());
    }

    private void send(Map<String, Object> body) throws InterruptedException {
        JsonNode sending = api.post("/api/v1/offers/" + offer + "/emails/send", body).json();
        awaitJob(sending.get("jobId").asString());
    }

    @Test
    void previewShowsEachMembersOwnLinkCodeAndDashboard() {
        projectWithTwoAssignedMembers("LINK_AND_CODE");
        JsonNode items = api.post("/api/v1/offers/" + offer + "/emails/preview", Map.of("projectId", project)).json()
                .get("items");

        assertThat(items).hasSize(2);
        JsonNode first = items.get(0);
        assertThat(first.get("subject").asString()).isEqualTo("Your Spring Drop link and code from " + brand.name());
        assertThat(first.get("text").asString()).contains("Hi Ann,", ann.get("promoCode").asString(),
                ann.get("trackingLink").asString(), ann.get("dashboardLink").asString(), "12.5% of each sale");
        assertThat(first.get("html").asString()).contains("Hi Ann,").doesNotContain("<b>Lee");
        assertThat(items.get(1).get("text").asString()).contains("Hi Ben,", ben.get("promoCode").asString())
                .doesNotContain(ann.get("promoCode").asString());
    }

    @Test
    void aLinkOfferSpeaksOfALinkOnly() {
        projectWithTwoAssignedMembers("LINK");
        JsonNode first = api.post("/api/v1/offers/" + offer + "/emails/preview", Map.of("projectId", project)).json()
                .get("items").get(0);
        assertThat(first.get("subject").asString()).isEqualTo("Your Spring Drop link from " + brand.name());
        assertThat(first.get("text").asString()).contains(ann.get("trackingLink").asString())
                .doesNotContainIgnoringCase("code");
    }

    @Test
    void bothPartsCarryTheSameContentAndEachMembersOwnLinkCodeAndDashboard() throws Exception {
        projectWithTwoAssignedMembers("LINK_AND_CODE");
        send(Map.of("projectId", project));

        for (JsonNode member : List.of(ann, ben)) {
            String who = member == ann ? "ann" : "ben";
            MailParts parts = deliveredTo(who);
            assertThat(parts.htmlWords()).isEqualTo(parts.textWords());
            var html = Jsoup.parse(parts.html());
            assertThat(html.select("a").eachAttr("href")).contains(member.get("trackingLink").asString(),
                    member.get("dashboardLink").asString());
            assertThat(html.select("strong").eachText()).contains(member.get("promoCode").asString());
            assertThat(parts.text()).contains(member.get("promoCode").asString(),
                    "Your tracking link: " + member.get("trackingLink").asString(),
                    "your personal dashboard (" + member.get("dashboardLink").asString() + ")");
        }
        assertThat(deliveredTo("ann").text()).doesNotContain(ben.get("promoCode").asString());
        assertThat(receivedBy(address("ann")).getFirst().getSubject())
                .isEqualTo("Your Spring Drop link and code from " + brand.name());
    }

    @Test
    void anEditedTemplateIsSentOnceForThisSendWithValuesEscapedInHtml() throws Exception {
        projectWithTwoAssignedMembers("LINK_AND_CODE");
        send(Map.of("kind", "SALES_TRACKING_ITEMS", "projectId", project, "template", Map.of(
                "subject", "{{member.first_name}}, your code",
                "body", "Dear **{{member.name}}**: code {{promo_code}}, [your link]({{link}}), {{dashboard_link}}")));

        MailParts parts = deliveredTo("ann");
        assertThat(receivedBy(address("ann")).getFirst().getSubject()).isEqualTo("Ann, your code");
        assertThat(parts.html()).contains("<strong>Ann &lt;b&gt;Lee&lt;/b&gt;</strong>");
        assertThat(parts.text()).contains("Dear Ann <b>Lee</b>: code " + ann.get("promoCode").asString()
                + ", your link (" + ann.get("trackingLink").asString() + "), " + ann.get("dashboardLink").asString());
        assertThat(parts.htmlWords()).isEqualTo(parts.textWords());

        String annLog = "/api/v1/emails?memberId=" + ann.get("memberId").asString();
        // the SMTP server has the message before the worker records it as sent
        await("ann's email recorded as sent",
                () -> api.get(annLog).json().get("items").get(0).get("status").asString().equals("SENT"));
        JsonNode log = api.get(annLog).json();
        assertThat(log.get("items").get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/email-templates/SALES_TRACKING_ITEMS?offerType=LINK_AND_CODE").json()
                .get("saved").asBoolean()).as("a one-off edit is not saved").isFalse();
    }

    @Test
    void emailMembersReachesEveryMemberOfTheOfferWithTheirDashboardLink() throws Exception {
        projectWithTwoAssignedMembers("PROMO_CODE");
        send(Map.of());

        MailParts parts = deliveredTo("ben");
        assertThat(receivedBy(address("ben")).getFirst().getSubject()).isEqualTo("Your Spring Drop performance dashboard");
        assertThat(Jsoup.parse(parts.html()).select("a").eachAttr("href")).contains(ben.get("dashboardLink").asString());
        assertThat(parts.text()).contains("Open your dashboard (" + ben.get("dashboardLink").asString() + ")",
                "your promo code").doesNotContain("tracking link");
    }

    @Test
    void aTemplateSavedAsHtmlThatCouldNotBeConvertedIsStillSentAsSaved() throws Exception {
        projectWithTwoAssignedMembers("LINK_AND_CODE");
        jdbc.sql("""
                insert into email_templates (brand_id, kind, offer_type, subject, legacy_html, legacy_text, updated_at)
                values (?, 'DASHBOARD_LINKS', 'LINK_AND_CODE', 'Old {{offer.name}}',
                    '<table><tr><td><a href="{{dashboard_link}}">Dashboard of {{member.name}}</a></td></tr></table>',
                    'Dashboard: {{dashboard_link}}', ?)""").params(brand.id(), OffsetDateTime.now()).update();
        send(Map.of());

        MailParts parts = deliveredTo("ann");
        assertThat(parts.html()).contains("<table>", "Dashboard of Ann &lt;b&gt;Lee&lt;/b&gt;");
        assertThat(parts.text().strip()).isEqualTo("Dashboard: " + ann.get("dashboardLink").asString());
    }

    @Test
    void membersNotInTheOfferCannotBeEmailed() {
        projectWithTwoAssignedMembers("LINK_AND_CODE");
        String outsider = createMember("Cy", address("cy")).get("id").asString();
        JsonNode body = problem(api.post("/api/v1/offers/" + offer + "/emails/send",
                Map.of("memberIds", List.of(outsider))), 400);
        assertThat(body.get("detail").asString()).contains(outsider);
        problem(api.post("/api/v1/offers/" + offer + "/emails/preview",
                Map.of("template", Map.of("subject", "{{oops}}", "body", "x"))), 400);
        assertThat(count("select count(*) from email_outbox where brand_id = ?", brand.id())).isZero();
        assertThat(count("select count(*) from email_sends where brand_id = ?", brand.id())).isZero();
    }
}
