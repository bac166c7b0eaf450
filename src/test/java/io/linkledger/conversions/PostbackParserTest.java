package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.conversions.Integration.CreditPriority;
import io.linkledger.conversions.Integration.Credentials;
import io.linkledger.conversions.Integration.Crediting;
import io.linkledger.conversions.Integration.Reading;
import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.ProblemException;

/** Reading postbacks into claims: the ShareASale preset, mapped generic names, dates, amounts, statuses, refusals. */
class PostbackParserTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    private static final String SECRET = "s3cret-for-hash";

    private final PostbackParser parser = new PostbackParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Integration integration(IntegrationType type, Map<String, String> parameterMap, String zone,
            String hashAlgorithm) {
        return new Integration(UUID.randomUUID(), UUID.randomUUID(), type, "Network",
                new Credentials("key-hash", hashAlgorithm == null ? null : SECRET, hashAlgorithm, null, null, List.of()),
                new Reading(parameterMap, ZoneId.of(zone), "orders/create"), new Crediting(null, CreditPriority.LINK),
                Instant.EPOCH);
    }

    private static Integration shareAsale(String zone, String hashAlgorithm) {
        return integration(IntegrationType.SHAREASALE, Map.of(), zone, hashAlgorithm);
    }

    private static Inbound get(String query) {
        return new Inbound("GET", query, Map.of(), null, "127.0.0.1");
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

    @Test
    void shareAsaleMacrosBecomeAClaimWithTheDateInTheIntegrationsZone() {
        Claim claim = parser.parse(shareAsale("America/New_York", null), get(SHAREASALE_SALE));

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
        Claim claim = parser.parse(shareAsale("UTC", null),
                get("afftrack=tid-1&orderNumber=SO-42&amountOfSale=10.00&transtype=lead"));

        assertThat(claim.externalId()).isEqualTo("o:SO-42");
        assertThat(claim.kind()).isEqualTo(Conversion.Kind.LEAD);
        assertThat(claim.convertedAt()).isEqualTo(NOW); // no transDate: when it arrived
    }

    @Test
    void shareAsaleRefusalsNameTheFieldAndWhy() {
        Integration integration = shareAsale("UTC", null);

        assertThat(issues(() -> parser.parse(integration, get("transID=1&amountOfSale=12,50&transDate=20/11/2026"))))
                .extracting(FieldIssue::field)
                .containsExactly("afftrack", "amountOfSale", "transDate");
        assertThat(issues(() -> parser.parse(integration, get("afftrack=t"))))
                .singleElement().satisfies(issue -> {
                    assertThat(issue.field()).isEqualTo("transID");
                    assertThat(issue.message()).contains("orderNumber");
                });
        assertThat(issues(() -> parser.parse(integration, get("afftrack=t&transID=1&commission=-1.00"))))
                .singleElement().satisfies(issue -> {
                    assertThat(issue.field()).isEqualTo("commission");
                    assertThat(issue.message()).isEqualTo("must not be negative");
                });
    }

    @Test
    void shareAsaleHashIsCheckedOnlyWhenConfigured() {
        String hash = Signatures.shareAsaleHash("MD5", SECRET, "10810238", "SO-42", "123.45", "12.00");

        assertThat(parser.parse(shareAsale("UTC", "MD5"), get(SHAREASALE_SALE + "&hash=" + hash.toUpperCase()))
                .transactionId()).isEqualTo("tid-1");
        assertThatThrownBy(() -> parser.parse(shareAsale("UTC", "MD5"), get(SHAREASALE_SALE + "&hash=" + "0".repeat(32))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("secret + transID + orderNumber + amountOfSale + commission");
                });
        assertThat(parser.parse(shareAsale("UTC", null), get(SHAREASALE_SALE)).transactionId()).isEqualTo("tid-1");
    }

    @Test
    void genericPostbackReadsTheIntegrationsParameterNames() {
        Integration impact = integration(IntegrationType.POSTBACK, Map.of("transaction_id", "SubId1", "amount",
                "Amount", "order_id", "ActionId", "status", "Status"), "UTC", null);

        Claim claim = parser.parse(impact, get("SubId1=tid-9&Amount=80.00&ActionId=A-1&Status=approved"
                + "&transaction_id=ignored&date=2026-11-20T10:15:00-05:00"));

        assertThat(claim.transactionId()).isEqualTo("tid-9");
        assertThat(claim.orderId()).isEqualTo("A-1");
        assertThat(claim.externalId()).isEqualTo("o:A-1");
        assertThat(claim.amount()).isEqualByComparingTo("80.00");
        assertThat(claim.status()).isEqualTo(ConversionStatus.APPROVED);
        assertThat(claim.convertedAt()).isEqualTo(Instant.parse("2026-11-20T15:15:00Z"));
    }

    @Test
    void genericDatesAreIsoEpochSecondsOrLocalInTheIntegrationsZone() {
        Integration berlin = integration(IntegrationType.POSTBACK, Map.of(), "Europe/Berlin", null);

        assertThat(parser.parse(berlin, get("transaction_id=t&date=1795000000")).convertedAt())
                .isEqualTo(Instant.ofEpochSecond(1795000000));
        assertThat(parser.parse(berlin, get("transaction_id=t&date=2026-11-20+13:05:00")).convertedAt())
                .isEqualTo(Instant.parse("2026-11-20T12:05:00Z"));
        assertThat(parser.parse(berlin, get("transaction_id=t&date=2026-11-20T13:05:00Z")).convertedAt())
                .isEqualTo(Instant.parse("2026-11-20T13:05:00Z"));
        assertThat(issues(() -> parser.parse(berlin, get("transaction_id=t&date=tomorrow"))))
                .extracting(FieldIssue::field).containsExactly("date");
    }

    @Test
    void genericStatusesAreReadInTheNetworksWords() {
        Integration network = integration(IntegrationType.POSTBACK, Map.of(), "UTC", null);

        for (String pending : List.of("pending", "0", "PENDING")) {
            assertThat(parser.parse(network, get("transaction_id=t&status=" + pending)).status())
                    .isEqualTo(ConversionStatus.PENDING);
        }
        for (String approved : List.of("approved", "approve", "locked", "1")) {
            assertThat(parser.parse(network, get("transaction_id=t&status=" + approved)).status())
                    .isEqualTo(ConversionStatus.APPROVED);
        }
        for (String reversed : List.of("rejected", "reversed", "declined", "void", "voided", "2")) {
            assertThat(parser.parse(network, get("transaction_id=t&status=" + reversed)).status())
                    .isEqualTo(ConversionStatus.REVERSED);
        }
        assertThat(issues(() -> parser.parse(network, get("transaction_id=t&status=maybe"))))
                .singleElement().satisfies(issue -> {
                    assertThat(issue.field()).isEqualTo("status");
                    assertThat(issue.message()).contains("'maybe' is not a status");
                });
    }

    @Test
    void genericRefusalsUseTheCallersParameterNames() {
        Integration mapped = integration(IntegrationType.POSTBACK, Map.of("transaction_id", "clickid", "member_id",
                "partner", "amount", "sale", "order_id", "oid"), "UTC", null);

        assertThat(issues(() -> parser.parse(mapped, get("sale=ten"))))
                .extracting(FieldIssue::field).containsExactly("sale", "clickid");
        assertThat(issues(() -> parser.parse(mapped, get("partner=not-an-id"))))
                .extracting(FieldIssue::field).containsExactly("partner");
        // A member-id postback needs an order id to tell its repeats apart.
        assertThat(issues(() -> parser.parse(mapped, get("partner=" + UUID.randomUUID()))))
                .extracting(FieldIssue::field).containsExactly("oid");
    }

    @Test
    void amountsAreDecimalsWithoutSignOrGrouping() {
        Integration network = integration(IntegrationType.POSTBACK, Map.of(), "UTC", null);

        assertThat(parser.parse(network, get("transaction_id=t&amount=49.95")).amount())
                .isEqualByComparingTo(new BigDecimal("49.95"));
        assertThat(parser.parse(network, get("transaction_id=t&amount=")).amount()).isNull();
        assertThat(issues(() -> parser.parse(network, get("transaction_id=t&amount=1,000.00"))))
                .singleElement().extracting(FieldIssue::message).asString().contains("is not a decimal amount");
        assertThat(issues(() -> parser.parse(network, get("transaction_id=t&amount=-5"))))
                .singleElement().extracting(FieldIssue::message).isEqualTo("must not be negative");
    }

    @Test
    void genericHashCoversTransactionOrderAndAmount() {
        Integration hashed = integration(IntegrationType.POSTBACK, Map.of("hash", "sig"), "UTC", "SHA256");
        String sig = Signatures.postbackHash("SHA256", SECRET, "tid-1", "A-1", "20.00");

        assertThat(parser.parse(hashed, get("transaction_id=tid-1&order_id=A-1&amount=20.00&sig=" + sig)).orderId())
                .isEqualTo("A-1");
        assertThatThrownBy(() -> parser.parse(hashed, get("transaction_id=tid-1&order_id=A-1&amount=21.00&sig=" + sig)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage())
                        .startsWith("The sig parameter does not match"));
    }

    @Test
    void aTestPurchaseUsesOurNamesWhateverTheMappingAndIsNeverHashChecked() {
        Integration mapped = integration(IntegrationType.POSTBACK, Map.of("member_id", "partner"), "UTC", "MD5");
        UUID member = UUID.randomUUID();

        Claim claim = parser.parseTest(mapped, new Inbound(PostbackParser.TEST_METHOD,
                "member_id=" + member + "&order_id=TEST-1&amount=42.00", Map.of(), null, null));

        assertThat(claim.memberId()).isEqualTo(member);
        assertThat(claim.test()).isTrue();
        assertThat(claim.externalId()).isEqualTo("o:TEST-1");
    }

    @Test
    void aPixelHitIsAttributedByItsCookieAndKeyedByOrder() {
        Integration pixel = integration(IntegrationType.PIXEL, Map.of(), "UTC", null);
        Inbound hit = new Inbound("GET", "order_id=PX-1&amount=25.00", Map.of(Inbound.COOKIE_TID, "tid-7"), null, null);

        Claim claim = parser.parse(pixel, hit);

        assertThat(claim.transactionId()).isEqualTo("tid-7");
        assertThat(claim.externalId()).isEqualTo("o:PX-1");
        assertThatThrownBy(() -> parser.parse(pixel, get("order_id=PX-2")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(422));
    }
}
