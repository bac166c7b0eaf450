package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Templates saved as HTML and text before Markdown convert when nothing would be lost. */
class LegacyConversionTest {

    private static final List<TemplateVariable> VARIABLES = TemplateKind.SALES_TRACKING_ITEMS.variables();

    /** The HTML body of the pre-Markdown default "Send Sales Tracking Items" template. */
    static final String OLD_DEFAULT_HTML = """
            <p>Hi {{member.first_name}},</p>
            <p>Thanks for partnering with {{brand.name}} on <strong>{{offer.name}}</strong>.
            You earn {{offer.commission}}.</p>
            {{#promo_code}}<p>Your promo code: <strong>{{promo_code}}</strong></p>{{/promo_code}}
            {{#link}}<p>Your tracking link: <a href="{{link}}">{{link}}</a></p>{{/link}}
            {{#dashboard_link}}<p>Follow your clicks, sales and earnings on your personal dashboard:
            <a href="{{dashboard_link}}">{{dashboard_link}}</a></p>{{/dashboard_link}}
            <p>Thank you,<br>{{brand.name}}</p>
            """;

    @Test
    void theOldDefaultBecomesReadableMarkdown() {
        LegacyConversion.Result result = LegacyConversion.convert(OLD_DEFAULT_HTML, VARIABLES);
        assertThat(result.converted()).as(result.reason()).isTrue();
        assertThat(result.markdown()).isEqualTo("""
                Hi {{member.first_name}},

                Thanks for partnering with {{brand.name}} on **{{offer.name}}**. You earn {{offer.commission}}.

                {{#promo_code}}

                Your promo code: **{{promo_code}}**

                {{/promo_code}}
                {{#link}}

                Your tracking link: {{link}}

                {{/link}}
                {{#dashboard_link}}

                Follow your clicks, sales and earnings on your personal dashboard: {{dashboard_link}}

                {{/dashboard_link}}

                Thank you,\\
                {{brand.name}}
                """);
    }

    @Test
    void linksListsAndEmphasisConvertAndTextIsEscaped() {
        LegacyConversion.Result result = LegacyConversion.convert("""
                <h2>Hello *{{member.name}}*</h2>
                <ul><li>Use <em>{{promo_code}}</em></li><li><a href="{{dashboard_link}}" target="_blank">Dashboard</a></li></ul>
                <p>1. Not a list, [not a link]</p>""", VARIABLES);
        assertThat(result.markdown()).isEqualTo("""
                ## Hello \\*{{member.name}}\\*

                - Use *{{promo_code}}*
                - [Dashboard]({{dashboard_link}})

                1\\. Not a list, \\[not a link\\]
                """);
    }

    @Test
    void htmlMarkdownCannotExpressKeepsTheOriginalWithTheReason() {
        assertThat(LegacyConversion.convert("<table><tr><td>{{promo_code}}</td></tr></table>", VARIABLES).reason())
                .isEqualTo("uses <table>");
        assertThat(LegacyConversion.convert("<p style=\"color:red\">Hi</p>", VARIABLES).reason())
                .isEqualTo("uses the attribute style on <p>");
        assertThat(LegacyConversion.convert("<p>Hi <img src=\"x.png\"></p>", VARIABLES).converted()).isFalse();
    }

    @Test
    void aPlainTextBodyBecomesAMarkdownDraft() {
        assertThat(LegacyConversion.draft("Hi {{member.first_name}},\n# 1 fan\n*Code*: {{promo_code}}"))
                .isEqualTo("Hi {{member.first_name}},\n\\# 1 fan\n\\*Code\\*: {{promo_code}}");
    }
}
