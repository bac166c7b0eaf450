package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.linkledger.brands.ApiKey;
import io.linkledger.brands.Role;
import io.linkledger.brands.User;
import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The audit log: every kind of change is recorded with its actor (the API key, or the console
 * user) and address; the log is filtered, paged and exported; nothing can change it.
 */
class AuditTrailTest extends PaymentsConsoleTest {

    private static final String PROXIED_CLIENT = "203.0.113.7";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyKindOfChangeMadeWithAnApiKeyIsRecordedWithTheKeyAndItsAddress() throws Exception {
        String[] made = pendingConversion("Ada", "100.00");
        String member = made[0];
        String conversion = made[1];
        String offer = made[2];
        String integration = made[3];
        ok(api.patch("/api/v1/offers/" + offer, Map.of("name", "Ada offer, renamed")));
        ok(api.put("/api/v1/offers/" + offer + "/terms", Map.of("lockPeriodDays", 30, "volumeTiers", List.of(
                Map.of("fromSales", "0", "percent", "10"), Map.of("fromSales", "1000", "percent", "12")))));
        ok(api.put("/api/v1/offers/" + offer + "/caps", Map.of("maxSaleAmount", "500.00")));
        ok(api.patch("/api/v1/members/" + member, Map.of("name", "Ada Lovelace")));
        ok(api.patch("/api/v1/offers/" + offer + "/members/" + member,
                Map.of("commissionOverride", Map.of("type", "CPS", "percent", "15"))));
        ok(api.post("/api/v1/offers/" + offer + "/members/" + member + "/dashboard-link/rotate", Map.of()));

        approve(conversion);
        String reversed = pendingConversion("Bob", "40.00")[1];
        ok(api.post("/api/v1/conversions/" + reversed + "/reverse", Map.of("reason", "Returned")));
        Api.Response rotated = api.post("/api/v1/integrations/" + integration + "/rotate", Map.of());
        ok(rotated);
        String key = rotated.json().get("key").asString();
        String held = api.withKey(null).get("/postback/" + key + "?member_id=" + member
                + "&order_id=BIG-1&amount=900.00&status=pending").json().get("conversionId").asString();
        assertThat(api.get("/api/v1/conversions/" + held).json().get("status").asString()).isEqualTo("HELD");
        ok(api.post("/api/v1/conversions/" + held + "/release", Map.of("status", "PENDING")));

        ok(api.patch("/api/v1/integrations/" + integration, Map.of("name", "Shop, renamed", "enabled", false)));
        String keyId = created(api.post("/api/v1/api-keys", Map.of("name", "Looker"))).get("id").asString();
        ok(api.delete("/api/v1/api-keys/" + keyId));
        String userId = created(api.post("/api/v1/users", Map.of("email", "u." + UUID.randomUUID() + "@example.com",
                "password", "a long enough password", "role", "VIEWER"))).get("id").asString();
        ok(api.patch("/api/v1/users/" + userId, Map.of("password", "another long password")));
        ok(api.patch("/api/v1/users/" + userId, Map.of("disabled", true)));
        ok(api.patch("/api/v1/users/" + userId, Map.of("role", "ADMIN")));

        String period = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        String remittance = created(api.post("/api/v1/remittances", Map.of("period", period, "amount", "50.00")))
                .get("id").asString();
        ok(api.post("/api/v1/remittances/" + remittance + "/void", Map.of("reason", "Wrong month")));
        fund("100.00");
        String payment = created(pay(Map.of("items", List.of(Map.of("memberId", member))))).get("id").asString();
        ok(api.post("/api/v1/payments/" + payment + "/confirm-transfer", Map.of()));
        ok(api.patch("/api/v1/brand", Map.of("name", "Renamed brand " + UUID.randomUUID())));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("offer.created", offer);
        expected.put("offer.updated", offer);
        expected.put("payout_terms.updated", offer);
        expected.put("offer_caps.updated", offer);
        expected.put("member.created", member);
        expected.put("member.updated", member);
        expected.put("assignment.created", null);
        expected.put("assignment.updated", null);
        expected.put("dashboard_link.rotated", null);
        expected.put("conversion.approved", conversion);
        expected.put("conversion.reversed", reversed);
        expected.put("conversion.released", held);
        expected.put("integration.created", integration);
        expected.put("integration.updated", integration);
        expected.put("integration.key_rotated", integration);
        expected.put("api_key.created", keyId);
        expected.put("api_key.revoked", keyId);
        expected.put("user.invited", userId);
        expected.put("user.updated", userId);
        expected.put("user.password_changed", userId);
        expected.put("remittance.recorded", remittance);
        expected.put("remittance.voided", remittance);
        expected.put("funding.recorded", null);
        expected.put("payment.created", payment);
        expected.put("payment.transfer_confirmed", payment);
        expected.put("brand_settings.updated", brand.id().toString());
        UUID testKey = brands.listKeys(brand.id()).stream().filter(k -> k.name().equals("test")).map(ApiKey::id)
                .findFirst().orElseThrow();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode entries = api.get("/api/v1/audit?action=" + e.getKey()).json().get("items");
            assertThat(entries.size()).as(e.getKey()).isPositive();
            JsonNode entry = e.getValue() == null ? entries.get(0) : entries.valueStream()
                    .filter(x -> x.get("entityId").asString().equals(e.getValue())).findFirst()
                    .orElseThrow(() -> new AssertionError(e.getKey() + " of " + e.getValue() + " in " + entries));
            assertThat(entry.at("/actor/type").asString()).as(e.getKey()).isEqualTo("API_KEY");
            assertThat(entry.at("/actor/id").asString()).as(e.getKey()).isEqualTo(testKey.toString());
            assertThat(entry.at("/actor/name").asString()).as(e.getKey()).isEqualTo("test");
            assertThat(entry.get("address").asString()).as(e.getKey()).isEqualTo("127.0.0.1");
        }

        JsonNode renamed = first("/api/v1/audit?action=offer.updated&entityId=" + offer);
        assertThat(renamed.at("/before/name").asString()).isEqualTo("Ada offer");
        assertThat(renamed.at("/after/name").asString()).isEqualTo("Ada offer, renamed");
        assertThat(renamed.get("offerId").asString()).isEqualTo(offer);
        JsonNode caps = first("/api/v1/audit?action=offer_caps.updated");
        assertThat(caps.at("/before/maxSale").isNull()).isTrue();
        assertThat(caps.at("/after/maxSale").asString()).isEqualTo("500.00 USD");
        JsonNode released = first("/api/v1/audit?action=conversion.released");
        assertThat(released.at("/before/status").asString()).isEqualTo("HELD");
        assertThat(released.at("/after/status").asString()).isEqualTo("PENDING");
        assertThat(released.get("memberId").asString()).isEqualTo(member);
        JsonNode role = first("/api/v1/audit?action=user.updated&entityId=" + userId);
        assertThat(role.toString()).doesNotContain("password");

        String log = api.get("/api/v1/audit?limit=1000").body();
        assertThat(log).as("no secret reaches the log").doesNotContain(apiKey).doesNotContain(key)
                .doesNotContain("another long password").doesNotContain("dashboardToken");
    }

    @Test
    void changesMadeInTheConsoleAreRecordedWithTheSignedInUser() throws Exception {
        ConsoleUser console = signedIn(Role.ADMIN);
        User admin = users.findByEmail(console.email).orElseThrow();
        console.get("/settings");
        assertThat(console.post("/settings/keys", List.of("name", "Zapier")).statusCode()).isEqualTo(200);
        String email = "v." + UUID.randomUUID() + "@example.com";
        assertThat(console.post("/settings/users", List.of("email", email, "password", "a long enough password",
                "role", "VIEWER")).statusCode()).isEqualTo(302);

        for (String action : List.of("api_key.created", "user.invited")) {
            JsonNode entry = first("/api/v1/audit?action=" + action);
            assertThat(entry.at("/actor/type").asString()).isEqualTo("USER");
            assertThat(entry.at("/actor/id").asString()).isEqualTo(admin.id().toString());
            assertThat(entry.at("/actor/name").asString()).isEqualTo(console.email);
            assertThat(entry.get("address").asString()).isEqualTo("127.0.0.1");
        }
        assertThat(first("/api/v1/audit?action=user.invited").at("/after/email").asString()).isEqualTo(email);
        assertThat(first("/api/v1/audit?action=api_key.created").at("/after/name").asString()).isEqualTo("Zapier");
    }

    @Test
    void theAddressIsTheClientsAsATrustedProxyForwardsIt() {
        Api.Response made = api.send(api.request("/api/v1/members").header("Content-Type", "application/json")
                .header("X-Forwarded-For", PROXIED_CLIENT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Cy\",\"email\":\"cy." + UUID.randomUUID()
                        + "@example.com\"}")));
        assertThat(made.status()).isEqualTo(201);
        JsonNode entry = first("/api/v1/audit?action=member.created");
        assertThat(entry.get("address").asString()).isEqualTo(PROXIED_CLIENT);
        assertThat(entry.get("before").isNull()).isTrue();
        assertThat(entry.at("/after/name").asString()).isEqualTo("Cy");
    }

    @Test
    void theLogIsFilteredPagedAndExportedAsCsv() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(createMember("M" + i, "m" + i + "." + UUID.randomUUID() + "@example.com").get("id").asString());
        }
        ok(api.patch("/api/v1/members/" + members.get(2), Map.of("name", "M2 renamed")));
        String offer = createLinkOffer("Filtered").get("id").asString();

        // The brand's first entry is the test's own key, made by the test set-up (no request: "system").
        JsonNode all = api.get("/api/v1/audit").json();
        assertThat(all.get("total").asLong()).isEqualTo(8);
        assertThat(all.get("items").get(0).get("action").asString()).as("newest first").isEqualTo("offer.created");
        JsonNode page = api.get("/api/v1/audit?limit=2&offset=2").json();
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("id")).isEqualTo(all.get("items").get(2).get("id"));

        assertThat(api.get("/api/v1/audit?entityType=member").json().get("total").asLong()).isEqualTo(6);
        assertThat(api.get("/api/v1/audit?entityType=offer&entityId=" + offer).json().get("total").asLong())
                .isEqualTo(1);
        JsonNode history = api.get("/api/v1/audit?entityId=" + members.get(2)).json();
        assertThat(history.get("items").valueStream().map(e -> e.get("action").asString()).toList())
                .containsExactly("member.updated", "member.created");
        assertThat(api.get("/api/v1/audit?action=member.updated").json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit?actor=test").json().get("total").asLong()).isEqualTo(7);
        assertThat(api.get("/api/v1/audit?actor=SYSTEM").json().get("total").asLong()).isEqualTo(1);
        String at = all.get("items").get(0).get("at").asString();
        assertThat(api.get("/api/v1/audit?from=" + at).json().get("total").asLong()).isPositive();
        assertThat(api.get("/api/v1/audit?to=2000-01-01").json().get("total").asLong()).isZero();
        assertThat(problem(api.get("/api/v1/audit?from=yesterday"), 400).get("detail").asString())
                .contains("from");
        problem(api.get("/api/v1/audit?from=2026-02-01&to=2026-01-01"), 400);

        Api.Response csv = api.get("/api/v1/audit.csv?entityType=member");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(
                "time,actor_type,actor_id,actor,address,action,entity_type,entity_id,offer_id,member_id,before,after");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).contains("API_KEY", "member.updated", members.get(2), "\"{\"\"name\"\":\"\"M2\"\"");
        Api.Response file = api.get("/api/v1/audit.csv?action=offer.created");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).contains("audit.csv");
        assertThat(file.body().lines().toList()).hasSize(2);
    }

    @Test
    void aMemberImportRecordsEachMemberItCreatesOrChanges() {
        String email = "grace." + UUID.randomUUID() + "@example.com";
        createMember("Grace", email);
        Api.Response imported = api.postText("/api/v1/members/import", "text/csv",
                "name,email\nGrace Hopper," + email + "\nAlan," + "alan." + UUID.randomUUID() + "@example.com\n");
        assertThat(imported.status()).as(imported.toString()).isBetween(200, 202);

        JsonNode created = first("/api/v1/audit?action=member.imported");
        assertThat(created.at("/after/name").asString()).isEqualTo("Alan");
        assertThat(created.at("/actor/type").asString()).isEqualTo("API_KEY");
        JsonNode changed = first("/api/v1/audit?action=member.updated");
        assertThat(changed.at("/before/name").asString()).isEqualTo("Grace");
        assertThat(changed.at("/after/name").asString()).isEqualTo("Grace Hopper");
    }

    @Test
    void nothingChangesOrRemovesAnEntry() throws IOException {
        createMember("Kept", "kept." + UUID.randomUUID() + "@example.com");
        String id = first("/api/v1/audit").get("id").asString();
        for (Api.Response attempt : List.of(api.post("/api/v1/audit", Map.of()), api.put("/api/v1/audit/" + id,
                Map.of("action", "x")), api.patch("/api/v1/audit/" + id, Map.of("action", "x")),
                api.delete("/api/v1/audit/" + id), api.delete("/api/v1/audit"))) {
            assertThat(attempt.status()).as(attempt.toString()).isIn(404, 405);
        }
        assertThat(count("select count(*) from audit_entries where brand_id = ?", brand.id())).isEqualTo(2);

        List<String> writes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/v1/audit") || p.startsWith("/audit"))
                .forEach(p -> info.getMethodsCondition().getMethods().stream()
                        .filter(m -> !m.name().equals("GET")).forEach(m -> writes.add(m + " " + p))));
        assertThat(writes).as("routes that could change the log").isEmpty();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertThat(Files.readString(source).toLowerCase()).as(source.toString())
                        .doesNotContainPattern("update\\s+audit_entries").doesNotContainPattern("delete\\s+from\\s+audit_entries");
            }
        }
    }

    @Test
    void onPostgreSqlTheDatabaseItselfRefusesToChangeOrRemoveAnEntry() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "the trigger is PostgreSQL's (db/vendor/postgresql)");
        createMember("Kept", "kept." + UUID.randomUUID() + "@example.com");
        long before = count("select count(*) from audit_entries where brand_id = ?", brand.id());
        assertThatThrownBy(() -> jdbc.sql("update audit_entries set action = 'rewritten' where brand_id = ?")
                .param(brand.id()).update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entries where brand_id = ?").param(brand.id()).update())
                .hasStackTraceContaining("append-only");
        assertThat(count("select count(*) from audit_entries where brand_id = ? and action <> 'rewritten'",
                brand.id())).isEqualTo(before);
    }

    @Test
    void onlyAdminsReadTheLog() throws Exception {
        ConsoleUser viewer = signedIn(Role.VIEWER);
        assertThat(viewer.get("/audit").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/audit.csv").statusCode()).isEqualTo(403);
        ConsoleUser admin = signedIn(Role.ADMIN);
        createMember("Seen", "seen." + UUID.randomUUID() + "@example.com");
        HttpResponse<String> page = admin.get("/audit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("member.created").contains("API key “test”").contains("from 127.0.0.1");
        HttpResponse<String> csv = admin.get("/audit.csv?entityType=member");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).hasSize(2);
    }

    private JsonNode first(String path) {
        JsonNode items = api.get(path).json().get("items");
        assertThat(items.size()).as(path).isPositive();
        return items.get(0);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }

    private Api.Response pay(Object body) {
        return api.send(api.request("/api/v1/payments").header("Content-Type", "application/json")
                .header("Idempotency-Key", "audit-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body))));
    }
}
