package io.linkledger.email;

/** The pre-generated emails a brand starts from and may edit. */
final class DefaultTemplates {

    private DefaultTemplates() {
    }

    static EmailTemplate of(TemplateKind kind) {
        return switch (kind) {
            case SALES_TRACKING_ITEMS -> SALES_TRACKING_ITEMS;
            case DASHBOARD_LINKS -> DASHBOARD_LINKS;
            case PAYMENT_NOTICE -> PAYMENT_NOTICE;
        };
    }

    private static final EmailTemplate SALES_TRACKING_ITEMS = new EmailTemplate(
            "Your {{offer.name}} link and code from {{brand.name}}",
            """
            <p>Hi {{member.first_name}},</p>
            <p>Thanks for partnering with {{brand.name}} on <strong>{{offer.name}}</strong>.
            You earn {{offer.commission}}.</p>
            {{#promo_code}}<p>Your promo code: <strong>{{promo_code}}</strong></p>{{/promo_code}}
            {{#link}}<p>Your tracking link: <a href="{{link}}">{{link}}</a></p>{{/link}}
            {{#dashboard_link}}<p>Follow your clicks, sales and earnings on your personal dashboard:
            <a href="{{dashboard_link}}">{{dashboard_link}}</a></p>{{/dashboard_link}}
            <p>Thank you,<br>{{brand.name}}</p>
            """,
            """
            Hi {{member.first_name}},

            Thanks for partnering with {{brand.name}} on {{offer.name}}. You earn {{offer.commission}}.
            {{#promo_code}}
            Your promo code: {{promo_code}}{{/promo_code}}{{#link}}
            Your tracking link: {{link}}{{/link}}
            {{#dashboard_link}}
            Follow your clicks, sales and earnings on your personal dashboard:
            {{dashboard_link}}
            {{/dashboard_link}}
            Thank you,
            {{brand.name}}
            """);

    private static final EmailTemplate DASHBOARD_LINKS = new EmailTemplate(
            "Your {{offer.name}} performance dashboard",
            """
            <p>Hi {{member.first_name}},</p>
            <p>You now have a personal performance dashboard for <strong>{{offer.name}}</strong>.
            It shows your {{#promo_code}}promo code, {{/promo_code}}{{#link}}tracking link, {{/link}}the
            commission you earn ({{offer.commission}}), the conversions you have driven, your earnings
            and the payments {{brand.name}} has made to you.</p>
            <p><a href="{{dashboard_link}}">Open your dashboard</a></p>
            <p>The link is personal to you and this offer: please don't share it.</p>
            <p>Thank you,<br>{{brand.name}}</p>
            """,
            """
            Hi {{member.first_name}},

            You now have a personal performance dashboard for {{offer.name}}. It shows your \
            {{#promo_code}}promo code, {{/promo_code}}{{#link}}tracking link, {{/link}}the commission you earn \
            ({{offer.commission}}), the conversions you have driven, your earnings and the payments \
            {{brand.name}} has made to you.

            Open your dashboard: {{dashboard_link}}

            The link is personal to you and this offer: please don't share it.

            Thank you,
            {{brand.name}}
            """);

    private static final EmailTemplate PAYMENT_NOTICE = new EmailTemplate(
            "{{brand.name}} paid you {{payment.amount}}",
            """
            <p>Hi {{member.first_name}},</p>
            <p>{{brand.name}} has paid you <strong>{{payment.amount}}</strong> in commission
            ({{payment.date}}). Depending on how it was sent, it can take a few days to reach your account.</p>
            <p>Thank you,<br>{{brand.name}}</p>
            """,
            """
            Hi {{member.first_name}},

            {{brand.name}} has paid you {{payment.amount}} in commission ({{payment.date}}). Depending on how it \
            was sent, it can take a few days to reach your account.

            Thank you,
            {{brand.name}}
            """);
}
