package io.linkledger.ledger;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * PayPal's and Stripe's webhooks in the OpenAPI document: no API key, each proven by its
 * provider's signature headers over the raw body (which is why the handlers take bytes and
 * springdoc would call the body {@code *}{@code /*}).
 */
// Before shared.openapi.ResponseConventions, which runs last and completes what is described here.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class ProviderWebhookApiDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        PathItem payPal = openApi.getPaths().get("/webhooks/paypal/payouts");
        if (payPal != null && payPal.getPost() != null) {
            document(payPal.getPost(), "payPalWebhookReceive", "Receive a PayPal payouts webhook",
                    "PayPal's PAYMENT.PAYOUTS-ITEM.* and PAYMENT.PAYOUTSBATCH.* events. Verified as PayPal's SDK "
                            + "does: the certificate at PAYPAL-CERT-URL (a PayPal address only) must have signed "
                            + "transmission id|transmission time|webhook id|crc32(body) with SHA256withRSA. "
                            + "See docs/money.md.",
                    List.of(header("PAYPAL-TRANSMISSION-ID", "The delivery's id"),
                            header("PAYPAL-TRANSMISSION-TIME", "When PayPal sent it"),
                            header("PAYPAL-TRANSMISSION-SIG", "Base64 SHA256withRSA signature"),
                            header("PAYPAL-CERT-URL", "PayPal's certificate that signed it"),
                            header("PAYPAL-AUTH-ALGO", "SHA256withRSA")),
                    "A PayPal webhook event", "A signature header is missing, or the signature does not verify",
                    "No webhook id is configured, or PayPal's certificate could not be fetched; PayPal retries");
        }
        PathItem stripe = openApi.getPaths().get("/webhooks/stripe");
        if (stripe != null && stripe.getPost() != null) {
            document(stripe.getPost(), "stripeWebhookReceive", "Receive a Stripe webhook",
                    "Stripe's payment_intent.succeeded, payment_intent.payment_failed and setup_intent.succeeded "
                            + "events, verified with Stripe's Stripe-Signature scheme (HMAC-SHA256 of "
                            + "timestamp.body with the endpoint's signing secret, within Stripe's tolerance). "
                            + "See docs/money.md.",
                    List.of(header("Stripe-Signature", "t=<timestamp>,v1=<hex HMAC-SHA256>")),
                    "A Stripe event object", "Stripe-Signature is missing or does not verify",
                    "Stripe is not set up on this server, or its answer could not be had; Stripe retries");
        }
    }

    private static void document(Operation operation, String id, String summary, String description,
            List<Parameter> headers, String body, String unauthorized, String unavailable) {
        Schema<?> answer = new ObjectSchema()
                .addProperty("outcome", new StringSchema().description("What was done with the event"));
        operation.operationId(id).summary(summary).description(description).security(List.of())
                .parameters(headers)
                .requestBody(new RequestBody().required(true).description(body + ", as the provider sends it")
                        .content(new Content().addMediaType("application/json",
                                new MediaType().schema(new ObjectSchema().description(body)))))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("The event was verified and handled "
                                + "(a redelivery too)").content(new Content().addMediaType("application/json",
                                        new MediaType().schema(answer))))
                        .addApiResponse("401", error(unauthorized))
                        .addApiResponse("503", error(unavailable)));
    }

    private static Parameter header(String name, String description) {
        return new HeaderParameter().name(name).required(true).schema(new StringSchema()).description(description);
    }

    private static ApiResponse error(String description) {
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/Problem");
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(problem)));
    }
}
