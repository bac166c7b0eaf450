package io.linkledger.shared.openapi;

import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * Swaps the model resolver for one that names schemas with {@link ReadableSchemaNames}. Ordered
 * first among the converters, so springdoc registers it last and it sits where the default one
 * was: behind springdoc's own converters (which unwrap {@code ResponseEntity} and the like).
 */
@Configuration(proxyBeanMethods = false)
class SchemaNaming {

    static {
        // Jackson 3's JsonNode is no bean: swagger-core (on Jackson 2) would list its getters.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class,
                new Schema<>().description("Any JSON value"));
        // Enums are schemas of their own (ConversionStatus, ApiScope, ...): one definition each,
        // and generated clients get one enum type instead of a copy per property.
        ModelResolver.enumsAsRef = true;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver readableSchemaNamesResolver(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper(), new ReadableSchemaNames()).openapi31(mappers.isOpenapi31());
    }
}
