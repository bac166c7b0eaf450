package io.linkledger.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A counterparty's published OpenAPI document, used to check what our WireMock stubs answer
 * and what our clients send: every request a stub served is matched to the document's
 * operation, and its request body and the response body for its status are validated against
 * the operation's schemas (OpenAPI 3.0 dialect, so {@code nullable} counts). A stub that drifts
 * from the real service fails the test that used it.
 *
 * <p>Where a counterparty's recorded answer and its document disagree, the record wins, and the
 * relaxation is written here: PayPal's item {@code errors} carry no {@code debug_id}.
 *
 * <p>Stripe's extract (spec3.extract.json) is not self-contained: a {@code $ref} to a schema it
 * does not carry accepts anything. Operations it does not carry are checked against the named
 * object schema they return ({@link #extra}). Form bodies (Stripe) are read as Stripe reads them:
 * {@code a[b]=c} nests, {@code a[0]=c} is a list, and a value is a boolean or an integer where the
 * parameter's schema says so; a parameter the operation does not list is a problem, as Stripe
 * answers it with "Received unknown parameter".
 */
final class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final JsonNode document;
    private final SchemaRegistry registry;
    private final String uri;
    private final List<Extra> extras = new ArrayList<>();
    private final Set<String> ignoredPaths = new HashSet<>();

    /** An operation the document does not carry: its path pattern and the schema its 2xx answer has. */
    private record Extra(String method, Pattern path, String schema, boolean list) {
    }

    private OpenApiContract(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        this.uri = "https://contract.test/" + name + ".json";
        String text = JSON.writeValueAsString(document);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(uri, text)));
    }

    static OpenApiContract payPal() {
        ObjectNode payouts = (ObjectNode) read("paypal/openapi-payments_payouts_batch_v1.json");
        JsonNode webhooks = read("paypal/openapi-notifications_webhooks_v1.json");
        // One document: the payouts spec with the notifications spec's paths and schemas (names do not clash).
        ObjectNode paths = (ObjectNode) payouts.get("paths");
        webhooks.get("paths").properties().forEach(e -> paths.set(e.getKey(), e.getValue()));
        ObjectNode schemas = (ObjectNode) payouts.get("components").get("schemas");
        webhooks.get("components").get("schemas").properties().forEach(e -> {
            if (!schemas.has(e.getKey())) {
                schemas.set(e.getKey(), e.getValue());
            }
        });
        // PayPal's recorded batch answer (paypal/get-payout-batch-200-with-unclaimed-item.json) has item
        // errors without the debug_id the spec's error schema requires: an item's errors follow the record.
        ObjectNode itemError = (ObjectNode) schemas.get("error").deepCopy();
        itemError.putArray("required").add("name").add("message");
        schemas.set("item_error", itemError);
        for (String item : List.of("payout_batch_items", "payout_item-2")) {
            ((ObjectNode) schemas.get(item).get("properties").get("errors")).put("$ref", "#/components/schemas/item_error");
        }
        OpenApiContract contract = new OpenApiContract("paypal", payouts);
        // OAuth's token endpoint and the certificate download are not in PayPal's Payouts documents.
        contract.ignoredPaths.add("/v1/oauth2/token");
        contract.ignoredPaths.add("/v1/notifications/certs/");
        return contract;
    }

    static OpenApiContract stripe() {
        ObjectNode spec = (ObjectNode) read("stripe/spec3.extract.json");
        acceptMissingReferences(spec, spec);
        OpenApiContract contract = new OpenApiContract("stripe", spec);
        contract.extras.add(new Extra("GET", Pattern.compile("/v1/setup_intents/[^/]+"), "setup_intent", false));
        contract.extras.add(new Extra("GET", Pattern.compile("/v1/payment_methods/[^/]+"), "payment_method", false));
        contract.extras.add(new Extra("POST", Pattern.compile("/v1/payment_methods/[^/]+/detach"), "payment_method",
                false));
        contract.extras.add(new Extra("GET", Pattern.compile("/v1/payment_intents"), "payment_intent", true));
        return contract;
    }

    static JsonNode read(String resource) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/counterparties/" + resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code $ref} to a schema the extract does not carry becomes the schema that accepts anything. */
    private static void acceptMissingReferences(JsonNode root, JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && root.at(ref.asString().substring(1)).isMissingNode()) {
                object.remove("$ref");
                object.put("description", "not in the extract: " + ref.asString());
            }
            object.values().forEach(child -> acceptMissingReferences(root, child));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> acceptMissingReferences(root, child));
        }
    }

    /** Everything wrong with one served exchange; empty when request and answer keep to the document. */
    List<String> problems(ServeEvent event) {
        String method = event.getRequest().getMethod().getName();
        String url = event.getRequest().getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (ignoredPaths.stream().anyMatch(path::startsWith)) {
            return List.of();
        }
        int status = event.getResponse().getStatus();
        String body = event.getResponse().getBodyAsString();
        List<String> problems = new ArrayList<>();
        String where = name + " " + method + " " + path + " -> " + status + ": ";
        String template = operation(path, method);
        if (template == null) {
            for (Extra extra : extras) {
                if (extra.method().equals(method) && extra.path().matcher(path).matches()) {
                    String schema = status < 300 ? extra.schema() : "error";
                    JsonNode answer = JSON.readTree(body);
                    if (status < 300 && extra.list()) {
                        problems.addAll(validate("#/components/schemas/" + schema, answer.path("data"), true));
                    } else {
                        problems.addAll(validate("#/components/schemas/" + schema, answer, false));
                    }
                    return problems.stream().map(p -> where + p).toList();
                }
            }
            return List.of(where + "no such operation in the published document");
        }
        String pointer = "/paths/" + template.replace("~", "~0").replace("/", "~1") + "/" + method.toLowerCase();
        JsonNode operation = document.at(pointer);
        JsonNode content = operation.path("requestBody").path("content");
        byte[] sent = event.getRequest().getBody();
        if (content.has("application/json") && sent != null && sent.length > 0) {
            problems.addAll(validate(pointer + "/requestBody/content/application~1json/schema",
                    JSON.readTree(sent), false).stream().map(p -> "request " + p).toList());
        } else if (content.has("application/x-www-form-urlencoded") && method.equals("POST")) {
            JsonNode schema = content.get("application/x-www-form-urlencoded").get("schema");
            ObjectNode form = form(new String(sent == null ? new byte[0] : sent, StandardCharsets.UTF_8), schema,
                    problems);
            problems.addAll(validate(pointer + "/requestBody/content/application~1x-www-form-urlencoded/schema", form,
                    false).stream().map(p -> "request " + p).toList());
        }
        JsonNode responses = operation.path("responses");
        String code = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        if (!responses.has(code)) {
            problems.add("status " + status + " is not an answer the document lists");
        } else if (!body.isBlank()) {
            problems.addAll(validate(pointer + "/responses/" + code + "/content/application~1json/schema",
                    JSON.readTree(body), false).stream().map(p -> "response " + p).toList());
        }
        return problems.stream().map(p -> where + p).toList();
    }

    /** Problems of a body against the schema at {@code pointer}; for {@code each}, of every element of the array. */
    List<String> validate(String pointer, JsonNode body, boolean each) {
        Schema schema = registry.getSchema(SchemaLocation.of(uri + (pointer.startsWith("#") ? pointer
                : "#" + pointer)));
        List<String> problems = new ArrayList<>();
        if (each) {
            if (!body.isArray()) {
                return List.of("expected a list of objects");
            }
            body.forEach(element -> problems.addAll(check(schema, element)));
        } else {
            problems.addAll(check(schema, body));
        }
        return problems;
    }

    /** Formats (uri, date-time, email) are asserted, not only annotated. */
    private static List<String> check(Schema schema, JsonNode body) {
        return schema.validate(body, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }

    /** The document's path template matching {@code path} for this method, or null. */
    private String operation(String path, String method) {
        Iterator<String> templates = document.get("paths").propertyNames().iterator();
        while (templates.hasNext()) {
            String template = templates.next();
            if (document.get("paths").get(template).has(method.toLowerCase())
                    && path.matches(template.replaceAll("\\{[^/]+}", "[^/]+"))) {
                return template;
            }
        }
        return null;
    }

    /** A form body as the JSON Stripe reads it into, with the parameters the operation does not know noted. */
    static ObjectNode form(String body, JsonNode schema, List<String> problems) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String pair : body.isEmpty() ? new String[0] : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
            List<String> parts = new ArrayList<>();
            int bracket = key.indexOf('[');
            parts.add(bracket < 0 ? key : key.substring(0, bracket));
            if (bracket >= 0) {
                for (String part : key.substring(bracket + 1, key.length() - 1).split("]\\[")) {
                    parts.add(part);
                }
            }
            JsonNode property = schema.path("properties").path(parts.getFirst());
            if (property.isMissingNode()) {
                problems.add("request has parameter " + key + ", which the operation does not take");
                continue;
            }
            put(out, parts, 0, value, property);
        }
        return out;
    }

    private static void put(JsonNode container, List<String> parts, int at, String value, JsonNode schema) {
        String part = parts.get(at);
        boolean last = at == parts.size() - 1;
        JsonNode child = last ? coerce(value, schema) : null;
        if (container instanceof ObjectNode object) {
            if (last) {
                object.set(part, child);
                return;
            }
            JsonNode next = object.get(part);
            if (next == null) {
                next = parts.get(at + 1).matches("\\d+") ? object.putArray(part) : object.putObject(part);
            }
            put(next, parts, at + 1, value, inner(schema, parts.get(at + 1)));
        } else if (container instanceof ArrayNode array) {
            if (last) {
                array.add(child);
                return;
            }
            int index = Integer.parseInt(part);
            JsonNode next = index < array.size() ? array.get(index)
                    : parts.get(at + 1).matches("\\d+") ? array.addArray() : array.addObject();
            put(next, parts, at + 1, value, inner(schema, parts.get(at + 1)));
        }
    }

    /** The schema of a nested part: an object's property, an array's items, or a map's values. */
    private static JsonNode inner(JsonNode schema, String part) {
        for (JsonNode option : options(schema)) {
            if (option.path("properties").has(part)) {
                return option.path("properties").get(part);
            }
            if (option.has("items")) {
                return option.get("items");
            }
            if (option.path("additionalProperties").isObject()) {
                return option.get("additionalProperties");
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static List<JsonNode> options(JsonNode schema) {
        List<JsonNode> options = new ArrayList<>();
        options.add(schema);
        schema.path("anyOf").forEach(options::add);
        return options;
    }

    /** A form value as the parameter's schema reads it: a boolean or an integer where it takes one. */
    private static JsonNode coerce(String value, JsonNode schema) {
        Set<String> types = new HashSet<>();
        options(schema).forEach(option -> types.add(option.path("type").asString("")));
        if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
        }
        if (types.contains("integer") && value.matches("-?\\d{1,18}")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
        }
        return JsonNodeFactory.instance.stringNode(value);
    }
}
