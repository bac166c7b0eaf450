package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonalisationTest {

    private static final List<TemplateVariable> VARIABLES = TemplateKind.SALES_TRACKING_ITEMS.variables();
    private static final Map<String, String> JANE = Map.of("member.first_name", "Jane", "promo_code", "JANE47",
            "brand.name", "Acme <Labs> & Co");

    @Test
    void insertsValuesAndEscapesThemInHtml() {
        assertThat(Personalisation.render("Hi {{ member.first_name }} from {{brand.name}}", JANE, true))
                .isEqualTo("Hi Jane from Acme &lt;Labs&gt; &amp; Co");
        assertThat(Personalisation.render("{{brand.name}}", JANE, false)).isEqualTo("Acme <Labs> & Co");
    }

    @Test
    void sectionsShowOnlyWhenTheMemberHasTheValue() {
        String template = "{{#promo_code}}Code: {{promo_code}}.{{/promo_code}}{{#link}} Link: {{link}}{{/link}}";
        assertThat(Personalisation.render(template, JANE, false)).isEqualTo("Code: JANE47.");
    }

    @Test
    void sectionTagsAloneOnTheirLineTakeTheLineWithThem() {
        String template = """
                Hi,

                {{#link}}
                Your link: {{link}}
                {{/link}}

                {{#promo_code}}
                Your code: {{promo_code}}
                {{/promo_code}}

                Bye""";
        assertThat(Personalisation.sections(template, JANE)).isEqualTo("""
                Hi,


                Your code: {{promo_code}}

                Bye""");
        assertThat(Personalisation.fill("Your code: {{promo_code}}", JANE)).isEqualTo("Your code: JANE47");
    }

    @Test
    void namesUnknownVariablesAndBrokenSections() {
        assertThat(Personalisation.problems("Hi {{member.nickname}}", VARIABLES)).singleElement().asString()
                .contains("{{member.nickname}}");
        assertThat(Personalisation.problems("{{#nickname}}x{{/nickname}}", VARIABLES)).singleElement().asString()
                .contains("unknown variable {{nickname}}");
        assertThat(Personalisation.problems("{{#link}}open", VARIABLES)).singleElement().asString()
                .contains("never closed");
        assertThat(Personalisation.problems("{{/link}}", VARIABLES)).singleElement().asString().contains("not open");
        assertThat(Personalisation.problems("Hi {{member.name", VARIABLES)).singleElement().asString()
                .contains("closing");
        assertThat(Personalisation.problems("Hi {{member.name}}, {{dashboard_link}}", VARIABLES)).isEmpty();
    }
}
