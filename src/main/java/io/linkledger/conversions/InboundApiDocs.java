package io.linkledger.conversions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The public conversion endpoints as they really are, for the OpenAPI document. Their handlers
 * read the raw request (parameters are remappable per integration, signatures cover the raw
 * bytes), so springdoc sees none of their inputs; and they take no API key: the unguessable key
 * in the path names the integration, and a postback may add HTTP Basic, an IP allow-list and a
 * signature parameter, a Shopify webhook always carries Shopify's HMAC header.
 */
// Before shared.openapi.ResponseConventions, which runs last and completes what is described here.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class InboundApiDocs implements OpenApiCustomizer {

    static final String POSTBACK_BASIC = "postbackBasic";

    private static final Map<String, String> POSTBACK_FIELDS = postbackFields();

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getComponents().addSecuritySchemes(POSTBACK_BASIC, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("HTTP Basic, only for postback integrations that set basicAuthUser"));
        PathItem postback = openApi.getPaths().get("/postback/{key}");
        if (postback != null) {
            postback(postback.getGet(), "inboundPostbackGet", "Receive a server postback (query string)", false);
            postback(postback.getPost(), "inboundPostbackPost", "Receive a server postback (form body)", true);
        }
        PathItem shopify = openApi.getPaths().get("/webhooks/shopify/{key}");
        if (shopify != null) {
            shopify(shopify.getPost());
        }
        PathItem pixel = openApi.getPaths().get("/px/{key}.gif");
        if (pixel != null) {
            pixel(pixel.getGet());
        }
    }

    private static void postback(Operation operation, String id, String summary, boolean form) {
        if (operation == null) {
            return;
        }
        operation.operationId(id).summary(summary)
                .description("A network's or the brand's server reports a conversion. The key in the path is the "
                        + "integration's credential; an integration may also require HTTP Basic, an IP allow-list "
                        + "and a signature: `signature` (HMAC-SHA256 of the canonically encoded parameters with a "
                        + "fresh `timestamp`) or, on older integrations, the legacy `hash`. Parameter names can be "
                        + "remapped per integration (`parameterMap`). See docs/integrations/postbacks.md.")
                .security(List.of(new SecurityRequirement(), new SecurityRequirement().addList(POSTBACK_BASIC)));
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(keyParameter("The postback integration's key, from its inboundUrl"));
        if (form) {
            Schema<?> body = new ObjectSchema();
            POSTBACK_FIELDS.forEach((name, description) -> body.addProperty(name,
                    new StringSchema().description(description)));
            operation.requestBody(new RequestBody().description("The postback's fields as a form (query parameters "
                    + "are read too)").content(new Content().addMediaType("application/x-www-form-urlencoded",
                            new MediaType().schema(body))));
        } else {
            POSTBACK_FIELDS.forEach((name, description) -> parameters.add(new QueryParameter().name(name)
                    .description(description).required(false).schema(new StringSchema())));
        }
        operation.parameters(parameters);
        operation.responses(withSuccess(operation, "The conversion, created or found again (`duplicate`)")
                .addApiResponse("400", error("A value that can never be stored or priced, a parameter sent twice "
                        + "in a signed postback, or a body over 1 MiB"))
                .addApiResponse("401", error("HTTP Basic, signature or legacy hash missing or wrong, or the "
                        + "signature's timestamp older than 5 minutes"))
                .addApiResponse("403", error("The caller's address is not on the integration's IP allow-list"))
                .addApiResponse("404", error("Unknown key, or the key of a Shopify or pixel integration"))
                .addApiResponse("422", error("The conversion cannot be attributed (unknown click, member not in "
                        + "the offer); one beyond the attribution window is held for review, not refused"))
                .addApiResponse("503", error("The conversion's commit was not confirmed in time; send it again "
                        + "(it is never counted twice)")));
    }

    private static void shopify(Operation operation) {
        if (operation == null) {
            return;
        }
        operation.operationId("inboundShopifyWebhook").summary("Receive a Shopify order or refund webhook")
                .description("Shopify's orders/paid, orders/create, orders/cancelled and refunds/create "
                        + "webhooks for a SHOPIFY integration. The key in the path names the integration; the "
                        + "X-Shopify-Hmac-Sha256 header, the base64 HMAC-SHA256 of the raw body keyed with the "
                        + "app's secret, is verified before anything else. See docs/integrations/shopify.md.")
                .security(List.of())
                .parameters(List.of(
                        keyParameter("The Shopify integration's key, from its inboundUrl"),
                        header("X-Shopify-Hmac-Sha256", true, "Base64 HMAC-SHA256 of the raw body, keyed with the "
                                + "Shopify app's client secret"),
                        header("X-Shopify-Topic", true, "The webhook's topic, e.g. orders/paid or refunds/create"),
                        header("X-Shopify-Webhook-Id", false, "Shopify's delivery id; a redelivery repeats it"),
                        header("X-Shopify-Shop-Domain", false, "The shop, e.g. example.myshopify.com"),
                        header("X-Shopify-Triggered-At", false, "When Shopify fired the webhook")))
                .requestBody(new RequestBody().required(true).description("Shopify's order or refund, as Shopify "
                        + "sends it").content(json(new ObjectSchema().description("A Shopify order or refund"))));
        Schema<?> answer = new ObjectSchema()
                .addProperty("conversionId", new StringSchema().format("uuid").description("The conversion, if any"))
                .addProperty("status", new StringSchema().description("The conversion's status, if any"))
                .addProperty("outcome", new StringSchema().description("What was done with the delivery"))
                .addProperty("reason", new StringSchema().description("Why nothing was recorded, if so"));
        operation.responses(new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("The delivery was handled (or was a redelivery)")
                        .content(json(answer)))
                .addApiResponse("400", error("The body is not a Shopify order or refund, or is over 1 MiB"))
                .addApiResponse("401", error("X-Shopify-Hmac-Sha256 is missing or does not match the body"))
                .addApiResponse("404", error("Unknown key, or the key of another kind of integration")));
    }

    private static void pixel(Operation operation) {
        if (operation == null) {
            return;
        }
        operation.operationId("inboundPixel").summary("Record a sale from the browser pixel")
                .description("Loaded as a 1x1 image on the order confirmation page. The key in the path names the "
                        + "integration; the click comes from the first-party `ll_tid` cookie the tracking link set. "
                        + "Names can be remapped per integration. See docs/integrations/pixel.md.")
                .security(List.of())
                .parameters(List.of(
                        keyParameter("The pixel integration's key"),
                        query("order_id", "The order's id (the idempotency key)"),
                        query("amount", "The sale amount, a plain decimal such as 80.00"),
                        query("currency", "ISO 4217 code; the offer's currency"),
                        new Parameter().in("cookie").name("ll_tid").required(false).schema(new StringSchema())
                                .description("The click's transaction id, set by the tracking link")));
        operation.responses(new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("A transparent 1x1 GIF")
                        .content(new Content().addMediaType("image/gif", new MediaType().schema(new BinarySchema()))))
                .addApiResponse("400", error("A value that can never be stored or priced"))
                .addApiResponse("404", error("Unknown key, or the key of another kind of integration"))
                .addApiResponse("422", error("The sale cannot be attributed (no click, or outside its window)")));
    }

    private static ApiResponses withSuccess(Operation operation, String description) {
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", (ok == null ? new ApiResponse() : ok).description(description));
        return responses;
    }

    private static Parameter keyParameter(String description) {
        return new PathParameter().name("key").required(true).schema(new StringSchema()).description(description);
    }

    private static Parameter header(String name, boolean required, String description) {
        return new HeaderParameter().name(name).required(required).schema(new StringSchema()).description(description);
    }

    private static Parameter query(String name, String description) {
        return new QueryParameter().name(name).required(false).schema(new StringSchema()).description(description);
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }

    private static ApiResponse error(String description) {
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/Problem");
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(problem)));
    }

    private static Map<String, String> postbackFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("transaction_id", "The click's transaction id (the {transaction_id} macro of the link)");
        fields.put("member_id", "The member, for a partner postback without a click (with offer_id)");
        fields.put("offer_id", "The offer, for a partner postback (unless the integration has one)");
        fields.put("order_id", "The order's id");
        fields.put("external_id", "The network's id for the conversion (the idempotency key, if given)");
        fields.put("amount", "The sale amount, a plain decimal such as 80.00");
        fields.put("commission", "The commission the network computed, a plain decimal");
        fields.put("status", "pending, approved or rejected (and their synonyms)");
        fields.put("currency", "ISO 4217 code; the offer's currency");
        fields.put("date", "When it happened: ISO-8601 with offset, epoch seconds, or yyyy-MM-dd HH:mm:ss");
        fields.put("type", "sale (default) or lead");
        fields.put("timestamp", "Unix seconds, for a signed postback");
        fields.put("signature", "Lower-case hex HMAC-SHA256 of the canonical parameters, for a signed postback");
        fields.put("hash", "The legacy digest, for integrations that still use it");
        return fields;
    }
}
