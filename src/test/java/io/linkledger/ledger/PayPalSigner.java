package io.linkledger.ledger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Signs webhook deliveries as PayPal does, with a key pair and self-signed certificate made for
 * the test (by the JDK's keytool) and served from the WireMock standing in for PayPal's
 * certificate host: {@code SHA256withRSA} over {@code transmission_id|transmission_time|webhook_id|crc32(body)}.
 */
final class PayPalSigner {

    static final String CERT_PATH = "/v1/notifications/certs/CERT-360caa42-fca2a594-test";

    private final PrivateKey key;
    private final String certificatePem;
    private final String webhookId;

    private PayPalSigner(PrivateKey key, String certificatePem, String webhookId) {
        this.key = key;
        this.certificatePem = certificatePem;
        this.webhookId = webhookId;
    }

    static PayPalSigner create(String webhookId) {
        try {
            Path dir = Files.createTempDirectory("paypal-signer");
            Path store = dir.resolve("signer.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "paypal", "-keyalg", "RSA",
                    "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "3650",
                    "-dname", "CN=messageverificationcerts.test.paypal.example, O=Test", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, "changeit".toCharArray());
            }
            Certificate certificate = keyStore.getCertificate("paypal");
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return new PayPalSigner((PrivateKey) keyStore.getKey("paypal", "changeit".toCharArray()), pem, webhookId);
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate at PayPal's certificate address (the WireMock for PayPal). */
    void serve(WireMockServer server) {
        server.stubFor(get(urlEqualTo(CERT_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-pem-file").withBody(certificatePem)));
    }

    /** The PAYPAL-* headers PayPal sends with this body, signed for our webhook id. */
    Map<String, String> headers(String body, String certUrl) {
        String transmissionId = UUID.randomUUID().toString();
        String time = Instant.now().toString();
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        String message = transmissionId + "|" + time + "|" + webhookId + "|" + crc.getValue();
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("PAYPAL-TRANSMISSION-ID", transmissionId);
            headers.put("PAYPAL-TRANSMISSION-TIME", time);
            headers.put("PAYPAL-TRANSMISSION-SIG", Base64.getEncoder().encodeToString(signer.sign()));
            headers.put("PAYPAL-CERT-URL", certUrl);
            headers.put("PAYPAL-AUTH-ALGO", "SHA256withRSA");
            return headers;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
