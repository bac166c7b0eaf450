package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

class EmailTemplateApiTest extends ApiTest {

    private static final String PATH = "/api/v1/email-templates/SALES_TRACKING_ITEMS";

    @Test
    void startsFromTheDefaultAndKeepsTheBrandsEdit() {
        assertThat(api.get(PATH).json().get("html").asString()).contains("{{dashboard_link}}");

        Map<String, String> edited = Map.of("subject", "Hey {{member.first_name}}", "html",
                "<p>Code {{promo_code}} at {{dashboard_link}}</p>", "text", "Code {{promo_code}} at {{dashboard_link}}");
        assertThat(api.put(PATH, edited).status()).isEqualTo(200);
        assertThat(api.get(PATH).json().get("subject").asString()).isEqualTo("Hey {{member.first_name}}");

        assertThat(api.delete(PATH).json().get("subject").asString()).contains("{{offer.name}}");
        assertThat(api.get(PATH).json().get("subject").asString()).contains("{{offer.name}}");
    }

    @Test
    void unknownVariablesAreRejectedWhenSaved() {
        JsonNode body = problem(api.put(PATH, Map.of("subject", "Hi {{member.nickname}}",
                "html", "<p>{{#link}}{{link}}</p>", "text", "ok {{link}}")), 400);
        assertThat(body.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("subject", "html");
        assertThat(body.get("errors").get(0).get("message").asString()).contains("{{member.nickname}}");
        assertThat(count("select count(*) from email_templates where brand_id = ?", brand.id())).isZero();
    }
}
