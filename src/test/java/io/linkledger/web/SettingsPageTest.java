package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.linkledger.brands.ApiKey;
import io.linkledger.brands.Role;
import io.linkledger.brands.User;
import io.linkledger.support.Api;

/** Settings: users with roles, and API keys shown once. */
class SettingsPageTest extends PaymentsConsoleTest {

    private static final Pattern NEW_KEY = Pattern.compile("id=\"new-api-key\"[^>]*value=\"([^\"]+)\"");

    private ConsoleUser console;

    @BeforeEach
    void signIn() throws Exception {
        console = signedIn(Role.ADMIN);
    }

    @Test
    void anApiKeyIsShownOnceThenOnlyItsPrefixAndCanBeRevoked() throws Exception {
        HttpResponse<String> created = console.post("/settings/keys", List.of("name", "Shopify app"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher m = NEW_KEY.matcher(created.body());
        assertThat(m.find()).as(created.body()).isTrue();
        String plain = m.group(1);
        assertThat(created.body()).contains("data-copy-target=\"new-api-key\"").contains("only time the key is shown");
        assertThat(api.withKey(plain).get("/api/v1/offers").status()).isEqualTo(200);

        String settings = console.get("/settings").body();
        ApiKey key = brands.listKeys(brand.id()).stream().filter(k -> k.name().equals("Shopify app")).findFirst()
                .orElseThrow();
        assertThat(settings).contains("Shopify app").contains("<code>" + key.prefix() + "…</code>")
                .doesNotContain(plain);

        String confirm = console.get("/settings/keys/" + key.id() + "/revoke").body();
        assertThat(confirm).contains("Revoke “Shopify app”?").contains("id=\"revoke-button\"");
        HttpResponse<String> revoked = console.post("/settings/keys/" + key.id() + "/revoke", List.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(console.get("/settings?notice=key-revoked").body()).contains("API key revoked")
                .containsPattern("Revoked \\d{1,2} [A-Z][a-z]{2} \\d{4}");
        Api.Response refused = api.withKey(plain).get("/api/v1/offers");
        assertThat(refused.status()).isEqualTo(401);

        HttpResponse<String> nameless = console.post("/settings/keys", List.of("name", " "));
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(nameless.body()).contains("id=\"key-name-error\"");
    }

    @Test
    void adminAddsAUserWithARoleAndErrorsShowNextToTheFields() throws Exception {
        HttpResponse<String> bad = console.post("/settings/users",
                List.of("email", "not-an-email", "password", "short", "role", "VIEWER"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"user-email-error\"").contains("id=\"user-password-error\"")
                .contains("value=\"not-an-email\"").doesNotContain("value=\"short\"");

        HttpResponse<String> added = console.post("/settings/users",
                List.of("email", "new.viewer@example.com".replace("new", "new" + brand.id().toString().substring(0, 8)),
                        "password", "a long enough password", "role", "VIEWER"));
        assertThat(added.statusCode()).isEqualTo(302);
        User viewer = users.list(brand.id()).stream().filter(u -> u.role() == Role.VIEWER).findFirst().orElseThrow();
        assertThat(console.get("/settings?notice=user-added").body()).contains("User added")
                .contains("data-user=\"" + viewer.email() + "\"");

        assertThat(console.post("/settings/users/" + viewer.id(), List.of("role", "ADMIN")).statusCode())
                .isEqualTo(302);
        assertThat(console.post("/settings/users/" + viewer.id(), List.of("disabled", "true")).statusCode())
                .isEqualTo(302);
        User changed = users.list(brand.id()).stream().filter(u -> u.id().equals(viewer.id())).findFirst()
                .orElseThrow();
        assertThat(changed.role()).isEqualTo(Role.ADMIN);
        assertThat(changed.disabledAt()).isNotNull();

        User me = users.list(brand.id()).stream().filter(u -> u.email().equals(console.email)).findFirst()
                .orElseThrow();
        HttpResponse<String> lastAdmin = console.post("/settings/users/" + me.id(), List.of("role", "VIEWER"));
        assertThat(lastAdmin.statusCode()).isEqualTo(409);
        assertThat(lastAdmin.body()).contains("id=\"user-error\"").contains("last active admin");
    }

    @Test
    void viewersSeeSettingsButCannotChangeThem() throws Exception {
        ConsoleUser viewer = signedIn(Role.VIEWER);
        String page = viewer.get("/settings").body();
        assertThat(page).contains("API keys").doesNotContain("Create key").doesNotContain("Add user");
        assertThat(viewer.post("/settings/keys", List.of("name", "sneaky")).statusCode()).isEqualTo(403);
        assertThat(page).contains("id=\"brand-summary\"").doesNotContain("Save brand settings");
        assertThat(viewer.post("/settings/brand", List.of("name", "Taken over")).statusCode()).isEqualTo(403);
        assertThat(brands.find(brand.id()).orElseThrow().name()).isEqualTo(brand.name());
    }

    @Test
    void theBrandFormSavesEveryFieldOrNoneAndBlankFieldsClearTheirSetting() throws Exception {
        HttpResponse<String> refused = console.post("/settings/brand", List.of("name", "Sunny Socks",
                "senderName", "Sunny Socks Partners", "replyToEmail", "help@", "defaultCurrency", "EURO",
                "timeZone", "Europe/Paris", "payoutMethod", "", "minimumPayout", "ten"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"brand-replyToEmail-error\"").contains("id=\"brand-defaultCurrency-error\"")
                .contains("Minimum payout 'ten' is not a decimal amount").contains("value=\"Sunny Socks Partners\"");
        assertThat(brands.find(brand.id()).orElseThrow().name()).isEqualTo(brand.name());

        HttpResponse<String> saved = console.post("/settings/brand", List.of("name", "Sunny Socks",
                "senderName", "", "replyToEmail", "help@sunnysocks.example", "defaultCurrency", "eur",
                "timeZone", "Europe/Paris", "payoutMethod", "PAYPAL", "minimumPayout", "10"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String page = console.get("/settings?notice=brand-changed").body();
        assertThat(page).contains("Brand settings saved").contains("value=\"help@sunnysocks.example\"")
                .contains("value=\"EUR\"").contains("value=\"10.00\"");
        assertThat(api.get("/api/v1/brand").json().get("payoutMethod").asString()).isEqualTo("PAYPAL");
        assertThat(console.get("/offers/new").body()).containsPattern("id=\"currency\"[^>]*value=\"EUR\"");
    }
}
