package io.linkledger.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The requests Linkledger sends, in the OpenAPI document's {@code webhooks} (OpenAPI 3.1): one
 * per event type, with its headers and its payload, whose {@code data} schema depends on the type.
 * No handler returns these records, so springdoc would not find them by itself.
 */
// Before shared.openapi.ResponseConventions, which runs last.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class WebhookApiDocs implements OpenApiCustomizer {

    private static final String REF = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Map<Class<?>, String> data = Map.of(
                WebhookPayload.ConversionData.class, "WebhookConversionData",
                WebhookPayload.PaymentData.class, "WebhookPaymentData",
                WebhookPayload.AssignmentData.class, "WebhookAssignmentData");
        data.keySet().forEach(type -> register(openApi.getComponents(), type));
        openApi.getComponents().addSchemas("WebhookPayload", new ObjectSchema()
                .description("The body of every delivery. `id` is the event's (also in Linkledger-Event-Id), the "
                        + "same on every retry and replay; `data` depends on `type`. See docs/webhooks.md.")
                .addProperty("id", new StringSchema().format("uuid"))
                .addProperty("type", new StringSchema()._enum(List.of(eventTypes())))
                .addProperty("created", new StringSchema().format("date-time"))
                .addProperty("data", new Schema<>().oneOf(data.values().stream().sorted()
                        .map(name -> (Schema) new Schema<>().$ref(REF + name)).toList()))
                .required(List.of("id", "type", "created", "data")));
        for (WebhookEvent event : WebhookEvent.values()) {
            openApi.addWebhooks(event.type(), new PathItem().post(operation(event, data.get(dataOf(event)))));
        }
    }

    private static Operation operation(WebhookEvent event, String dataSchema) {
        Schema<?> body = new Schema<>().allOf(List.of(new Schema<>().$ref(REF + "WebhookPayload"),
                new ObjectSchema().addProperty("type", new StringSchema()._enum(List.of(event.type())))
                        .addProperty("data", new Schema<>().$ref(REF + dataSchema))));
        return new Operation()
                .operationId("webhook" + camel(event.type()))
                .summary(event.description())
                .description("Sent to every enabled endpoint subscribed to `" + event.type() + "`. Answer 2xx within "
                        + "10 seconds; anything else is retried with backoff for 3 days.")
                .addTagsItem("webhooks")
                .addParametersItem(new HeaderParameter().name("Linkledger-Signature").required(true)
                        .description("t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\"> with the "
                                + "endpoint's secret")
                        .schema(new StringSchema()))
                .addParametersItem(new HeaderParameter().name("Linkledger-Event-Id").required(true)
                        .description("The event's id: process each once").schema(new StringSchema().format("uuid")))
                .addParametersItem(new HeaderParameter().name("Linkledger-Event-Type").required(true)
                        .schema(new StringSchema()))
                .addParametersItem(new HeaderParameter().name("Linkledger-Delivery-Id").required(true)
                        .description("This delivery's id, as in the delivery log").schema(new StringSchema()
                                .format("uuid")))
                .requestBody(new RequestBody().required(true).content(new Content()
                        .addMediaType("application/json", new MediaType().schema(body))))
                .responses(new ApiResponses().addApiResponse("200",
                        new ApiResponse().description("Received; any 2xx will do")));
    }

    private static Class<?> dataOf(WebhookEvent event) {
        return switch (event) {
            case CONVERSION_CREATED, CONVERSION_APPROVED, CONVERSION_REVERSED, CONVERSION_HELD ->
                WebhookPayload.ConversionData.class;
            case PAYMENT_COMPLETED, PAYMENT_FAILED -> WebhookPayload.PaymentData.class;
            case MEMBER_ASSIGNED -> WebhookPayload.AssignmentData.class;
        };
    }

    private static void register(Components components, Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance(true)
                .resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(false));
        components.addSchemas(resolved.schema.getName(), resolved.schema);
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach(components::addSchemas);
        }
    }

    private static String[] eventTypes() {
        return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::type).toArray(String[]::new);
    }

    /** "conversion.created" → "ConversionCreated". */
    private static String camel(String type) {
        StringBuilder out = new StringBuilder();
        for (String part : type.split("\\.")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
