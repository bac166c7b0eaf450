package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.linkledger.support.MailTest;
import tools.jackson.databind.JsonNode;

/** Send Sales Tracking Items and Email Members, delivered to a real SMTP server. */
class MemberEmailTest extends MailTest {

    private String offer;
    private String project;
    private JsonNode ann;
    private JsonNode ben;

    private void projectWithTwoAssignedMembers() {
        offer = createOffer(Map.of("name", "Spring Drop", "type", "LINK_AND_CODE", "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("type", "CPS", "percent", "12.5")))).get("id").asString();
        project = created(api.post("/api/v1/projects", Map.of("name", "Launch"))).get("id").asString();
        String a = createMember("Ann <b>Lee</b>", "ann." + brand.id() + "@example.com").get("id").asString();
        String b = createMember("Ben Okafor", "ben." + brand.id() + "@example.com").get("id").asString();
        api.post("/api/v1/projects/" + project + "/members", Map.of("memberIds", List.of(a, b)));
        JsonNode assignments = api.post("/api/v1/offers/" + offer + "/members", Map.of("projectId", project)).json()
                .get("assignments");
        ann = assignments.get(0);
        ben = assignments.get(1);
    }

    @Test
    void previewShowsEachMembersOwnLinkCodeAndDashboard() {
        projectWithTwoAssignedMembers();
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
    void sendingSalesTrackingItemsDeliversEachMemberTheirOwnEmail() throws Exception {
        projectWithTwoAssignedMembers();
        Map<String, String> edited = Map.of("subject", "{{member.first_name}}, your code",
                "html", "<p>Code <b>{{promo_code}}</b>, link {{link}}, dashboard {{dashboard_link}}</p>",
                "text", "Code {{promo_code}}, link {{link}}, dashboard {{dashboard_link}}");

        JsonNode sending = api.post("/api/v1/offers/" + offer + "/emails/send",
                Map.of("kind", "SALES_TRACKING_ITEMS", "projectId", project, "template", edited)).json();
        assertThat(sending.get("total").asInt()).isEqualTo(2);
        assertThat(awaitJob(sending.get("jobId").asString()).get("result").get("queued").asInt()).isEqualTo(2);

        String annAddress = "ann." + brand.id() + "@example.com";
        String benAddress = "ben." + brand.id() + "@example.com";
        await("both emails delivered", () -> receivedBy(annAddress).size() == 1 && receivedBy(benAddress).size() == 1);
        String annBody = GreenMailUtil.getBody(receivedBy(annAddress).getFirst());
        assertThat(receivedBy(annAddress).getFirst().getSubject()).isEqualTo("Ann, your code");
        assertThat(annBody).contains(ann.get("promoCode").asString(), ann.get("trackingLink").asString(),
                ann.get("dashboardLink").asString());
        assertThat(GreenMailUtil.getBody(receivedBy(benAddress).getFirst())).contains(ben.get("promoCode").asString())
                .doesNotContain(ann.get("promoCode").asString());

        JsonNode log = api.get("/api/v1/emails?memberId=" + ann.get("memberId").asString()).json();
        assertThat(log.get("items").get(0).get("status").asString()).isEqualTo("SENT");
        assertThat(log.get("items").get(0).get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void emailMembersReachesEveryMemberOfTheOfferWithTheirDashboardLink() throws Exception {
        projectWithTwoAssignedMembers();
        JsonNode sending = api.post("/api/v1/offers/" + offer + "/emails/send", Map.of()).json();
        awaitJob(sending.get("jobId").asString());

        String benAddress = "ben." + brand.id() + "@example.com";
        await("dashboard email delivered", () -> receivedBy(benAddress).size() == 1);
        MimeMessage message = receivedBy(benAddress).getFirst();
        assertThat(message.getSubject()).isEqualTo("Your Spring Drop performance dashboard");
        assertThat(GreenMailUtil.getBody(message)).contains(ben.get("dashboardLink").asString());
    }

    @Test
    void membersNotInTheOfferCannotBeEmailed() {
        projectWithTwoAssignedMembers();
        String outsider = createMember("Cy", "cy." + brand.id() + "@example.com").get("id").asString();
        JsonNode body = problem(api.post("/api/v1/offers/" + offer + "/emails/send",
                Map.of("memberIds", List.of(outsider))), 400);
        assertThat(body.get("detail").asString()).contains(outsider);
        problem(api.post("/api/v1/offers/" + offer + "/emails/preview",
                Map.of("template", Map.of("subject", "{{oops}}", "html", "x", "text", "x"))), 400);
        assertThat(count("select count(*) from email_outbox where brand_id = ?", brand.id())).isZero();
    }
}
