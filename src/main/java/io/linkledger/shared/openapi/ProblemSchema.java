package io.linkledger.shared.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * The body of every error: RFC 9457 problem details as {@code ProblemHandler} writes them, with
 * the field issues of a validation error under {@code errors}. It replaces the schema springdoc
 * derives from Spring's {@code ProblemDetail} class, which has no {@code errors} and names
 * Java getters.
 */
final class ProblemSchema {

    static final String NAME = "Problem";
    private static final String SPRING_NAME = "ProblemDetail";

    private ProblemSchema() {
    }

    static Schema<?> ref() {
        return new Schema<>().$ref("#/components/schemas/" + NAME);
    }

    static void register(OpenAPI openApi) {
        var components = ResponseConventions.components(openApi);
        if (components.getSchemas() != null) {
            components.getSchemas().remove(SPRING_NAME);
        }
        Schema<?> issue = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field, parameter or line at fault"))
                .addProperty("message", new StringSchema().description("What is wrong with it"))
                .required(List.of("field", "message"));
        components.addSchemas(NAME, new ObjectSchema()
                .description("An RFC 9457 problem: what went wrong and what to fix")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("A URI naming the kind of problem; about:blank when the status says it all"))
                .addProperty("title", new StringSchema().description("The status in words, e.g. Bad Request"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong and what to do about it"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The path of the request that failed"))
                .addProperty("errors", new ArraySchema().items(issue)
                        .description("Each invalid field, parameter or CSV line, when there are any"))
                .required(List.of("status", "title")));
    }
}
