package io.linkledger.email;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.brands.Brands;
import io.linkledger.ledger.MemberPaid;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.OfferType;

/**
 * Tells a member they were paid: the brand's PAYMENT_NOTICE template (or the default), queued
 * in the outbox inside the transaction that recorded the completed payout, so the email goes
 * out exactly when the payout is recorded as paid. The notice speaks of no offer: its template
 * is the same for every offer type, read as the link-and-code one.
 */
@Component
class PaymentNotices {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Templates templates;
    private final Mailer mailer;
    private final Members members;
    private final Brands brands;

    PaymentNotices(Templates templates, Mailer mailer, Members members, Brands brands) {
        this.templates = templates;
        this.mailer = mailer;
        this.members = members;
        this.brands = brands;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MemberPaid paid) {
        Member member = members.get(paid.brandId(), paid.memberId());
        EmailTemplate template = templates.get(paid.brandId(), TemplateKind.PAYMENT_NOTICE, OfferType.LINK_AND_CODE)
                .template();
        Map<String, String> values = Map.of(
                "member.first_name", member.firstName(),
                "member.name", member.name(),
                "brand.name", brands.find(paid.brandId()).map(b -> b.name()).orElse(""),
                "payment.amount", paid.amount().display(),
                "payment.date", DATE.format(paid.at().atZone(ZoneOffset.UTC)));
        RenderedEmail email = MarkdownEmail.render(template, values);
        mailer.queue(new OutgoingEmail(paid.brandId(), member.id(), TemplateKind.PAYMENT_NOTICE.category(),
                member.email(), email.subject(), email.html(), email.text()));
    }
}
