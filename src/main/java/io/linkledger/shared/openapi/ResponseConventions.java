package io.linkledger.shared.openapi;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * What every operation of the document shares, applied last (a customizer that adds path items
 * must be ordered before it, as the features' {@code *ApiDocs} are):
 * <ul>
 * <li>bodies say {@code application/json} (errors {@code application/problem+json} with the
 * {@link ProblemSchema}), never {@code *}{@code /*};</li>
 * <li>the errors an API call can give by its shape: 401 for a missing key; 400 when it takes
 * input; 404 when its path names an object; 409 when it writes (a duplicate, a state that does
 * not allow it, or a change made at the same time); 422 when it takes an {@code Idempotency-Key}
 * (reused with another body). Other answers (402, 503, ...) are declared on the handler with
 * {@code @ApiResponse} and get the problem body here;</li>
 * <li>an operation outside {@code /api/} that declares no security takes no API key;</li>
 * <li>operation ids are unique: a handler mapped to several methods gets the method appended;</li>
 * <li>each tag is listed with what it covers.</li>
 * </ul>
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ResponseConventions implements GlobalOpenApiCustomizer {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String ANY = "*/*";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid input: `detail` says what to fix and `errors` names each field",
            "401", "Missing, unknown or revoked API key",
            "404", "No such object, or it belongs to another brand",
            "409", "Conflicts with the current state (a duplicate, a state that does not allow it) or with a change "
                    + "made at the same time",
            "422", "The Idempotency-Key was used before with a different request");

    private final FeatureTags tags;

    ResponseConventions(FeatureTags tags) {
        this.tags = tags;
    }

    @Override
    public void customise(OpenAPI openApi) {
        ProblemSchema.register(openApi);
        if (openApi.getPaths() == null) {
            return;
        }
        Map<String, Integer> ids = new HashMap<>();
        openApi.getPaths().values().forEach(item -> item.readOperations()
                .forEach(operation -> ids.merge(String.valueOf(operation.getOperationId()), 1, Integer::sum)));
        Set<String> usedTags = new TreeSet<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (ids.getOrDefault(String.valueOf(operation.getOperationId()), 0) > 1) {
                operation.setOperationId(operation.getOperationId() + upperFirst(method.name()));
            }
            if (path.startsWith("/api/")) {
                addApiErrors(path, method, operation);
            } else if (operation.getSecurity() == null) {
                operation.setSecurity(List.of());
            }
            fixMediaTypes(operation);
            if (operation.getTags() != null) {
                usedTags.addAll(operation.getTags());
            }
        }));
        openApi.setTags(usedTags.stream().map(tags::tag).sorted(Comparator.comparing(Tag::getName)).toList());
    }

    private static void addApiErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean takesInput = operation.getRequestBody() != null || !parameters.isEmpty();
        addError(responses, "400", takesInput);
        addError(responses, "401", true);
        addError(responses, "404", path.contains("{"));
        addError(responses, "409", WRITES.contains(method));
        addError(responses, "422", parameters.stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName())));
    }

    private static void addError(ApiResponses responses, String status, boolean applies) {
        if (applies && !responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(ERRORS.get(status)));
        }
    }

    private static void fixMediaTypes(Operation operation) {
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().setContent(renamed(operation.getRequestBody().getContent(), JSON));
        }
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problem(response.getContent()));
            } else {
                response.setContent(renamed(response.getContent(), JSON));
            }
        });
    }

    /** Error bodies are problem documents, whatever the handler's annotation left out. */
    private static Content problem(Content content) {
        Content problem = new Content();
        MediaType type = content == null ? null
                : content.getOrDefault(PROBLEM_JSON, content.getOrDefault(ANY, content.get(JSON)));
        if (type == null) {
            type = new MediaType();
        }
        if (type.getSchema() == null || type.getSchema().get$ref() == null
                || type.getSchema().get$ref().endsWith("/ProblemDetail")) {
            type.setSchema(ProblemSchema.ref());
        }
        problem.addMediaType(PROBLEM_JSON, type);
        return problem;
    }

    private static Content renamed(Content content, String to) {
        if (content == null || !content.containsKey(ANY)) {
            return content;
        }
        Content renamed = new Content();
        Map<String, MediaType> kept = new LinkedHashMap<>(content);
        MediaType any = kept.remove(ANY);
        kept.forEach(renamed::addMediaType);
        renamed.putIfAbsent(to, any);
        return renamed;
    }

    private static String upperFirst(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static Components components(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        return openApi.getComponents();
    }
}
