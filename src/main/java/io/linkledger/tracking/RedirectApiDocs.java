package io.linkledger.tracking;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * {@code GET /r/{code}} in the OpenAPI document. The redirect is a servlet filter
 * ({@link RedirectFilter}), so springdoc never sees it; this adds its path item by hand.
 */
// Before shared.openapi.ResponseConventions, which runs last and completes what is described here.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class RedirectApiDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            openApi.setPaths(new Paths());
        }
        Operation follow = new Operation()
                .operationId("redirectFollow").summary("Follow a tracking link")
                .description("Records the click, then redirects to the offer's destination with the click's "
                        + "transaction id filled in, and sets the first-party `ll_tid` cookie the pixel reads. A "
                        + "paused or expired offer redirects to its fallback URL. Public: the code is the link.")
                .tags(List.of("tracking")).security(List.of())
                .addParametersItem(new PathParameter().name("code").required(true).schema(new StringSchema())
                        .description("The member's link code"))
                .responses(new ApiResponses()
                        .addApiResponse("302", new ApiResponse().description("To the destination (or fallback) URL")
                                .addHeaderObject("Location", new Header().description("Where to go")
                                        .schema(new StringSchema().format("uri")))
                                .addHeaderObject("Set-Cookie", new Header().description("ll_tid, the click's "
                                        + "transaction id, for the attribution window").schema(new StringSchema())))
                        .addApiResponse("404", page("No link with this code"))
                        .addApiResponse("410", page("The offer is not available (archived, or ended without a "
                                + "fallback URL)"))
                        .addApiResponse("503", page("The click could not be stored; try again")));
        openApi.getPaths().addPathItem(RedirectFilter.PATH_PREFIX + "{code}", new PathItem().get(follow));
    }

    /** The redirect answers people, not programs: its failures are small HTML pages. */
    private static ApiResponse page(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("text/html", new MediaType().schema(new StringSchema())));
    }
}
