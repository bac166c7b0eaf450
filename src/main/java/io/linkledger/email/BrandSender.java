package io.linkledger.email;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.linkledger.brands.BrandSettings;
import io.linkledger.brands.BrandSettingsService;
import io.linkledger.shared.ProblemException;

/**
 * Who an email comes from and where replies go: a brand's email comes from its sender name (else
 * its name) at its sender address (else the server's {@code linkledger.mail.from} address), with
 * its reply-to address; an email of no brand (a portal sign-in link) comes from the server.
 * Read when the email is delivered, so a queued email goes out under the brand's current name.
 */
@Component
class BrandSender {

    /** The From and Reply-To of one email; {@code replyTo} null when replies go to the sender. */
    record Addresses(InternetAddress from, InternetAddress replyTo) {
    }

    private final BrandSettingsService brands;
    private final InternetAddress serverFrom;

    BrandSender(BrandSettingsService brands, @Value("${linkledger.mail.from}") String serverFrom) throws AddressException {
        this.brands = brands;
        this.serverFrom = new InternetAddress(serverFrom, true);
    }

    Addresses of(UUID brandId) {
        if (brandId == null) {
            return new Addresses(serverFrom, null);
        }
        BrandSettings brand;
        try {
            brand = brands.get(brandId);
        } catch (ProblemException gone) {
            return new Addresses(serverFrom, null);
        }
        String address = brand.senderEmail() != null ? brand.senderEmail() : serverFrom.getAddress();
        return new Addresses(address(address, brand.fromName()),
                brand.replyToEmail() == null ? null : address(brand.replyToEmail(), null));
    }

    private static InternetAddress address(String address, String name) {
        try {
            return new InternetAddress(address, name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
