package io.linkledger.shared;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

import org.springframework.context.annotation.Configuration;

/**
 * The document's header. The API under {@code /api/v1} takes an API key as a Bearer token; the
 * public edge (postbacks, webhooks, pixel, redirect, dashboard) declares its own credentials.
 * How operations, schemas and errors are described is in {@code shared.openapi}. The server is
 * relative, so the document is the same on every host (and equal to the checked-in copy that
 * the test client is generated from).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Linkledger API", version = "v1",
                description = "Offers, members, tracking links, promo codes, conversions and payouts for affiliate "
                        + "sales tracking. Errors are application/problem+json (RFC 9457)."),
        servers = @Server(url = "/", description = "The Linkledger server that serves this document"),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Authorization: Bearer <api key>")
class OpenApiConfig {
}
