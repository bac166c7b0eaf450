package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.linkledger.offers.OfferType;

/** Every kind has a default per offer type that speaks of what that offer gives the member. */
class DefaultTemplatesTest {

    @Test
    void everyDefaultIsAValidTemplate() {
        for (TemplateKind kind : TemplateKind.values()) {
            for (OfferType type : OfferType.values()) {
                EmailTemplate t = DefaultTemplates.of(kind, type);
                assertThat(Personalisation.problems(t.subject() + "\n" + t.body(), kind.variables()))
                        .as(kind + " " + type).isEmpty();
            }
        }
    }

    @Test
    void salesTrackingItemsSubjectsNameWhatTheOfferHas() {
        assertThat(DefaultTemplates.of(TemplateKind.SALES_TRACKING_ITEMS, OfferType.LINK).subject())
                .isEqualTo("Your {{offer.name}} link from {{brand.name}}");
        assertThat(DefaultTemplates.of(TemplateKind.SALES_TRACKING_ITEMS, OfferType.PROMO_CODE).subject())
                .isEqualTo("Your {{offer.name}} code from {{brand.name}}");
        assertThat(DefaultTemplates.of(TemplateKind.SALES_TRACKING_ITEMS, OfferType.LINK_AND_CODE).subject())
                .isEqualTo("Your {{offer.name}} link and code from {{brand.name}}");
    }

    @Test
    void bodiesMentionOnlyWhatTheOfferHas() {
        for (TemplateKind kind : List.of(TemplateKind.SALES_TRACKING_ITEMS, TemplateKind.DASHBOARD_LINKS)) {
            String link = DefaultTemplates.of(kind, OfferType.LINK).body();
            String code = DefaultTemplates.of(kind, OfferType.PROMO_CODE).body();
            String both = DefaultTemplates.of(kind, OfferType.LINK_AND_CODE).body();
            assertThat(link).as(kind.name()).contains("tracking link").doesNotContain("promo code");
            assertThat(code).as(kind.name()).contains("promo code").doesNotContain("tracking link").doesNotContain("{{link}}");
            assertThat(both).as(kind.name()).contains("promo code", "tracking link");
            assertThat(link + code + both).contains("{{dashboard_link}}");
        }
    }

    @Test
    void thePaymentNoticeSpeaksOfTheAmountAndNoOffer() {
        for (OfferType type : OfferType.values()) {
            EmailTemplate notice = DefaultTemplates.of(TemplateKind.PAYMENT_NOTICE, type);
            assertThat(notice.subject()).isEqualTo("{{brand.name}} paid you {{payment.amount}}");
            assertThat(notice.body()).contains("{{payment.amount}}", "{{payment.date}}").doesNotContain("offer");
        }
    }
}
