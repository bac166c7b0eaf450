package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Signed generic postbacks over HTTP: the canonical HMAC_SHA256 signature is the default for a new
 * generic integration with a secret, covers every parameter, and the old hash survives only as
 * the named legacy option of integrations that already had it.
 */
class PostbackSignatureTest extends ConversionApiTest {

    private static final String SECRET = "brand-server-secret-0123456789";

    /** The query a brand's server sends: the parameters in canonical form, then their signature. */
    private static String signed(String canonical) {
        return canonical + "&signature=" + Signatures.hmacSha256Hex(SECRET, canonical);
    }

    private Api.Response send(String key, String query) {
        return api.withKey(null).get("/postback/" + key + "?" + query);
    }

    @Test
    void aNewGenericIntegrationWithASecretRequiresTheCanonicalSignature() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Brand server", "secret", SECRET));
        String key = integration.get("key").asString();
        assertThat(api.get("/api/v1/integrations/" + integration.get("id").asString()).json().get("signature")
                .asString()).isEqualTo("HMAC_SHA256");
        String tid = click(s, hoursAgo(1));
        long now = Instant.now().getEpochSecond();
        String canonical = "amount=100.00&order_id=A-1&status=pending&timestamp=" + now + "&transaction_id=" + tid;

        problem(send(key, canonical), 401);
        // A character moved from order_id to amount: the legacy hash could not tell, the signature can.
        problem(send(key, "amount=1100.00&order_id=A-&status=pending&timestamp=" + now + "&transaction_id=" + tid
                + "&signature=" + Signatures.hmacSha256Hex(SECRET, canonical)), 401);
        problem(send(key, canonical.replace("pending", "approved") + "&signature="
                + Signatures.hmacSha256Hex(SECRET, canonical)), 401);
        assertThat(conversionCount()).isZero();

        Api.Response accepted = send(key, signed(canonical));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(conversion(accepted.json().get("conversionId").asString()).get("amount").asString())
                .isEqualTo("100.00");
        // A signed POST form is read the same way.
        String form = "amount=20.00&order_id=A-2&timestamp=" + now + "&transaction_id=" + tid;
        assertThat(api.withKey(null).postText("/postback/" + key, "application/x-www-form-urlencoded", signed(form))
                .status()).isEqualTo(200);
    }

    @Test
    void aGenericIntegrationWithoutASecretTakesTheKeyAlone() {
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Impact"));

        assertThat(api.get("/api/v1/integrations/" + integration.get("id").asString()).json().get("signature")
                .asString()).isEqualTo("NONE");
        problem(api.patch("/api/v1/integrations/" + integration.get("id").asString(),
                Map.of("signature", "HMAC_SHA256")), 400);
        assertThat(api.patch("/api/v1/integrations/" + integration.get("id").asString(),
                Map.of("signature", "HMAC_SHA256", "secret", SECRET)).json().get("signature").asString())
                .isEqualTo("HMAC_SHA256");
    }

    @Test
    void theLegacyHashIsOnlyKeptByIntegrationsThatHadIt() {
        Setup s = linkOfferWithMember("CPA", "1.00", null);
        JsonNode refused = problem(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Old",
                "secret", SECRET, "hashAlgorithm", "SHA256")), 400);
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("kept only for integrations");
        problem(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Old", "secret", SECRET,
                "signature", "LEGACY_HASH", "hashAlgorithm", "SHA256")), 400);

        // An integration from before the canonical signature, as migration V76 left it.
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Existing", "secret", SECRET));
        String id = integration.get("id").asString();
        jdbc.sql("update integrations set signature = 'LEGACY_HASH', hash_algorithm = 'SHA256' where id = ?")
                .param(UUID.fromString(id)).update();
        String key = integration.get("key").asString();
        String tid = click(s, hoursAgo(1));
        String hash = Signatures.postbackHash("SHA256", SECRET, tid, "L-1", "9.00");

        assertThat(send(key, "transaction_id=" + tid + "&order_id=L-1&amount=9.00&hash=" + hash).status())
                .isEqualTo(200);
        assertThat(api.patch("/api/v1/integrations/" + id, Map.of("hashAlgorithm", "MD5")).json().get("signature")
                .asString()).isEqualTo("LEGACY_HASH");
        assertThat(api.patch("/api/v1/integrations/" + id, Map.of("signature", "HMAC_SHA256")).json()
                .get("hashAlgorithm").isNull()).isTrue();
        problem(api.patch("/api/v1/integrations/" + id, Map.of("signature", "LEGACY_HASH", "hashAlgorithm", "MD5")),
                400);
    }

    @Test
    void signaturesApplyToPostbacksOnly() {
        problem(api.post("/api/v1/integrations", Map.of("type", "PIXEL", "name", "Page", "secret", SECRET,
                "signature", "HMAC_SHA256")), 400);
        problem(api.post("/api/v1/integrations", Map.of("type", "SHAREASALE", "name", "S", "secret", SECRET,
                "signature", "HMAC_SHA256")), 400);
        problem(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "P", "secret", SECRET,
                "signature", "SHAREASALE_HASH", "hashAlgorithm", "MD5")), 400);
    }
}
