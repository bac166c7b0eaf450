package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.linkledger.shared.HtmlPages;

/** One Markdown body becomes an HTML and a plain-text part that say the same. */
class MarkdownEmailTest {

    private static final Map<String, String> ANN = Map.of(
            "member.first_name", "Ann", "member.name", "Ann *Lee* <b>x</b>", "offer.name", "Spring Drop",
            "link", "https://track.example.test/r/ANN1", "promo_code", "ANN_10",
            "dashboard_link", "https://track.example.test/d/tok3n", "brand.name", "Acme & Co");

    private static RenderedEmail render(String body) {
        return MarkdownEmail.render(new EmailTemplate("Hi {{member.first_name}} from {{brand.name}}", body), ANN);
    }

    @Test
    void valuesAreEscapedInHtmlAndNeverReadAsMarkdown() {
        RenderedEmail email = render("Hello **{{member.name}}**, code `{{promo_code}}`.");
        assertThat(email.subject()).isEqualTo("Hi Ann from Acme & Co");
        assertThat(email.html()).contains("<strong>Ann *Lee* &lt;b&gt;x&lt;/b&gt;</strong>").contains("<code>ANN_10</code>")
                .doesNotContain("<b>x</b>").doesNotContain("<em>Lee</em>");
        assertThat(email.text()).isEqualTo("Hello Ann *Lee* <b>x</b>, code ANN_10.\n");
    }

    @Test
    void linksAreClickableInHtmlAndReadAsTextAndAddressInPlainText() {
        RenderedEmail email = render("""
                Your link: {{link}}

                [Open your dashboard]({{dashboard_link}}) or write to partners@acme.example.
                """);
        Element html = Jsoup.parse(email.html()).body();
        assertThat(html.select("a").eachAttr("href")).containsExactly("https://track.example.test/r/ANN1",
                "https://track.example.test/d/tok3n", "mailto:partners@acme.example");
        assertThat(html.selectFirst("a[href$=tok3n]").text()).isEqualTo("Open your dashboard");
        assertThat(email.text()).isEqualTo("""
                Your link: https://track.example.test/r/ANN1

                Open your dashboard (https://track.example.test/d/tok3n) or write to partners@acme.example.
                """);
    }

    @Test
    void bothPartsCarryTheSameWordsAndStructure() {
        RenderedEmail email = render("""
                # Welcome, {{member.first_name}}

                {{#promo_code}}
                Your code: **{{promo_code}}**
                {{/promo_code}}

                - first\\
                  still first
                - second

                > quoted

                Thank you,\\
                {{brand.name}}
                """);
        assertThat(email.text()).isEqualTo("""
                Welcome, Ann

                Your code: ANN_10

                - first
                  still first
                - second

                > quoted

                Thank you,
                Acme & Co
                """);
        assertThat(Jsoup.parse(email.html()).body().text()).isEqualTo(words(email.text()));
        assertThat(email.html()).contains("<h1>Welcome, Ann</h1>", "<li>first<br />", "<blockquote>");
    }

    /** Plain text as a browser shows the same words: without list and quote markers, whitespace collapsed. */
    static String words(String text) {
        return text.replaceAll("(?m)^\\s*([-*>]|\\d+\\.)\\s+", "").replaceAll("\\s+", " ").strip();
    }

    @Test
    void rawHtmlInTheTemplateIsShownAsWrittenNotInterpreted() {
        RenderedEmail email = render("A <script>alert(1)</script> and [x](javascript:alert(1))");
        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("javascript:");
        assertThat(email.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void theConsolePolicyAllowsExactlyTheEmailBodyStyleSoThePreviewShowsIt() throws Exception {
        String style = Jsoup.parse(render("Hi").html()).body().attr("style");
        assertThat(style).isEqualTo(MarkdownEmail.BODY_STYLE);
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        assertThat(HtmlPages.EMAIL_BODY_STYLE_HASH).isEqualTo("'sha256-" + hash + "'");
        assertThat(HtmlPages.CONTENT_SECURITY_POLICY).contains("style-src 'self' 'unsafe-hashes' " + HtmlPages.EMAIL_BODY_STYLE_HASH + ";");
    }
}
