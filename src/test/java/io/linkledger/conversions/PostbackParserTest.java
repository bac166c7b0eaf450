package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.conversions.Integration.CreditPriority;
import io.linkledger.conversions.Integration.Credentials;
import io.linkledger.conversions.Integration.Crediting;
import io.linkledger.conversions.Integration.Reading;
import io.linkledger.conversions.Integration.Signature;
import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.ProblemException;

/**
 * Reading postbacks: whether they prove who sent them (canonical signature, legacy hash,
 * ShareASale's hash), and what they claim (the ShareASale preset, mapped generic names, dates,
 * amounts, currencies, statuses), refusing what can never be stored or priced.
 */
class PostbackParserTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    private static final String SECRET = "s3cret-for-hash";

    private final PostbackParser parser = new PostbackParser(Duration.ofMinutes(5));

    private static Integration integration(IntegrationType type, Map<String, String> parameterMap, String zone,
            Signature signature, String hashAlgorithm) {
        return new Integration(UUID.randomUUID(), UUID.randomUUID(), type, "Network",
                new Credentials("key-hash", signature == Signature.NONE ? null : SECRET, signature, hashAlgorithm, null,
                        null, List.of()),
                new Reading(parameterMap, ZoneId.of(zone), "orders/paid"), new Crediting(null, CreditPriority.LINK),
                Instant.EPOCH, Integration.Access.NEW);
    }

    private static Integration generic(Map<String, String> parameterMap, String zone) {
        return integration(IntegrationType.POSTBACK, parameterMap, zone, Signature.NONE, null);
    }

    private static Integration shareAsale(String zone, String hashAlgorithm) {
        return integration(IntegrationType.SHAREASALE, Map.of(), zone,
                hashAlgorithm == null ? Signature.NONE : Signature.SHAREASALE_HASH, hashAlgorithm);
    }

    private static Inbound get(String query) {
        return new Inbound("GET", query, Map.of(), null, "127.0.0.1");
    }

    private Claim parse(Integration integration, String query) {
        return parser.parse(integration, get(query), NOW);
    }

    /** ShareASale's postback as the preset URL has it, with its macros filled in. */
    private static final String SHAREASALE_SALE = "afftrack=tid-1&transID=10810238&orderNumber=SO-42"
            + "&amountOfSale=123.45&commission=12.00&transDate=2026-11-20+13:05:00&transtype=sale&merchantID=5678";

    private static List<FieldIssue> issues(Runnable parse) {
        try {
            parse.run();
        } catch (ProblemException e) {
            assertThat(e.status().value()).isEqualTo(400);
            return e.fieldIssues();
        }
        throw new AssertionError("the postback was accepted");
    }

    private static void unauthorized(Runnable verify, String detail) {
        assertThatThrownBy(verify::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(401);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void shareAsaleMacrosBecomeAClaimWithTheDateInTheIntegrationsZone() {
        Claim claim = parse(shareAsale("America/New_York", null), SHAREASALE_SALE);

        assertThat(claim.externalId()).isEqualTo("t:10810238");
        assertThat(claim.transactionId()).isEqualTo("tid-1");
        assertThat(claim.orderId()).isEqualTo("SO-42");
        assertThat(claim.amount()).isEqualByComparingTo("123.45");
        assertThat(claim.networkCommission()).isEqualByComparingTo("12.00");
        assertThat(claim.convertedAt()).isEqualTo(Instant.parse("2026-11-20T18:05:00Z")); // 13:05 in New York
        assertThat(claim.kind()).isEqualTo(Conversion.Kind.SALE);
        assertThat(claim.status()).isNull();
        assertThat(claim.test()).isFalse();
    }

    @Test
    void shareAsaleWithoutTransIdIsKeyedByOrderNumberAndLeadsAreLeads() {
        Claim claim = parse(shareAsale("UTC", null), "afftrack=tid-1&orderNumber=SO-42&amountOfSale=10.00&transtype=lead");

        assertThat(claim.externalId()).isEqualTo("o:SO-42");
        assertThat(claim.kind()).isEqualTo(Conversion.Kind.LEAD);
        assertThat(claim.convertedAt()).isEqualTo(NOW); // no transDate: when it arrived
    }

    @Test
    void shareAsaleRefusalsNameTheFieldAndWhy() {
        Integration integration = shareAsale("UTC", null);

        assertThat(issues(() -> parse(integration, "transID=1&amountOfSale=12,50&transDate=20/11/2026")))
                .extracting(FieldIssue::field)
                .containsExactly("afftrack", "amountOfSale", "transDate");
        assertThat(issues(() -> parse(integration, "afftrack=t"))).singleElement().satisfies(issue -> {
            assertThat(issue.field()).isEqualTo("transID");
            assertThat(issue.message()).contains("orderNumber");
        });
        assertThat(issues(() -> parse(integration, "afftrack=t&transID=1&commission=-1.00")))
                .singleElement().satisfies(issue -> {
                    assertThat(issue.field()).isEqualTo("commission");
                    assertThat(issue.message()).isEqualTo("must not be negative");
                });
    }

    @Test
    void shareAsaleHashIsCheckedOnlyWhenConfigured() {
        String hash = Signatures.shareAsaleHash("MD5", SECRET, "10810238", "SO-42", "123.45", "12.00");

        assertThatCode(() -> parser.verify(shareAsale("UTC", "MD5"), get(SHAREASALE_SALE + "&hash=" + hash.toUpperCase()),
                NOW)).doesNotThrowAnyException();
        unauthorized(() -> parser.verify(shareAsale("UTC", "MD5"), get(SHAREASALE_SALE + "&hash=" + "0".repeat(32)), NOW),
                "secret + transID + orderNumber + amountOfSale + commission");
        assertThatCode(() -> parser.verify(shareAsale("UTC", null), get(SHAREASALE_SALE), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void genericPostbackReadsTheIntegrationsParameterNames() {
        Integration impact = generic(Map.of("transaction_id", "SubId1", "amount", "Amount", "order_id", "ActionId",
                "status", "Status"), "UTC");

        Claim claim = parse(impact, "SubId1=tid-9&Amount=80.00&ActionId=A-1&Status=approved"
                + "&transaction_id=ignored&date=2026-11-20T10:15:00-05:00");

        assertThat(claim.transactionId()).isEqualTo("tid-9");
        assertThat(claim.orderId()).isEqualTo("A-1");
        assertThat(claim.externalId()).isEqualTo("o:A-1");
        assertThat(claim.amount()).isEqualByComparingTo("80.00");
        assertThat(claim.status()).isEqualTo(ConversionStatus.APPROVED);
        assertThat(claim.convertedAt()).isEqualTo(Instant.parse("2026-11-20T15:15:00Z"));
    }

    @Test
    void genericDatesAreIsoEpochSecondsOrLocalInTheIntegrationsZone() {
        Integration berlin = generic(Map.of(), "Europe/Berlin");

        assertThat(parse(berlin, "transaction_id=t&date=1795000000").convertedAt())
                .isEqualTo(Instant.ofEpochSecond(1795000000));
        assertThat(parse(berlin, "transaction_id=t&date=2026-11-20+13:05:00").convertedAt())
                .isEqualTo(Instant.parse("2026-11-20T12:05:00Z"));
        assertThat(parse(berlin, "transaction_id=t&date=2026-11-20T13:05:00Z").convertedAt())
                .isEqualTo(Instant.parse("2026-11-20T13:05:00Z"));
        assertThat(issues(() -> parse(berlin, "transaction_id=t&date=tomorrow")))
                .extracting(FieldIssue::field).containsExactly("date");
    }

    @Test
    void impossibleDatesAreRefusedNotMovedToTheEndOfTheMonth() {
        Integration network = generic(Map.of(), "UTC");

        for (String date : List.of("2026-02-30+10:00:00", "2026-02-30T10:00:00Z", "2026-04-31+00:00:00",
                "2026-11-20+24:00:00")) {
            assertThat(issues(() -> parse(network, "transaction_id=t&date=" + date))).as(date)
                    .extracting(FieldIssue::field).containsExactly("date");
        }
        assertThat(issues(() -> parse(shareAsale("UTC", null), "afftrack=t&transID=1&transDate=2026-02-30+10:00:00")))
                .extracting(FieldIssue::field).containsExactly("transDate");
    }

    @Test
    void conversionDatesMustLieWithinTwoYearsBeforeAndADayAfterReceipt() {
        Integration network = generic(Map.of(), "UTC");

        for (String date : List.of("0000-01-01T00:00:00Z", "9999-12-31+23:59:59", "2024-11-20T09:29:00Z",
                "2026-11-22T09:31:00Z", "99999999999")) {
            assertThat(issues(() -> parse(network, "transaction_id=t&date=" + date))).as(date)
                    .singleElement().satisfies(issue -> assertThat(issue.message()).contains("outside the accepted window"));
        }
        assertThat(parse(network, "transaction_id=t&date=2024-11-22T00:00:00Z").convertedAt())
                .isEqualTo(Instant.parse("2024-11-22T00:00:00Z"));
        assertThat(parse(network, "transaction_id=t&date=2026-11-22T09:00:00Z").convertedAt())
                .isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
    }

    @Test
    void genericStatusesAreReadInTheNetworksWords() {
        Integration network = generic(Map.of(), "UTC");

        for (String pending : List.of("pending", "0", "PENDING")) {
            assertThat(parse(network, "transaction_id=t&status=" + pending).status()).isEqualTo(ConversionStatus.PENDING);
        }
        for (String approved : List.of("approved", "approve", "locked", "1")) {
            assertThat(parse(network, "transaction_id=t&status=" + approved).status())
                    .isEqualTo(ConversionStatus.APPROVED);
        }
        for (String reversed : List.of("rejected", "reversed", "declined", "void", "voided", "2")) {
            assertThat(parse(network, "transaction_id=t&status=" + reversed).status())
                    .isEqualTo(ConversionStatus.REVERSED);
        }
        assertThat(issues(() -> parse(network, "transaction_id=t&status=maybe"))).singleElement().satisfies(issue -> {
            assertThat(issue.field()).isEqualTo("status");
            assertThat(issue.message()).contains("'maybe' is not a status");
        });
    }

    @Test
    void genericRefusalsUseTheCallersParameterNames() {
        Integration mapped = generic(Map.of("transaction_id", "clickid", "member_id", "partner", "amount", "sale",
                "order_id", "oid"), "UTC");

        assertThat(issues(() -> parse(mapped, "sale=ten"))).extracting(FieldIssue::field).containsExactly("sale", "clickid");
        assertThat(issues(() -> parse(mapped, "partner=not-an-id"))).extracting(FieldIssue::field)
                .containsExactly("partner");
        // A member-id postback needs an order id to tell its repeats apart.
        assertThat(issues(() -> parse(mapped, "partner=" + UUID.randomUUID()))).extracting(FieldIssue::field)
                .containsExactly("oid");
    }

    @Test
    void amountsAreAsciiDecimalsWithoutSignGroupingOrExponent() {
        Integration network = generic(Map.of(), "UTC");

        assertThat(parse(network, "transaction_id=t&amount=49.95").amount()).isEqualByComparingTo(new BigDecimal("49.95"));
        assertThat(parse(network, "transaction_id=t&amount=").amount()).isNull();
        for (String amount : List.of("1,000.00", "1e2", "1e-2147483647", "1E%2B99999999", "%D9%A1%D9%A2.%D9%A0%D9%A0",
                "%EF%BC%91%EF%BC%92", "12.0%00", "0x10", "NaN", "Infinity")) {
            assertThat(issues(() -> parse(network, "transaction_id=t&amount=" + amount))).as(amount)
                    .singleElement().satisfies(issue -> {
                        assertThat(issue.field()).isEqualTo("amount");
                        assertThat(issue.message()).contains("is not a decimal amount").hasSizeLessThan(100);
                    });
        }
        assertThat(issues(() -> parse(network, "transaction_id=t&amount=-5"))).singleElement()
                .extracting(FieldIssue::message).isEqualTo("must not be negative");
        assertThat(issues(() -> parse(network, "transaction_id=t&amount=1000000000000"))).singleElement()
                .extracting(FieldIssue::message).asString().contains("too large");
        assertThat(parse(network, "transaction_id=t&amount=999999999999.99").amount())
                .isEqualByComparingTo("999999999999.99");
    }

    @Test
    void currenciesAreIsoCodesMoneyIsPaidIn() {
        Integration network = generic(Map.of(), "UTC");

        assertThat(parse(network, "transaction_id=t&currency=usd").currency()).isEqualTo("USD");
        for (String code : List.of("XXX", "XTS", "XAU", "XDR", "ABC", "US", "USDD", "%D9%A1SD")) {
            assertThat(issues(() -> parse(network, "transaction_id=t&currency=" + code))).as(code)
                    .singleElement().extracting(FieldIssue::message).asString().contains("is not an ISO 4217 currency");
        }
    }

    @Test
    void valuesThatCouldNeverBeStoredAreRefusedUpFront() {
        Integration network = generic(Map.of(), "UTC");

        assertThat(issues(() -> parse(network, "transaction_id=t&order_id=" + "9".repeat(201))))
                .singleElement().extracting(FieldIssue::message).isEqualTo("is longer than 200 characters");
        assertThat(issues(() -> parse(network, "transaction_id=" + "t".repeat(65))))
                .singleElement().extracting(FieldIssue::message).isEqualTo("is longer than 64 characters");
        assertThat(issues(() -> parse(network, "transaction_id=t&order_id=A%00B")))
                .singleElement().extracting(FieldIssue::message).asString().contains("control characters");
        assertThat(issues(() -> parse(network, "member_id=%D9%A1%D9%A1%D9%A1%D9%A1%D9%A1%D9%A1%D9%A1%D9%A1-1111-1111"
                + "-1111-111111111111&order_id=o"))).extracting(FieldIssue::field).containsExactly("member_id");
    }

    @Test
    void legacyHashCoversTransactionOrderAndAmountOnly() {
        Integration legacy = integration(IntegrationType.POSTBACK, Map.of("hash", "sig"), "UTC", Signature.LEGACY_HASH,
                "SHA256");
        String sig = Signatures.postbackHash("SHA256", SECRET, "tid-1", "A-1", "20.00");

        assertThatCode(() -> parser.verify(legacy, get("transaction_id=tid-1&order_id=A-1&amount=20.00&sig=" + sig), NOW))
                .doesNotThrowAnyException();
        unauthorized(() -> parser.verify(legacy, get("transaction_id=tid-1&order_id=A-1&amount=21.00&sig=" + sig), NOW),
                "The sig parameter does not match");
        // Its weakness, kept for the integrations that use it: no separators, and no other field is covered.
        assertThatCode(() -> parser.verify(legacy, get("transaction_id=tid-1&order_id=A-&amount=120.00&status=approved"
                + "&commission=999&sig=" + sig), NOW)).doesNotThrowAnyException();
    }

    /** A signed generic postback: the canonical string of these parameters, signed with the secret. */
    private static String signed(String canonicalQuery) {
        return canonicalQuery + "&signature=" + Signatures.hmacSha256Hex(SECRET, canonicalQuery);
    }

    @Test
    void canonicalSignatureCoversEveryParameterEachDelimited() {
        Integration signedIntegration = integration(IntegrationType.POSTBACK, Map.of(), "UTC", Signature.HMAC_SHA256,
                null);
        long ts = NOW.getEpochSecond();
        String query = "amount=100.00&order_id=A-1&status=pending&timestamp=" + ts + "&transaction_id=tid-1";

        assertThatCode(() -> parser.verify(signedIntegration, get(signed(query)), NOW)).doesNotThrowAnyException();
        String signature = Signatures.hmacSha256Hex(SECRET, query);
        for (String tampered : List.of(
                "amount=1100.00&order_id=A-&status=pending&timestamp=" + ts + "&transaction_id=tid-1",
                "amount=100.00&order_id=A-1&status=approved&timestamp=" + ts + "&transaction_id=tid-1",
                "amount=100.00&order_id=A-1&status=pending&timestamp=" + ts + "&transaction_id=tid-2",
                "amount=100.00&commission=50&order_id=A-1&status=pending&timestamp=" + ts + "&transaction_id=tid-1",
                "amount=100.00&order_id=A-1&status=pending&timestamp=" + (ts + 1) + "&transaction_id=tid-1",
                "amount=100.00&order_id=A-1%26status%3Dpending&timestamp=" + ts + "&transaction_id=tid-1")) {
            unauthorized(() -> parser.verify(signedIntegration, get(tampered + "&signature=" + signature), NOW),
                    "The signature parameter does not match");
        }
        // Names sent in any order and encoded either way sign the same canonical text.
        assertThatCode(() -> parser.verify(signedIntegration, get("transaction_id=tid-1&timestamp=" + ts
                + "&status=pending&order_id=A%2D1&amount=100.00&signature=" + signature.toUpperCase()), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void canonicalSignatureNeedsAFreshTimestampAndEachParameterOnce() {
        Integration signedIntegration = integration(IntegrationType.POSTBACK, Map.of("timestamp", "ts"), "UTC",
                Signature.HMAC_SHA256, null);

        unauthorized(() -> parser.verify(signedIntegration, get(signed("amount=1.00&transaction_id=t")), NOW),
                "needs signature and ts");
        unauthorized(() -> parser.verify(signedIntegration,
                get(signed("transaction_id=t&ts=" + (NOW.getEpochSecond() - 301))), NOW), "not within 300 seconds");
        unauthorized(() -> parser.verify(signedIntegration,
                get(signed("transaction_id=t&ts=" + (NOW.getEpochSecond() + 301))), NOW), "not within 300 seconds");
        assertThatCode(() -> parser.verify(signedIntegration,
                get(signed("transaction_id=t&ts=" + (NOW.getEpochSecond() - 299))), NOW)).doesNotThrowAnyException();
        assertThat(issues(() -> parser.verify(signedIntegration,
                get(signed("amount=1.00&amount=2.00&transaction_id=t&ts=" + NOW.getEpochSecond())), NOW)))
                .extracting(FieldIssue::field).containsExactly("amount");
    }

    @Test
    void canonicalTextPercentEncodesNamesAndValuesAndSortsByName() {
        assertThat(Signatures.canonical(List.of(Map.entry("b", "x y&z=1"), Map.entry("a-", "é"), Map.entry("a", "~_.-"),
                Map.entry("signature", "ignored")), "signature"))
                .isEqualTo("a=~_.-&a-=%C3%A9&b=x%20y%26z%3D1");
    }

    @Test
    void aTestPurchaseUsesOurNamesWhateverTheMapping() {
        Integration mapped = generic(Map.of("member_id", "partner"), "UTC");
        UUID member = UUID.randomUUID();

        Claim claim = parser.parseTest(mapped, new Inbound(PostbackParser.TEST_METHOD,
                "member_id=" + member + "&order_id=TEST-1&amount=42.00", Map.of(), null, null), NOW);

        assertThat(claim.memberId()).isEqualTo(member);
        assertThat(claim.test()).isTrue();
        assertThat(claim.externalId()).isEqualTo("o:TEST-1");
    }

    @Test
    void aPixelHitIsAttributedByItsCookieAndKeyedByOrder() {
        Integration pixel = integration(IntegrationType.PIXEL, Map.of(), "UTC", Signature.NONE, null);
        Inbound hit = new Inbound("GET", "order_id=PX-1&amount=25.00", Map.of(Inbound.COOKIE_TID, "tid-7"), null, null);

        Claim claim = parser.parse(pixel, hit, NOW);

        assertThat(claim.transactionId()).isEqualTo("tid-7");
        assertThat(claim.externalId()).isEqualTo("o:PX-1");
        assertThat(claim.convertedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> parse(pixel, "order_id=PX-2"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(422));
        assertThat(issues(() -> parser.parse(pixel, new Inbound("GET", "order_id=PX-3&amount=1e-2147483647",
                Map.of(Inbound.COOKIE_TID, "tid-7"), null, null), NOW))).extracting(FieldIssue::field)
                .containsExactly("amount");
    }
}
