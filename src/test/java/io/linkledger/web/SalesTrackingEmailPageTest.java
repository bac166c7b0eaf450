package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.brands.Role;
import io.linkledger.members.Member;
import io.linkledger.members.MemberRequest;
import io.linkledger.members.Members;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;

/** The Sales Tracking stage's "Send Sales Tracking Items" step over real HTTP, as htmx drives it. */
class SalesTrackingEmailPageTest extends OfferPageScenarioTest {

    private static final Pattern POLL = Pattern.compile("hx-get=\"([^\"]+)\"[^>]*hx-trigger=\"load delay");
    private static final Pattern SEND_KEY = Pattern.compile("name=\"sendKey\" value=\"([0-9a-f-]{36})\"");

    @Autowired
    private Projects projects;

    @Autowired
    private Members members;

    private String csrf;
    private Project project;
    private String offerId;
    private final List<Member> team = new ArrayList<>();

    private void projectWithAssignedMembers(String offerType, String... names) throws Exception {
        signInAs(Role.ADMIN);
        csrf = csrf(get("/projects").body());
        for (String name : names) {
            team.add(members.create(brand.id(), new MemberRequest(name, name.toLowerCase().replace(' ', '.') + "."
                    + UUID.randomUUID() + "@example.com", null, null)));
        }
        project = projects.create(brand.id(), "Spring launch");
        projects.addMembers(brand.id(), project.id(), team.stream().map(Member::id).toList());
        offerId = createOffer(Map.of("name", "Summer Sale", "type", offerType, "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10")))).get("id").asString();
        api.post("/api/v1/offers/" + offerId + "/members", Map.of("projectId", project.id()));
    }

    private String stage(String step, String... pairs) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("offerId", offerId);
        form.put("all", "true");
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return postForm("/projects/" + project.id() + "/stage/" + step, form).body();
    }

    @Test
    void theSendStepOpensOnTheDefaultForTheOfferType() throws Exception {
        projectWithAssignedMembers("PROMO_CODE", "Ana Lima");
        String compose = get("/projects/" + project.id() + "/stage/send?offerId=" + offerId + "&all=true").body();
        assertThat(compose).startsWith("<div id=\"compose\"").contains("id=\"email-editor\"",
                "value=\"Your {{offer.name}} code from {{brand.name}}\"", "Your promo code: **{{promo_code}}**",
                "Send to 1 member…", "Emails sent from this project");
        assertThat(compose).doesNotContain("Your tracking link");
        assertThat(compose).containsPattern("Your promo code: &lt;strong>ANA[0-9]*&lt;/strong>");
    }

    @Test
    void anUnknownVariableIsAnInlineErrorAndNothingIsSent() throws Exception {
        projectWithAssignedMembers("LINK_AND_CODE", "Ana Lima");
        String refused = stage("email", "action", "review", "subject", "Hello {{member.nickname}}", "body", "{{link}}");
        assertThat(refused).contains("id=\"email-subject-error\"", "member.nickname",
                "value=\"Hello {{member.nickname}}\"").doesNotContain("confirm-send");
        assertThat(count("select count(*) from email_outbox where brand_id = ?", brand.id())).isZero();
    }

    @Test
    void previewShowsEachSelectedMembersPersonalisedEmail() throws Exception {
        projectWithAssignedMembers("LINK_AND_CODE", "Ana Lima", "Bo Chen");
        String first = stage("preview", "subject", "{{offer.name}} for {{member.first_name}}",
                "body", "Code {{promo_code}}", "index", "0");
        String second = stage("preview", "subject", "{{offer.name}} for {{member.first_name}}",
                "body", "Code {{promo_code}}", "index", "0", "show", "1");
        assertThat(first).contains("Member 1 of 2", "Next member").doesNotContain("Previous member");
        assertThat(second).contains("Member 2 of 2", "Previous member").doesNotContain("Next member");
        assertThat(first + second).contains(team.get(0).email(), team.get(1).email(), "Summer Sale for Ana",
                "Summer Sale for Bo").containsPattern("Code ANA[0-9]*");
    }

    @Test
    void sendingAsksForConfirmationThenQueuesOneEmailPerMemberWithProgressAndLinksTheDeliveryLog() throws Exception {
        projectWithAssignedMembers("LINK_AND_CODE", "Ana Lima", "Bo Chen");
        String confirm = stage("email", "action", "review", "subject", "Your {{offer.name}} link", "body",
                "{{link}} {{dashboard_link}}");
        assertThat(confirm).contains("Send this email to 2 members?", "tracking link, promo code and dashboard link");
        Matcher key = SEND_KEY.matcher(confirm);
        assertThat(key.find()).isTrue();

        String sending = stage("send", "subject", "Your {{offer.name}} link", "body", "{{link}} {{dashboard_link}}",
                "sendKey", key.group(1));
        String done = pollUntilDone(sending);
        assertThat(done).contains("2 emails are queued for sending.",
                "href=\"/offers/" + offerId + "/sends/" + key.group(1) + "\"");
        stage("send", "subject", "Your {{offer.name}} link", "body", "{{link}} {{dashboard_link}}",
                "sendKey", key.group(1));
        var log = api.get("/api/v1/emails?sendId=" + key.group(1)).json();
        assertThat(log.get("total").asInt()).as("the same confirmation sends once").isEqualTo(2);
        log.get("items").forEach(item -> assertThat(item.get("subject").asString()).isEqualTo("Your Summer Sale link"));

        assertThat(get("/projects/" + project.id() + "/sends").body()).contains("Send Sales Tracking Items",
                "Summer Sale", "href=\"/offers/" + offerId + "/sends/" + key.group(1) + "\"");
    }

    /** Follows a progress fragment's polling until it renders something other than progress. */
    private String pollUntilDone(String fragment) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            Matcher poll = POLL.matcher(fragment);
            if (!poll.find()) {
                return fragment;
            }
            assertThat(fragment).contains("<progress");
            Thread.sleep(100);
            fragment = htmx(poll.group(1).replace("&amp;", "&")).body();
        }
        throw new AssertionError("job did not finish");
    }
}
