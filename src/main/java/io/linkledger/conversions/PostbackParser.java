package io.linkledger.conversions;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.linkledger.conversions.Integration.Credentials;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * Reads a server postback or pixel hit: first whether it proves who sent it ({@link #verify}:
 * the canonical HMAC, the legacy hash or ShareASale's hash), then what it claims ({@link #parse}
 * into a {@link Claim}): the generic form with mappable parameter names, and ShareASale's preset
 * with its macro names and date format.
 */
@Component
class PostbackParser {

    /** Our field names for the generic postback; an integration may map each to another name. */
    static final List<String> FIELDS = List.of("transaction_id", "order_id", "external_id", "amount", "commission",
            "status", "currency", "member_id", "offer_id", "date", "type", "hash", "signature", "timestamp", "email");

    /** ShareASale's {@code transDate}; strict, so 2026-02-30 is refused rather than read as 28 February. */
    static final DateTimeFormatter SHAREASALE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** The URL a brand gives ShareASale, after the integration's inbound URL. */
    static final String SHAREASALE_QUERY = "afftrack=!!afftrack!!&transID=!!transID!!&orderNumber=!!orderNumber!!"
            + "&amountOfSale=!!amountOfSale!!&commission=!!commission!!&transDate=!!transDate!!"
            + "&transtype=!!transtype!!&merchantID=!!merchantID!!";

    /** The method a test purchase is stored with: a synthetic request, not one that came over HTTP. */
    static final String TEST_METHOD = "TEST";

    private final Duration signatureTolerance;

    PostbackParser(@Value("${linkledger.postbacks.signature-tolerance:5m}") Duration signatureTolerance) {
        this.signatureTolerance = signatureTolerance;
    }

    /**
     * Checks that the request proves it was sent by whoever holds the integration's secret, as the
     * integration's {@link Integration.Signature} says; a 401 problem when it does not. Done
     * before anything else is read from the request.
     */
    void verify(Integration integration, Inbound inbound, Instant receivedAt) {
        Credentials credentials = integration.credentials();
        Map<String, String> p = inbound.params();
        switch (credentials.signature()) {
            case NONE -> { }
            case HMAC_SHA256 -> canonical(integration, inbound, receivedAt);
            case LEGACY_HASH -> {
                Integration.Reading names = integration.reading();
                String expected = Signatures.postbackHash(credentials.hashAlgorithm(), credentials.secret(),
                        p.get(names.param("transaction_id")), p.get(names.param("order_id")),
                        p.get(names.param("amount")));
                if (!Signatures.sameHex(expected, p.get(names.param("hash")))) {
                    throw Signatures.unauthorized("The " + names.param("hash") + " parameter does not match: expected "
                            + "the " + credentials.hashAlgorithm() + " hex digest of secret + transaction_id + order_id"
                            + " + amount (the legacy hash)");
                }
            }
            case SHAREASALE_HASH -> {
                String expected = Signatures.shareAsaleHash(credentials.hashAlgorithm(), credentials.secret(),
                        p.get("transID"), p.get("orderNumber"), p.get("amountOfSale"), p.get("commission"));
                if (!Signatures.sameHex(expected, p.get("hash"))) {
                    throw Signatures.unauthorized("The hash parameter does not match: expected the "
                            + credentials.hashAlgorithm()
                            + " hex digest of secret + transID + orderNumber + amountOfSale + commission");
                }
            }
        }
    }

    /** The canonical signature: HMAC-SHA256 of every parameter (docs/integrations/postbacks.md), fresh. */
    private void canonical(Integration integration, Inbound inbound, Instant receivedAt) {
        String signatureName = integration.reading().param("signature");
        String timestampName = integration.reading().param("timestamp");
        List<Map.Entry<String, String>> pairs = inbound.pairs();
        Set<String> names = new HashSet<>();
        String signature = null;
        String timestamp = null;
        for (Map.Entry<String, String> pair : pairs) {
            if (!names.add(pair.getKey())) {
                throw ProblemException.invalid(pair.getKey(), "is sent more than once; a signed postback sends each "
                        + "parameter once");
            }
            if (pair.getKey().equals(signatureName)) {
                signature = pair.getValue();
            } else if (pair.getKey().equals(timestampName)) {
                timestamp = pair.getValue();
            }
        }
        if (signature == null || timestamp == null) {
            throw Signatures.unauthorized("A signed postback needs " + signatureName + " and " + timestampName
                    + " (unix seconds): this integration requires the HMAC_SHA256 signature");
        }
        String expected = Signatures.hmacSha256Hex(integration.credentials().secret(),
                Signatures.canonical(pairs, signatureName));
        if (!Signatures.sameHex(expected, signature)) {
            throw Signatures.unauthorized("The " + signatureName + " parameter does not match: expected the hex "
                    + "HMAC-SHA256, with the integration's secret, of every other parameter sorted and percent-encoded"
                    + " as name=value joined by &");
        }
        if (!timestamp.matches("[0-9]{1,12}")
                || Math.abs(Long.parseLong(timestamp) - receivedAt.getEpochSecond()) > signatureTolerance.toSeconds()) {
            throw Signatures.unauthorized("The " + timestampName + " parameter is not within "
                    + signatureTolerance.toSeconds() + " seconds of the time of receipt (unix seconds, UTC)");
        }
    }

    /** What a postback or pixel hit received at {@code receivedAt} claims. */
    Claim parse(Integration integration, Inbound inbound, Instant receivedAt) {
        Map<String, String> p = inbound.params();
        return switch (integration.type()) {
            case SHAREASALE -> shareAsale(integration, p, receivedAt);
            case PIXEL -> pixel(integration, p, inbound.header(Inbound.COOKIE_TID), receivedAt);
            default -> generic(integration, integration.reading()::param, p, receivedAt, false);
        };
    }

    /** A test purchase: our own parameter names whatever the integration maps, no signature, never paid. */
    Claim parseTest(Integration integration, Inbound inbound, Instant receivedAt) {
        return generic(integration, field -> field, inbound.params(), receivedAt, true);
    }

    private Claim shareAsale(Integration integration, Map<String, String> p, Instant receivedAt) {
        Validation v = new Validation();
        String transactionId = InboundFields.text(p.get("afftrack"), "afftrack", InboundFields.MAX_TRANSACTION_ID, v);
        String transId = InboundFields.text(p.get("transID"), "transID", InboundFields.MAX_ID, v);
        String orderNumber = InboundFields.text(p.get("orderNumber"), "orderNumber", InboundFields.MAX_ID, v);
        v.check(transactionId != null || v.has("afftrack"), "afftrack",
                "is required: the transaction id from the tracking link (!!afftrack!!)");
        v.check(transId != null || orderNumber != null || v.has("transID") || v.has("orderNumber"), "transID",
                "is required (!!transID!!), or at least orderNumber");
        BigDecimal amount = InboundFields.amount(p.get("amountOfSale"), "amountOfSale", v);
        BigDecimal commission = InboundFields.amount(p.get("commission"), "commission", v);
        Instant at = localDate(p.get("transDate"), integration, "transDate", receivedAt, v);
        String type = InboundFields.text(p.get("transtype"), "transtype", InboundFields.MAX_TEXT, v);
        v.throwIfInvalid();
        return new Claim(transId != null ? "t:" + transId : "o:" + orderNumber, kind(type), transactionId, null, null,
                List.of(), orderNumber, amount, commission, null, null, at, false, null);
    }

    private Claim pixel(Integration integration, Map<String, String> p, String cookieTid, Instant receivedAt) {
        Validation v = new Validation();
        Integration.Reading names = integration.reading();
        String transactionId = InboundFields.text(cookieTid, "ll_tid", InboundFields.MAX_TRANSACTION_ID, v);
        String orderId = InboundFields.text(p.get(names.param("order_id")), names.param("order_id"),
                InboundFields.MAX_ID, v);
        BigDecimal amount = InboundFields.amount(p.get(names.param("amount")), names.param("amount"), v);
        String currency = InboundFields.currency(p.get(names.param("currency")), names.param("currency"), v);
        v.throwIfInvalid();
        if (transactionId == null) {
            throw Attribution.unattributable("the browser sent no ll_tid cookie: it did not come through a tracking link");
        }
        String external = orderId != null ? "o:" + orderId : "x:" + transactionId;
        return new Claim(external, Conversion.Kind.SALE, transactionId, null, null, List.of(), orderId, amount, null,
                currency, null, receivedAt, false, null);
    }

    /** The generic postback; {@code names} gives the caller's parameter name of each of our fields. */
    private Claim generic(Integration integration, UnaryOperator<String> names, Map<String, String> p,
            Instant receivedAt, boolean test) {
        Validation v = new Validation();
        String transactionId = InboundFields.text(p.get(names.apply("transaction_id")), names.apply("transaction_id"),
                InboundFields.MAX_TRANSACTION_ID, v);
        String orderId = InboundFields.text(p.get(names.apply("order_id")), names.apply("order_id"),
                InboundFields.MAX_ID, v);
        String externalId = InboundFields.text(p.get(names.apply("external_id")), names.apply("external_id"),
                InboundFields.MAX_ID, v);
        UUID memberId = InboundFields.uuid(p.get(names.apply("member_id")), names.apply("member_id"), v);
        UUID offerId = InboundFields.uuid(p.get(names.apply("offer_id")), names.apply("offer_id"), v);
        BigDecimal amount = InboundFields.amount(p.get(names.apply("amount")), names.apply("amount"), v);
        BigDecimal commission = InboundFields.amount(p.get(names.apply("commission")), names.apply("commission"), v);
        Instant at = date(p.get(names.apply("date")), integration, names.apply("date"), receivedAt, v);
        ConversionStatus status = status(p.get(names.apply("status")), names.apply("status"), v);
        String currency = InboundFields.currency(p.get(names.apply("currency")), names.apply("currency"), v);
        String type = InboundFields.text(p.get(names.apply("type")), names.apply("type"), InboundFields.MAX_TEXT, v);
        String email = InboundFields.text(p.get(names.apply("email")), names.apply("email"), InboundFields.MAX_EMAIL, v);
        v.check(transactionId != null || memberId != null || v.has(names.apply("member_id"))
                        || v.has(names.apply("transaction_id")), names.apply("transaction_id"),
                "is required (or " + names.apply("member_id") + " for a partner postback)");
        String key = externalId != null ? "e:" + externalId : orderId != null ? "o:" + orderId
                : transactionId != null ? "x:" + transactionId : null;
        v.check(key != null || v.hasIssues(), names.apply("order_id"),
                "is required to tell repeats apart when a conversion is credited by member id");
        v.throwIfInvalid();
        return new Claim(key, kind(type), transactionId, memberId, offerId, List.of(), orderId, amount, commission,
                currency, status, at, test, email);
    }

    private static Conversion.Kind kind(String type) {
        return "lead".equalsIgnoreCase(type == null ? "" : type) ? Conversion.Kind.LEAD : Conversion.Kind.SALE;
    }

    private static ConversionStatus status(String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "pending", "0" -> ConversionStatus.PENDING;
            case "approved", "approve", "locked", "1" -> ConversionStatus.APPROVED;
            case "rejected", "reversed", "declined", "void", "voided", "2" -> ConversionStatus.REVERSED;
            default -> {
                v.add(field, InboundFields.echo(value) + " is not a status: pending, approved or rejected");
                yield null;
            }
        };
    }

    /** ShareASale's {@code transDate}: yyyy-MM-dd HH:mm:ss in the integration's time zone; receipt when blank. */
    private static Instant localDate(String value, Integration integration, String field, Instant receivedAt,
            Validation v) {
        if (value == null || value.isBlank()) {
            return receivedAt;
        }
        try {
            return InboundFields.near(LocalDateTime.parse(value.strip(), SHAREASALE_DATE)
                    .atZone(integration.reading().timeZone()).toInstant(), receivedAt, field, v);
        } catch (DateTimeException e) {
            v.add(field, InboundFields.echo(value) + " is not a date in the form yyyy-MM-dd HH:mm:ss");
            return null;
        }
    }

    /** ISO-8601 with offset, epoch seconds, or yyyy-MM-dd HH:mm:ss in the integration's time zone; receipt when blank. */
    private static Instant date(String value, Integration integration, String field, Instant receivedAt,
            Validation v) {
        if (value == null || value.isBlank()) {
            return receivedAt;
        }
        String text = value.strip();
        try {
            Instant at;
            if (text.matches("[0-9]{9,11}")) {
                at = Instant.ofEpochSecond(Long.parseLong(text));
            } else if (text.contains("T")) {
                at = OffsetDateTime.parse(text).toInstant();
            } else {
                at = LocalDateTime.parse(text, SHAREASALE_DATE).atZone(integration.reading().timeZone()).toInstant();
            }
            return InboundFields.near(at, receivedAt, field, v);
        } catch (DateTimeException e) {
            v.add(field, InboundFields.echo(value)
                    + " is not a date: use ISO-8601 with offset, epoch seconds or yyyy-MM-dd HH:mm:ss");
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
