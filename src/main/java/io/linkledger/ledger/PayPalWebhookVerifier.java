package io.linkledger.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.zip.CRC32;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.linkledger.shared.ProblemException;

/**
 * PayPal's webhook signature, verified the way PayPal's own SDK does it, on the exact bytes
 * received: the message {@code transmission_id|transmission_time|webhook_id|crc32(body)} signed
 * with SHA256withRSA by the certificate at {@code PAYPAL-CERT-URL}. The certificate is fetched
 * only from a PayPal address (over TLS, which vouches for it) and cached; our webhook id comes
 * from configuration, never from the request.
 */
@Component
class PayPalWebhookVerifier {

    private static final String ALGORITHM = "SHA256withRSA";

    private final String webhookId;
    private final List<URI> certificateSources;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Cache<String, X509Certificate> certificates = Caffeine.newBuilder()
            .maximumSize(50).expireAfterWrite(Duration.ofHours(24)).build();

    PayPalWebhookVerifier(@Value("${linkledger.money.paypal.webhook-id:}") String webhookId,
            @Value("${linkledger.money.paypal.cert-url-prefixes:https://api.paypal.com/v1/notifications/certs/,"
                    + "https://api-m.paypal.com/v1/notifications/certs/,"
                    + "https://api.sandbox.paypal.com/v1/notifications/certs/,"
                    + "https://api-m.sandbox.paypal.com/v1/notifications/certs/}") List<String> certificateSources,
            Clock clock) {
        this.webhookId = webhookId.trim();
        this.certificateSources = certificateSources.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(URI::create).toList();
        this.clock = clock;
    }

    /** Returns quietly when PayPal signed exactly these bytes for our webhook; a problem otherwise. */
    void verify(byte[] body, HttpHeaders headers) {
        if (webhookId.isEmpty()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                    "PayPal webhooks are not configured on this server (linkledger.money.paypal.webhook-id)");
        }
        String transmissionId = required(headers, "PAYPAL-TRANSMISSION-ID");
        String transmissionTime = required(headers, "PAYPAL-TRANSMISSION-TIME");
        String signature = required(headers, "PAYPAL-TRANSMISSION-SIG");
        String certUrl = required(headers, "PAYPAL-CERT-URL");
        String algorithm = required(headers, "PAYPAL-AUTH-ALGO");
        if (!ALGORITHM.equalsIgnoreCase(algorithm)) {
            throw unauthorized("PAYPAL-AUTH-ALGO " + algorithm + " is not " + ALGORITHM);
        }
        X509Certificate certificate = certificate(certUrl);
        CRC32 crc = new CRC32();
        crc.update(body);
        String message = transmissionId + "|" + transmissionTime + "|" + webhookId + "|" + crc.getValue();
        try {
            certificate.checkValidity(Date.from(clock.instant()));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(signature.trim()))) {
                throw unauthorized("PAYPAL-TRANSMISSION-SIG does not match the body signed for this webhook");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw unauthorized("The PayPal signature could not be verified: " + e.getMessage());
        }
    }

    private X509Certificate certificate(String certUrl) {
        URI uri;
        try {
            uri = URI.create(certUrl.trim()).normalize();
        } catch (IllegalArgumentException e) {
            throw unauthorized("PAYPAL-CERT-URL is not an address");
        }
        if (certificateSources.stream().noneMatch(source -> from(uri, source))) {
            throw unauthorized("PAYPAL-CERT-URL is not one of PayPal's certificate addresses");
        }
        return certificates.get(uri.toString(), this::download);
    }

    /** Same scheme, host and port as a trusted source, and under its path; no user info tricks. */
    private static boolean from(URI uri, URI source) {
        return uri.getUserInfo() == null && source.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                && source.getHost().equalsIgnoreCase(String.valueOf(uri.getHost())) && source.getPort() == uri.getPort()
                && uri.getRawPath() != null && uri.getRawPath().startsWith(source.getRawPath())
                && !uri.getRawPath().contains("..");
    }

    private X509Certificate download(String url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw unauthorized("PayPal's certificate could not be fetched (" + response.statusCode() + ")");
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(response.body()));
        } catch (IOException | GeneralSecurityException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                    "PayPal's certificate could not be fetched; the delivery will be retried");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted");
        }
    }

    private static String required(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            throw unauthorized(name + " header is missing");
        }
        return value;
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, detail);
    }
}
