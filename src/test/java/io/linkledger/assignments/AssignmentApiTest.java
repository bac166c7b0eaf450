package io.linkledger.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

class AssignmentApiTest extends ApiTest {

    private static final String BASE = "https://track.example.test";

    private JsonNode linkAndCodeOffer() {
        return createOffer(Map.of("name", "Both", "type", "LINK_AND_CODE", "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"),
                        Map.of("name", "VIP", "type", "CPS", "percent", "15"))));
    }

    private long assignmentCount() {
        return count("select count(*) from offer_members where brand_id = ?", brand.id());
    }

    @Test
    void assigningGivesLinkCodeAndDashboardLink() {
        String offer = linkAndCodeOffer().get("id").asString();
        String jane = createMember("Jane Doe", "jane@example.com").get("id").asString();

        JsonNode a = assign(offer, jane).get(0);

        assertThat(a.get("memberId").asString()).isEqualTo(jane);
        assertThat(a.get("trackingLink").asString()).matches(BASE + "/r/[0-9A-Za-z]{8}");
        assertThat(a.get("promoCode").asString()).isEqualTo("JANE10");
        // 24 random bytes in URL-safe base64: 192 bits.
        assertThat(a.get("dashboardLink").asString()).matches(BASE + "/d/[0-9A-Za-z_-]{32}");
    }

    @Test
    void aSecondMemberWithTheSameFirstNameGetsTheCodeWithASuffix() {
        String offer = linkAndCodeOffer().get("id").asString();
        String liam = createMember("Liam Ortiz", "liam@example.com").get("id").asString();
        String otherLiam = createMember("Liam Brown", "liam.b@example.com").get("id").asString();

        String first = assign(offer, liam).get(0).get("promoCode").asString();
        String second = assign(offer, otherLiam).get(0).get("promoCode").asString();

        assertThat(first).isEqualTo("LIAM10");
        assertThat(second).matches("LIAM10[" + CodeGenerator.SUFFIX_LETTERS + "]{1,6}");
    }

    @Test
    void reassigningReturnsTheSameLinkCodeAndToken() {
        String offer = linkAndCodeOffer().get("id").asString();
        String jane = createMember("Jane Doe", "jane@example.com").get("id").asString();
        JsonNode first = assign(offer, jane).get(0);
        JsonNode second = assign(offer, jane).get(0);

        assertThat(second.get("trackingLink")).isEqualTo(first.get("trackingLink"));
        assertThat(second.get("promoCode")).isEqualTo(first.get("promoCode"));
        assertThat(second.get("dashboardLink")).isEqualTo(first.get("dashboardLink"));
        assertThat(assignmentCount()).isEqualTo(1);
    }

    @Test
    void assignsAWholeProjectAndRemembersIt() {
        String offer = linkAndCodeOffer().get("id").asString();
        String project = created(api.post("/api/v1/projects", Map.of("name", "Launch"))).get("id").asString();
        List<String> ids = List.of(createMember("Ann", "ann@example.com").get("id").asString(),
                createMember("Ben", "ben@example.com").get("id").asString());
        api.post("/api/v1/projects/" + project + "/members", Map.of("memberIds", ids));

        JsonNode result = api.post("/api/v1/offers/" + offer + "/members", Map.of("projectId", project)).json();

        assertThat(result.get("assignments")).hasSize(2);
        assertThat(result.get("assignments").valueStream().map(a -> a.get("projectId").asString()))
                .containsOnly(project);
        assertThat(api.get("/api/v1/offers/" + offer + "/members").json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void listedMembersOfAProjectAreAssignedAloneAndAttributedToIt() {
        String offer = linkAndCodeOffer().get("id").asString();
        String project = created(api.post("/api/v1/projects", Map.of("name", "Launch"))).get("id").asString();
        String ann = createMember("Ann", "ann@example.com").get("id").asString();
        String ben = createMember("Ben", "ben@example.com").get("id").asString();
        String outsider = createMember("Cy", "cy@example.com").get("id").asString();
        api.post("/api/v1/projects/" + project + "/members", Map.of("memberIds", List.of(ann, ben)));

        JsonNode result = api.post("/api/v1/offers/" + offer + "/members",
                Map.of("memberIds", List.of(ann), "projectId", project)).json().get("assignments");

        assertThat(result).hasSize(1);
        assertThat(result.get(0).get("memberId").asString()).isEqualTo(ann);
        assertThat(result.get(0).get("projectId").asString()).isEqualTo(project);
        JsonNode body = problem(api.post("/api/v1/offers/" + offer + "/members",
                Map.of("memberIds", List.of(outsider), "projectId", project)), 400);
        assertThat(body.get("detail").asString()).contains(outsider);
        assertThat(assignmentCount()).isEqualTo(1);
    }

    @Test
    void aMemberInThreeOffersHasThreeDashboardLinks() {
        String jane = createMember("Jane Doe", "jane@example.com").get("id").asString();
        List<String> links = List.of(linkAndCodeOffer(), linkAndCodeOffer(), createLinkOffer("Link")).stream()
                .map(o -> assign(o.get("id").asString(), jane).get(0).get("dashboardLink").asString())
                .distinct().toList();
        assertThat(links).hasSize(3);
    }

    @Test
    void linkOffersHaveNoCodeAndCodeOffersNoLink() {
        String jane = createMember("Jane Doe", "jane@example.com").get("id").asString();
        JsonNode linkOnly = assign(createLinkOffer("L").get("id").asString(), jane).get(0);
        assertThat(linkOnly.get("promoCode").isNull()).isTrue();
        assertThat(linkOnly.get("trackingLink").asString()).startsWith(BASE + "/r/");

        String codeOffer = createOffer(Map.of("name", "C", "type", "PROMO_CODE", "conversionType", "SALE",
                "currency", "USD", "payouts", List.of(Map.of("type", "CPS", "percent", "10")))).get("id").asString();
        JsonNode codeOnly = assign(codeOffer, jane).get(0);
        assertThat(codeOnly.get("trackingLink").isNull()).isTrue();
        assertThat(codeOnly.get("promoCode").asString()).startsWith("JANE");
    }

    @Test
    void customPromoCodeIsUniquePerBrandIgnoringCase() {
        String offer = linkAndCodeOffer().get("id").asString();
        String jane = createMember("Jane Doe", "jane@example.com").get("id").asString();
        String john = createMember("John Roe", "john@example.com").get("id").asString();

        JsonNode a = api.post("/api/v1/offers/" + offer + "/members",
                Map.of("memberIds", List.of(jane), "promoCodes", Map.of(jane, "JANE15"))).json();
        assertThat(a.get("assignments").get(0).get("promoCode").asString()).isEqualTo("JANE15");

        String otherOffer = linkAndCodeOffer().get("id").asString();
        JsonNode body = problem(api.post("/api/v1/offers/" + otherOffer + "/members",
                Map.of("memberIds", List.of(john), "promoCodes", Map.of(john, "jane15"))), 409);
        assertThat(body.get("detail").asString()).contains("jane15");
        assertThat(assignmentCount()).isEqualTo(1);

        problem(api.patch("/api/v1/offers/" + offer + "/members/" + jane, Map.of("promoCode", "bad code!")), 400);
    }

    @Test
    void unknownMemberAssignsNobody() {
        String offer = linkAndCodeOffer().get("id").asString();
        String jane = createMember("Jane Doe", "jane@example.com").get("id").asString();
        JsonNode body = problem(api.post("/api/v1/offers/" + offer + "/members",
                Map.of("memberIds", List.of(jane, UUID.randomUUID().toString()))), 400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("memberIds");
        assertThat(assignmentCount()).isZero();
        problem(api.post("/api/v1/offers/" + offer + "/members", Map.of()), 400);
    }

    @Test
    void memberTierAndOverrideCanBeChosen() {
        JsonNode offer = linkAndCodeOffer();
        String offerId = offer.get("id").asString();
        String vip = offer.get("payouts").get(1).get("id").asString();
        String jane = createMember("Jane Doe", "jane@example.com").get("id").asString();

        JsonNode onVip = api.post("/api/v1/offers/" + offerId + "/members",
                Map.of("memberIds", List.of(jane), "payoutId", vip)).json().get("assignments").get(0);
        assertThat(onVip.get("payoutId").asString()).isEqualTo(vip);

        JsonNode overridden = api.patch("/api/v1/offers/" + offerId + "/members/" + jane,
                Map.of("commissionOverride", Map.of("type", "CPA_CPS", "amount", "2.50", "percent", "20"))).json();
        assertThat(overridden.get("commissionOverride").get("amount").asString()).isEqualTo("2.50");
        assertThat(overridden.get("commissionOverride").get("percent").asString()).isEqualTo("20");

        problem(api.post("/api/v1/offers/" + offerId + "/members",
                Map.of("memberIds", List.of(jane), "payoutId", UUID.randomUUID().toString())), 400);
        JsonNode cleared = api.patch("/api/v1/offers/" + offerId + "/members/" + jane,
                Map.of("clearCommissionOverride", true)).json();
        assertThat(cleared.get("commissionOverride").isNull()).isTrue();
        assertThat(cleared.get("payoutId").asString()).isEqualTo(vip);
    }

    @Test
    void archivedOfferTakesNoNewMembers() {
        String offer = linkAndCodeOffer().get("id").asString();
        String jane = createMember("Jane Doe", "jane@example.com").get("id").asString();
        api.post("/api/v1/offers/" + offer + "/archive", Map.of());
        problem(api.post("/api/v1/offers/" + offer + "/members", Map.of("memberIds", List.of(jane))), 409);
    }

    @Test
    void listingAnOffersMembersPagesEveryAssignmentWithLinksCodeDashboardLinkAndTier() {
        String offer = linkAndCodeOffer().get("id").asString();
        JsonNode vip = createOffer(Map.of("name", "Other", "type", "LINK", "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"))));
        String liam = createMember("Liam Park", "liam@example.com").get("id").asString();
        String mia = createMember("Mia Roe", "mia@example.com").get("id").asString();
        String noah = createMember("Noah Bell", "noah@example.com").get("id").asString();
        assign(offer, liam, mia, noah);
        assign(vip.get("id").asString(), liam);
        String vipTier = api.get("/api/v1/offers/" + offer).json().get("payouts").get(1).get("id").asString();
        api.patch("/api/v1/offers/" + offer + "/members/" + mia, Map.of("payoutId", vipTier));

        JsonNode first = api.get("/api/v1/offers/" + offer + "/members?limit=2").json();
        JsonNode second = api.get("/api/v1/offers/" + offer + "/members?limit=2&offset=2").json();

        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        List<JsonNode> items = new java.util.ArrayList<>();
        first.get("items").forEach(items::add);
        second.get("items").forEach(items::add);
        assertThat(items).extracting(i -> i.get("memberId").asString()).containsExactlyInAnyOrder(liam, mia, noah);
        for (JsonNode item : items) {
            assertThat(item.get("trackingLink").asString()).startsWith(BASE + "/r/");
            assertThat(item.get("promoCode").asString()).matches("[A-Z]+10");
            assertThat(item.get("dashboardLink").asString()).startsWith(BASE + "/d/");
        }
        JsonNode miaItem = items.stream().filter(i -> i.get("memberId").asString().equals(mia)).findFirst()
                .orElseThrow();
        assertThat(miaItem.get("tier").get("name").asString()).isEqualTo("VIP");
        assertThat(miaItem.get("tier").get("percent").asString()).isEqualTo("15");
        assertThat(miaItem.get("commission").asString()).isEqualTo("15% of each sale");
        JsonNode liamItem = items.stream().filter(i -> i.get("memberId").asString().equals(liam)).findFirst()
                .orElseThrow();
        assertThat(liamItem.get("tier").get("name").asString()).isEqualTo("Default");
        assertThat(liamItem.get("tier").get("isDefault").asBoolean()).isTrue();
    }

    @Test
    void changingAPromoCodeToOneTakenIgnoringCaseIsAConflictAndChangesNothing() {
        String offer = linkAndCodeOffer().get("id").asString();
        String liam = createMember("Liam Park", "liam@example.com").get("id").asString();
        String mia = createMember("Mia Roe", "mia@example.com").get("id").asString();
        assign(offer, liam, mia);

        JsonNode conflict = problem(api.patch("/api/v1/offers/" + offer + "/members/" + liam,
                Map.of("promoCode", "mia10", "payoutId", api.get("/api/v1/offers/" + offer).json().get("payouts")
                        .get(1).get("id").asString())), 409);
        assertThat(conflict.get("detail").asString()).contains("already used by another member");
        JsonNode invalid = problem(api.patch("/api/v1/offers/" + offer + "/members/" + liam,
                Map.of("promoCode", "no spaces!")), 400);
        assertThat(invalid.get("errors").get(0).get("field").asString()).isEqualTo("promoCode");
        JsonNode unchanged = api.get("/api/v1/offers/" + offer + "/members/" + liam).json();
        assertThat(unchanged.get("promoCode").asString()).isEqualTo("LIAM10");
        assertThat(unchanged.get("tier").get("name").asString()).as("nothing of the refused change").isEqualTo("Default");

        JsonNode renamed = api.patch("/api/v1/offers/" + offer + "/members/" + liam, Map.of("promoCode", "LiamVIP"))
                .json();
        assertThat(renamed.get("promoCode").asString()).isEqualTo("LiamVIP");
    }
}
