package io.linkledger.brands;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/**
 * What a brand has set about itself, with the server's defaults filled in where it set nothing:
 * {@code defaultCurrency} is then {@code linkledger.money.default-currency} and {@code timeZone}
 * UTC. {@code logo}, the sender fields, {@code website}, {@code payoutMethod} and
 * {@code minimumPayout} are null when not set (a null payout setting means the server's).
 */
public record BrandSettings(UUID brandId, String name, Logo logo, String senderName, String senderEmail,
        String replyToEmail, String website, Currency defaultCurrency, ZoneId timeZone, PayoutMethod payoutMethod,
        BigDecimal minimumPayout, Instant updatedAt) {

    /** The name emails to members come from: the sender name, else the brand's name. */
    public String fromName() {
        return senderName != null ? senderName : name;
    }
}
