package io.linkledger.dashboard;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * {@code GET /d/{token}.json} in the OpenAPI document. Its controller also serves HTML pages,
 * so springdoc leaves it out; the data endpoint is added here, its body schema resolved from
 * {@link DashboardJson}. The portal answers HTML only and is not part of the document.
 */
// Before shared.openapi.ResponseConventions, which runs last and completes what is described here.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class DashboardApiDocs implements OpenApiCustomizer {

    private static final String SCHEMA = DashboardJson.class.getSimpleName();

    @Override
    public void customise(OpenAPI openApi) {
        ResolvedSchema data = ModelConverters.getInstance(true).readAllAsResolvedSchema(DashboardJson.class);
        data.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
        openApi.getComponents().getSchemas().putIfAbsent(SCHEMA, data.schema);
        Operation read = new Operation()
                .operationId("dashboardData").summary("Read a member's dashboard data")
                .description("What the member's dashboard page shows, as JSON. Public: the token in the link is the "
                        + "credential (rotated or revoked by the brand). At most "
                        + "linkledger.dashboard.requests-per-minute requests a minute per link.")
                .tags(List.of("dashboard")).security(List.of())
                .addParametersItem(new PathParameter().name("token").required(true).schema(new StringSchema())
                        .description("The dashboard link's token"))
                .addParametersItem(new QueryParameter().name("range").required(false)
                        .schema(new StringSchema()._enum(List.of("7", "30", "90", "all")))
                        .description("Days of figures (default 30)"))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("The dashboard's figures")
                                .content(new Content().addMediaType("application/json", new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)))))
                        .addApiResponse("400", error("range is not 7, 30, 90 or all"))
                        .addApiResponse("404", error("There is no dashboard at this address"))
                        .addApiResponse("410", error("The link was replaced by a new one or revoked"))
                        .addApiResponse("429", error("Too many requests for this dashboard; try again in a minute")));
        openApi.getPaths().addPathItem("/d/{token}.json", new PathItem().get(read));
    }

    private static ApiResponse error(String description) {
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/Problem");
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(problem)));
    }
}
