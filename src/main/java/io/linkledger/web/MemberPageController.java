package io.linkledger.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;
import io.linkledger.assignments.Assignments.AssignRequest;
import io.linkledger.assignments.Assignments.AssignmentChange;
import io.linkledger.assignments.Assignments.OverrideRequest;
import io.linkledger.assignments.CommissionOverride;
import io.linkledger.assignments.PayoutTerms;
import io.linkledger.brands.BrandPrincipal;
import io.linkledger.conversions.MemberQuality;
import io.linkledger.ledger.Payments;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferStatus;
import io.linkledger.offers.Offers;
import io.linkledger.offers.PayoutType;
import io.linkledger.reporting.Reports;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * A member's page: their offers with links, code, tier and all-time figures, their payments, and
 * the forms that add them to an offer, change their promo code, and choose their tier or a
 * commission of their own.
 */
@Controller
class MemberPageController {

    /** The override types a brand can choose, with "none" for the tier's commission. */
    static final String NO_OVERRIDE = "NONE";

    private final Members members;
    private final Offers offers;
    private final Assignments assignments;
    private final OfferLinks links;
    private final Reports reports;
    private final Payments payments;
    private final MemberQuality quality;

    MemberPageController(Members members, Offers offers, Assignments assignments, OfferLinks links, Reports reports,
            Payments payments, MemberQuality quality) {
        this.members = members;
        this.offers = offers;
        this.assignments = assignments;
        this.links = links;
        this.reports = reports;
        this.payments = payments;
        this.quality = quality;
    }

    @GetMapping("/members/{id}")
    String show(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, Model model) {
        return page(caller.brandId(), members.get(caller.brandId(), id), Map.of(), Form.empty(), model);
    }

    /** Adds the member to an offer: their link, code and dashboard link are made at once. */
    @PostMapping("/members/{id}/offers")
    String addToOffer(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) UUID offerId, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Member member = members.get(caller.brandId(), id);
        try {
            new Validation().check(offerId != null, "offerId", "choose an offer").throwIfInvalid();
            assignments.assign(caller.brandId(), offerId, new AssignRequest(List.of(id), null, null, Map.of()));
            redirect.addFlashAttribute("notice", member.name() + " was added to "
                    + offers.get(caller.brandId(), offerId).name() + ".");
            return "redirect:/members/" + id + "#offer-" + offerId;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Form adding = new Form(Map.of("offerId", offerId == null ? "" : offerId.toString()), FormErrors.of(e));
            return page(caller.brandId(), member, Map.of(), adding, model);
        }
    }

    @PostMapping("/members/{id}/offers/{offerId}/promo-code")
    String changePromoCode(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID offerId, @RequestParam(required = false) String promoCode, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Member member = members.get(caller.brandId(), id);
        assignments.get(caller.brandId(), offerId, id);
        String code = promoCode == null ? "" : promoCode;
        try {
            Assignment changed = assignments.change(caller.brandId(), offerId, id,
                    new AssignmentChange(code, null, null, null));
            redirect.addFlashAttribute("notice", member.name() + "'s promo code is now " + changed.promoCode() + ".");
            return "redirect:/members/" + id + "#offer-" + offerId;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Form promo = new Form(Map.of("promoCode", code), FormErrors.of(e));
            return page(caller.brandId(), member, Map.of(offerId, new Sent(promo, null)), Form.empty(), model);
        }
    }

    @PostMapping("/members/{id}/offers/{offerId}/commission")
    String changeCommission(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID offerId, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Member member = members.get(caller.brandId(), id);
        assignments.get(caller.brandId(), offerId, id);
        try {
            Assignment changed = assignments.change(caller.brandId(), offerId, id, commissionChange(params));
            Offer offer = offers.get(caller.brandId(), offerId);
            redirect.addFlashAttribute("notice", member.name() + " now earns "
                    + PayoutTerms.of(offer, changed).describe(offer.conversionType()) + " in " + offer.name() + ".");
            return "redirect:/members/" + id + "#offer-" + offerId;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Map<String, String> typed = new LinkedHashMap<>();
            for (String field : List.of("payoutId", "overrideType", "overrideAmount", "overridePercent")) {
                typed.put(field, params.getOrDefault(field, ""));
            }
            Form form = new Form(typed, FormErrors.of(e, MemberPageController::formField));
            return page(caller.brandId(), member, Map.of(offerId, new Sent(null, form)), Form.empty(), model);
        }
    }

    /** The tier chosen and the member's own commission, or none (which removes it). */
    private static AssignmentChange commissionChange(Map<String, String> params) {
        Validation v = new Validation();
        UUID payoutId = null;
        String tier = params.getOrDefault("payoutId", "").trim();
        if (!tier.isEmpty()) {
            try {
                payoutId = UUID.fromString(tier);
            } catch (IllegalArgumentException e) {
                v.add("payoutId", "choose one of the offer's tiers");
            }
        }
        String type = params.getOrDefault("overrideType", NO_OVERRIDE).trim().toUpperCase(Locale.ROOT);
        PayoutType overrideType = null;
        if (!type.isEmpty() && !type.equals(NO_OVERRIDE)) {
            try {
                overrideType = PayoutType.valueOf(type);
            } catch (IllegalArgumentException e) {
                v.add("overrideType", "choose one of the listed kinds");
            }
        }
        v.throwIfInvalid();
        if (overrideType == null) {
            return new AssignmentChange(null, payoutId, null, true);
        }
        return new AssignmentChange(null, payoutId, new OverrideRequest(overrideType,
                params.getOrDefault("overrideAmount", ""), params.getOrDefault("overridePercent", "")), null);
    }

    /** The service names the override's fields {@code commissionOverride.*}; the form names them {@code override*}. */
    private static String formField(String field) {
        return switch (field) {
            case "commissionOverride.type" -> "overrideType";
            case "commissionOverride.amount" -> "overrideAmount";
            case "commissionOverride.percent" -> "overridePercent";
            default -> field;
        };
    }

    /** The forms of one offer as they were sent and refused; null for a form that was not. */
    private record Sent(Form promo, Form commission) {
    }

    private String page(UUID brandId, Member member, Map<UUID, Sent> sent, Form adding, Model model) {
        List<MemberPageView.OfferPart> parts = new ArrayList<>();
        Map<UUID, Offer> byId = new HashMap<>();
        for (Assignment a : assignments.findByMembers(List.of(member.id()))) {
            Offer offer = byId.computeIfAbsent(a.offerId(), offerId -> offers.get(brandId, offerId));
            Reports.Period allTime = reports.since(brandId, a.createdAt());
            Sent refused = sent.get(offer.id());
            Form commission = refused != null && refused.commission() != null ? refused.commission()
                    : commissionForm(offer, a);
            Form promo = refused != null && refused.promo() != null ? refused.promo()
                    : new Form(Map.of("promoCode", a.promoCode() == null ? "" : a.promoCode()), FormErrors.NONE);
            parts.add(new MemberPageView.OfferPart(offer, links.of(offer, a),
                    reports.assignmentFigures(a.id(), offer.currency(), allTime),
                    TierChoices.of(offer, commission.value("payoutId")), commission, promo));
        }
        Set<UUID> joined = byId.keySet();
        List<Choice> others = offers.list(brandId, null, Page.MAX_LIMIT, 0).items().stream()
                .filter(o -> !joined.contains(o.id()) && o.status() != OfferStatus.ARCHIVED)
                .map(o -> new Choice(o.id().toString(), o.name(),
                        o.id().toString().equals(adding.value("offerId"))))
                .collect(Collectors.toList());
        model.addAttribute("page", new MemberPageView(member, parts, others, adding,
                payments.forMember(brandId, member.id()).stream().map(MemberPageView.PaymentLine::of).toList(),
                MemberQualityView.of(quality.of(brandId, member.id()), id -> offers.get(brandId, id).name()),
                (String) model.getAttribute("notice")));
        return "console/members/show";
    }

    private static Form commissionForm(Offer offer, Assignment a) {
        CommissionOverride o = a.override();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("payoutId", PayoutTerms.tier(offer, a).id().toString());
        values.put("overrideType", o == null ? NO_OVERRIDE : o.type().name());
        values.put("overrideAmount", o == null || o.amount() == null ? "" : o.amount().toDecimalString());
        values.put("overridePercent", o == null || o.percent() == null ? ""
                : o.percent().stripTrailingZeros().toPlainString());
        return new Form(values, FormErrors.NONE);
    }
}
