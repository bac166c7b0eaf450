package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

class EmailTemplateApiTest extends ApiTest {

    private static final String PATH = "/api/v1/email-templates/SALES_TRACKING_ITEMS";

    @Test
    void startsFromTheDefaultOfTheOfferTypeAndKeepsTheBrandsEdit() {
        JsonNode link = api.get(PATH + "?offerType=LINK").json();
        assertThat(link.get("template").get("subject").asString()).isEqualTo("Your {{offer.name}} link from {{brand.name}}");
        assertThat(link.get("template").get("body").asString()).contains("{{link}}", "{{dashboard_link}}")
                .doesNotContain("{{promo_code}}");
        assertThat(link.get("saved").asBoolean()).isFalse();

        Map<String, String> edited = Map.of("subject", "Hey {{member.first_name}}",
                "body", "Code **{{promo_code}}** at {{dashboard_link}}");
        assertThat(api.put(PATH + "?offerType=PROMO_CODE", edited).status()).isEqualTo(200);
        JsonNode code = api.get(PATH + "?offerType=PROMO_CODE").json();
        assertThat(code.get("template").get("subject").asString()).isEqualTo("Hey {{member.first_name}}");
        assertThat(code.get("saved").asBoolean()).isTrue();
        assertThat(api.get(PATH + "?offerType=LINK").json().get("saved").asBoolean()).as("other types untouched")
                .isFalse();

        assertThat(api.delete(PATH + "?offerType=PROMO_CODE").json().get("template").get("subject").asString())
                .isEqualTo("Your {{offer.name}} code from {{brand.name}}");
    }

    @Test
    void withoutAnOfferTypeATemplateIsSavedForEveryType() {
        api.put(PATH, Map.of("subject", "Hi", "body", "Your dashboard: {{dashboard_link}}"));
        for (String type : new String[] {"LINK", "PROMO_CODE", "LINK_AND_CODE"}) {
            assertThat(api.get(PATH + "?offerType=" + type).json().get("template").get("body").asString())
                    .isEqualTo("Your dashboard: {{dashboard_link}}");
        }
        assertThat(count("select count(*) from email_templates where brand_id = ?", brand.id())).isEqualTo(3);
    }

    @Test
    void unknownVariablesAndTheOldHtmlShapeAreRejectedWhenSaved() {
        JsonNode body = problem(api.put(PATH, Map.of("subject", "Hi {{member.nickname}}",
                "body", "{{#link}}{{link}}")), 400);
        assertThat(body.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("subject", "body");
        assertThat(body.get("errors").get(0).get("message").asString()).contains("{{member.nickname}}");

        JsonNode old = problem(api.put(PATH, Map.of("subject", "Hi", "html", "<p>x</p>", "text", "x")), 400);
        assertThat(old.get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(count("select count(*) from email_templates where brand_id = ?", brand.id())).isZero();
    }

    @Test
    void aTemplateSavedAsHtmlThatCouldNotBeConvertedIsShownWithItsOriginal() {
        jdbc.sql("""
                insert into email_templates (brand_id, kind, offer_type, subject, legacy_html, legacy_text, updated_at)
                values (?, 'SALES_TRACKING_ITEMS', 'LINK', 'Old subject', '<table><tr><td>{{link}}</td></tr></table>',
                    'Your link: {{link}}', ?)""").params(brand.id(), OffsetDateTime.now()).update();

        JsonNode shown = api.get(PATH + "?offerType=LINK").json();
        assertThat(shown.get("legacy").get("html").asString()).startsWith("<table>");
        assertThat(shown.get("legacy").get("reason").asString()).isEqualTo("uses <table>");
        assertThat(shown.get("template").get("body").asString()).isEqualTo("Your link: {{link}}");

        api.put(PATH + "?offerType=LINK", Map.of("subject", "New", "body", "Link: {{link}}"));
        assertThat(api.get(PATH + "?offerType=LINK").json().get("legacy").isNull()).isTrue();
    }
}
