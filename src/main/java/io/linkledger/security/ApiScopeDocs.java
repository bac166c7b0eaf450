package io.linkledger.security;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import io.linkledger.brands.ApiScope;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Writes each API operation's required scopes into the OpenAPI description, from the same rules
 * that enforce them: a line in the description, {@code x-required-scopes}, and the 403 answer.
 */
@Component
class ApiScopeDocs implements OpenApiCustomizer {

    private static final String SCHEME = "Authorization: Bearer <api key>. Each key holds scopes, chosen when "
            + "it is made: " + ApiScope.valueList() + ". reporting:read reads everything but users, keys and other "
            + "admin areas; programs, conversions and payments read and change their own areas; admin does "
            + "everything. An operation lists the scopes of which a key needs one (admin always qualifies).";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSecuritySchemes() != null) {
            openApi.getComponents().getSecuritySchemes().values().forEach(scheme -> scheme.setDescription(SCHEME));
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> document(operation,
                        ApiScopeRules.accepted(HttpMethod.valueOf(method.name()), path.replaceAll("\\{[^}]+}", "x"))));
            }
        });
    }

    private static void document(Operation operation, Set<ApiScope> accepted) {
        String scopes = accepted.stream().sorted().map(ApiScope::value).collect(Collectors.joining(", "));
        String line = "Required scope: " + (accepted.size() == 1 ? scopes : "one of " + scopes) + ".";
        String description = operation.getDescription();
        operation.setDescription(description == null ? line : description + "\n\n" + line);
        operation.addExtension("x-required-scopes", accepted.stream().sorted().map(ApiScope::value).toList());
        if (operation.getResponses() != null) {
            // Always ours, even if a handler declared a 403: the rules say which scopes it takes.
            operation.getResponses().addApiResponse("403", new ApiResponse()
                    .description("The API key lacks the required scope (" + scopes.toLowerCase(Locale.ROOT) + ")")
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
        }
    }
}
