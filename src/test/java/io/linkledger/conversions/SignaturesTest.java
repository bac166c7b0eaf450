package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Tokens;

/** Hash recipes (known digests), constant-time comparison and HTTP Basic. */
class SignaturesTest {

    @Test
    void digestsAreLowerCaseHexOfTheUtf8Text() {
        // RFC 1321 and FIPS 180-2 test vectors.
        assertThat(Signatures.hexDigest("MD5", "abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(Signatures.hexDigest("SHA256", "abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shareAsaleHashIsTheSecretThenTransIdOrderAmountAndCommissionAsSent() {
        assertThat(Signatures.shareAsaleHash("SHA256", "s3cret", "901", "SO-901", "20.00", "12.00"))
                .isEqualTo(Signatures.hexDigest("SHA256", "s3cret901SO-90120.0012.00"));
        // A parameter not sent adds nothing.
        assertThat(Signatures.shareAsaleHash("MD5", "s3cret", "901", null, "20.00", null))
                .isEqualTo(Signatures.hexDigest("MD5", "s3cret90120.00"));
    }

    @Test
    void postbackHashIsTheSecretThenTransactionOrderAndAmount() {
        assertThat(Signatures.postbackHash("MD5", "s3cret", "tid", "A-1", "9.99"))
                .isEqualTo(Signatures.hexDigest("MD5", "s3crettidA-19.99"));
        assertThat(Signatures.postbackHash("SHA256", "s3cret", "tid", null, null))
                .isEqualTo(Signatures.hexDigest("SHA256", "s3crettid"));
    }

    @Test
    void canonicalSignatureMatchesTheExampleInThePostbackDocs() {
        // docs/integrations/postbacks.md computes this with bash + openssl and with Python.
        List<Map.Entry<String, String>> params = List.of(
                Map.entry("transaction_id", "4f1c0d3e9b8a7c6d5e4f3a2b"), Map.entry("order_id", "#1001"),
                Map.entry("amount", "80.00"), Map.entry("currency", "USD"),
                Map.entry("status", "approved"), Map.entry("timestamp", "1795000000"),
                Map.entry("signature", "left out"));
        String canonical = Signatures.canonical(params, "signature");

        assertThat(canonical).isEqualTo("amount=80.00&currency=USD&order_id=%231001&status=approved"
                + "&timestamp=1795000000&transaction_id=4f1c0d3e9b8a7c6d5e4f3a2b");
        assertThat(Signatures.hmacSha256Hex("s3cr3t-for-docs-only", canonical))
                .isEqualTo("2f0607ae95f0de7337049a7cf99e2df1266ce7f8b7a586431098d5ee9faac573");
        assertThat(Signatures.percentEncode("a b~é/&=+!*'()-_.#"))
                .isEqualTo("a%20b~%C3%A9%2F%26%3D%2B%21%2A%27%28%29-_.%23");
    }

    @Test
    void shopifySignsTheExactBodyWithBase64HmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.hmacSha256Base64("Jefe", body)).isEqualTo(Base64.getEncoder().encodeToString(
                java.util.HexFormat.of().parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")));
    }

    @Test
    void comparisonIsExactAndHexIgnoresCaseAndSpaces() {
        assertThat(Signatures.same("abc", "abc")).isTrue();
        assertThat(Signatures.same("abc", "abd")).isFalse();
        assertThat(Signatures.same("abc", "abcd")).isFalse();
        assertThat(Signatures.same("abc", null)).isFalse();
        assertThat(Signatures.sameHex("00ff", " 00FF ")).isTrue();
        assertThat(Signatures.sameHex("00ff", "00fe")).isFalse();
        assertThat(Signatures.sameHex("00ff", null)).isFalse();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuthNeedsTheUserAndPassword() {
        String passwordHash = Tokens.sha256("pa55word");

        assertThatCode(() -> Signatures.checkBasic("sas", passwordHash, basic("sas:pa55word"))).doesNotThrowAnyException();
        assertThatCode(() -> Signatures.checkBasic("sas", passwordHash, "basic " + basic("sas:pa55word").substring(6)))
                .doesNotThrowAnyException();
        for (String wrong : new String[] {null, "", "Bearer x", basic("sas:wrong"), basic("other:pa55word"),
                basic("sas"), "Basic !!not-base64!!"}) {
            assertThatThrownBy(() -> Signatures.checkBasic("sas", passwordHash, wrong))
                    .as(String.valueOf(wrong))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("HTTP Basic");
                    });
        }
    }
}
