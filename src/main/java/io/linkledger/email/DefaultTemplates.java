package io.linkledger.email;

import io.linkledger.offers.OfferType;

/**
 * The pre-generated emails a brand starts from and may edit, in Markdown: one per kind and offer
 * type, so a link offer's email speaks of a link, a code offer's of a code, and a link-and-code
 * offer's of both.
 */
final class DefaultTemplates {

    private static final String GREETING = """
            Hi {{member.first_name}},

            """;

    private static final String SIGNATURE = """
            Thank you,\\
            {{brand.name}}
            """;

    private DefaultTemplates() {
    }

    static EmailTemplate of(TemplateKind kind, OfferType type) {
        return switch (kind) {
            case SALES_TRACKING_ITEMS -> new EmailTemplate(
                    "Your {{offer.name}} " + items(type) + " from {{brand.name}}", salesTrackingItems(type));
            case DASHBOARD_LINKS -> new EmailTemplate("Your {{offer.name}} performance dashboard", dashboardLinks(type));
            case PAYMENT_NOTICE -> new EmailTemplate("{{brand.name}} paid you {{payment.amount}}", GREETING + """
                    {{brand.name}} has paid you **{{payment.amount}}** in commission ({{payment.date}}). Depending on
                    how it was sent, it can take a few days to reach your account.

                    """ + SIGNATURE);
        };
    }

    /** What the member promotes the offer with, in words. */
    private static String items(OfferType type) {
        return switch (type) {
            case LINK -> "link";
            case PROMO_CODE -> "code";
            case LINK_AND_CODE -> "link and code";
        };
    }

    private static String salesTrackingItems(OfferType type) {
        StringBuilder body = new StringBuilder(GREETING).append("""
                Thanks for partnering with {{brand.name}} on **{{offer.name}}**. You earn {{offer.commission}}.

                """);
        if (type.hasCode()) {
            body.append("""
                    {{#promo_code}}
                    Your promo code: **{{promo_code}}**
                    {{/promo_code}}

                    """);
        }
        if (type.hasLink()) {
            body.append("""
                    Your tracking link: {{link}}

                    """);
        }
        body.append(switch (type) {
            case LINK -> "Share your link wherever you post: every sale through it counts for you.\n\n";
            case PROMO_CODE -> "Share your code with your audience: every order placed with it counts for you.\n\n";
            case LINK_AND_CODE -> "Share them wherever you post: every sale through your link or with your code"
                    + " counts for you.\n\n";
        });
        return body.append("""
                {{#dashboard_link}}
                Follow your sales and earnings on [your personal dashboard]({{dashboard_link}}).
                {{/dashboard_link}}

                """).append(SIGNATURE).toString();
    }

    private static String dashboardLinks(OfferType type) {
        String shows = switch (type) {
            case LINK -> "your tracking link, the commission you earn ({{offer.commission}}), the clicks and sales"
                    + " you have driven";
            case PROMO_CODE -> "your promo code, the commission you earn ({{offer.commission}}), the orders placed"
                    + " with your code";
            case LINK_AND_CODE -> "your promo code and tracking link, the commission you earn ({{offer.commission}}),"
                    + " the clicks and sales you have driven";
        };
        return GREETING + "You now have a personal performance dashboard for **{{offer.name}}**. It shows " + shows
                + ", your earnings and the payments {{brand.name}} has made to you.\n\n" + """
                [Open your dashboard]({{dashboard_link}})

                The link is personal to you and this offer: please don't share it.

                """ + SIGNATURE;
    }
}
