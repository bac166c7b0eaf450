package io.linkledger.conversions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import io.linkledger.shared.Validation;

/**
 * Reads a server postback or pixel hit into a {@link Claim}: the generic form with mappable
 * parameter names, and ShareASale's preset with its macro names, date format and hash.
 */
@Component
class PostbackParser {

    /** Our field names for the generic postback; an integration may map each to another name. */
    static final List<String> FIELDS = List.of("transaction_id", "order_id", "external_id", "amount", "commission",
            "status", "currency", "member_id", "offer_id", "date", "type", "hash");

    static final DateTimeFormatter SHAREASALE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** The URL a brand gives ShareASale, after the integration's inbound URL. */
    static final String SHAREASALE_QUERY = "afftrack=!!afftrack!!&transID=!!transID!!&orderNumber=!!orderNumber!!"
            + "&amountOfSale=!!amountOfSale!!&commission=!!commission!!&transDate=!!transDate!!"
            + "&transtype=!!transtype!!&merchantID=!!merchantID!!";

    private final Clock clock;

    PostbackParser(Clock clock) {
        this.clock = clock;
    }

    /** The method a test purchase is stored with: a synthetic request, not one that came over HTTP. */
    static final String TEST_METHOD = "TEST";

    Claim parse(Integration integration, Inbound inbound) {
        Map<String, String> p = inbound.params();
        return switch (integration.type()) {
            case SHAREASALE -> shareASale(integration, p);
            case PIXEL -> pixel(integration, p, inbound.header(Inbound.COOKIE_TID));
            default -> generic(integration, integration.reading()::param, p, false);
        };
    }

    /** A test purchase: our own parameter names whatever the integration maps, no hash, never paid. */
    Claim parseTest(Integration integration, Inbound inbound) {
        return generic(integration, field -> field, inbound.params(), true);
    }

    private Claim shareASale(Integration integration, Map<String, String> p) {
        Validation v = new Validation();
        String transactionId = blankToNull(p.get("afftrack"));
        String transId = blankToNull(p.get("transID"));
        String orderNumber = blankToNull(p.get("orderNumber"));
        v.check(transactionId != null, "afftrack", "is required: the transaction id from the tracking link (!!afftrack!!)");
        v.check(transId != null || orderNumber != null, "transID", "is required (!!transID!!), or at least orderNumber");
        BigDecimal amount = decimal(p.get("amountOfSale"), "amountOfSale", v);
        BigDecimal commission = decimal(p.get("commission"), "commission", v);
        Instant at = localDate(p.get("transDate"), integration, "transDate", v);
        String type = p.getOrDefault("transtype", "sale");
        v.throwIfInvalid();
        Integration.Credentials credentials = integration.credentials();
        if (credentials.hashAlgorithm() != null) {
            String expected = Signatures.shareAsaleHash(credentials.hashAlgorithm(), credentials.secret(),
                    p.get("transID"), p.get("orderNumber"), p.get("amountOfSale"), p.get("commission"));
            if (!Signatures.sameHex(expected, p.get("hash"))) {
                throw Signatures.unauthorized("The hash parameter does not match: expected the "
                        + credentials.hashAlgorithm() + " hex digest of secret + transID + orderNumber + amountOfSale + commission");
            }
        }
        return new Claim(transId != null ? "t:" + transId : "o:" + orderNumber, kind(type), transactionId, null, null,
                List.of(), orderNumber, amount, commission, null, null, at, false);
    }

    private Claim pixel(Integration integration, Map<String, String> p, String cookieTid) {
        Validation v = new Validation();
        String transactionId = blankToNull(cookieTid);
        String orderId = blankToNull(p.get(integration.reading().param("order_id")));
        BigDecimal amount = decimal(p.get(integration.reading().param("amount")), "amount", v);
        v.throwIfInvalid();
        if (transactionId == null) {
            throw Attribution.unattributable("the browser sent no ll_tid cookie: it did not come through a tracking link");
        }
        String external = orderId != null ? "o:" + orderId : "x:" + transactionId;
        return new Claim(external, Conversion.Kind.SALE, transactionId, null, null, List.of(), orderId, amount, null,
                blankToNull(p.get(integration.reading().param("currency"))), null, clock.instant(), false);
    }

    /** The generic postback; {@code names} gives the caller's parameter name of each of our fields. */
    private Claim generic(Integration integration, UnaryOperator<String> names, Map<String, String> p, boolean test) {
        Validation v = new Validation();
        String transactionId = blankToNull(p.get(names.apply("transaction_id")));
        String orderId = blankToNull(p.get(names.apply("order_id")));
        String externalId = blankToNull(p.get(names.apply("external_id")));
        UUID memberId = uuid(p.get(names.apply("member_id")), names.apply("member_id"), v);
        UUID offerId = uuid(p.get(names.apply("offer_id")), names.apply("offer_id"), v);
        BigDecimal amount = decimal(p.get(names.apply("amount")), names.apply("amount"), v);
        BigDecimal commission = decimal(p.get(names.apply("commission")), names.apply("commission"), v);
        Instant at = date(p.get(names.apply("date")), integration, names.apply("date"), v);
        ConversionStatus status = status(p.get(names.apply("status")), names.apply("status"), v);
        v.check(transactionId != null || memberId != null || v.has(names.apply("member_id")),
                names.apply("transaction_id"), "is required (or " + names.apply("member_id")
                        + " for a partner postback)");
        String key = externalId != null ? "e:" + externalId : orderId != null ? "o:" + orderId
                : transactionId != null ? "x:" + transactionId : null;
        v.check(key != null || v.hasIssues(), names.apply("order_id"),
                "is required to tell repeats apart when a conversion is credited by member id");
        v.throwIfInvalid();
        Integration.Credentials credentials = integration.credentials();
        if (credentials.hashAlgorithm() != null && !test) {
            String expected = Signatures.postbackHash(credentials.hashAlgorithm(), credentials.secret(), transactionId,
                    orderId, p.get(names.apply("amount")));
            if (!Signatures.sameHex(expected, p.get(names.apply("hash")))) {
                throw Signatures.unauthorized("The " + names.apply("hash") + " parameter does not match: expected the "
                        + credentials.hashAlgorithm() + " hex digest of secret + transaction_id + order_id + amount");
            }
        }
        return new Claim(key, kind(p.getOrDefault(names.apply("type"), "sale")), transactionId, memberId, offerId,
                List.of(), orderId, amount, commission, blankToNull(p.get(names.apply("currency"))), status, at, test);
    }

    private static Conversion.Kind kind(String type) {
        return "lead".equalsIgnoreCase(type == null ? "" : type.trim()) ? Conversion.Kind.LEAD : Conversion.Kind.SALE;
    }

    private static ConversionStatus status(String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "pending", "0" -> ConversionStatus.PENDING;
            case "approved", "approve", "locked", "1" -> ConversionStatus.APPROVED;
            case "rejected", "reversed", "declined", "void", "voided", "2" -> ConversionStatus.REVERSED;
            default -> {
                v.add(field, "'" + value + "' is not a status: pending, approved or rejected");
                yield null;
            }
        };
    }

    static BigDecimal decimal(String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            v.check(amount.signum() >= 0, field, "must not be negative");
            return amount;
        } catch (NumberFormatException e) {
            v.add(field, "'" + value + "' is not a decimal amount such as 12.50");
            return null;
        }
    }

    private Instant localDate(String value, Integration integration, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return clock.instant();
        }
        try {
            return LocalDateTime.parse(value.trim(), SHAREASALE_DATE).atZone(integration.reading().timeZone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            v.add(field, "'" + value + "' is not a date in the form yyyy-MM-dd HH:mm:ss");
            return null;
        }
    }

    /** ISO-8601 with offset, epoch seconds, or yyyy-MM-dd HH:mm:ss in the integration's time zone. */
    private Instant date(String value, Integration integration, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return clock.instant();
        }
        String text = value.trim();
        try {
            if (text.matches("\\d{9,11}")) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            if (text.contains("T")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text, SHAREASALE_DATE).atZone(integration.reading().timeZone()).toInstant();
        } catch (DateTimeParseException e) {
            v.add(field, "'" + value + "' is not a date: use ISO-8601 with offset, epoch seconds or yyyy-MM-dd HH:mm:ss");
            return null;
        }
    }

    private static UUID uuid(String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            v.add(field, "'" + value + "' is not an id");
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
