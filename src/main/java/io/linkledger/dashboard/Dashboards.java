package io.linkledger.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.linkledger.brands.BrandSettings;
import io.linkledger.brands.BrandSettingsService;
import io.linkledger.dashboard.PerformanceSource.DailyFigures;
import io.linkledger.dashboard.PerformanceSource.MemberOffer;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Money;
import io.linkledger.shared.PublicUrls;
import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;
import io.linkledger.assignments.DashboardLinks;
import io.linkledger.assignments.PayoutTerms;

/** Builds a member's dashboard from the token in their link. */
@Service
class Dashboards {

    static final int CONVERSIONS_SHOWN = 100;
    static final int PAYMENTS_SHOWN = 50;

    private final Assignments assignments;
    private final DashboardLinks links;
    private final Offers offers;
    private final Members members;
    private final BrandSettingsService brands;
    private final PublicUrls urls;
    private final PerformanceSource performance;
    private final Clock clock;

    Dashboards(Assignments assignments, DashboardLinks links, Offers offers, Members members, BrandSettingsService brands, PublicUrls urls,
            PerformanceSource performance, Clock clock) {
        this.assignments = assignments;
        this.links = links;
        this.offers = offers;
        this.members = members;
        this.brands = brands;
        this.urls = urls;
        this.performance = performance;
        this.clock = clock;
    }

    DashboardLookup find(String token, ChartRange range) {
        Optional<Assignment> found = assignments.findByDashboardToken(token);
        if (found.isEmpty()) {
            return links.findRetired(token)
                    .<DashboardLookup>map(retired -> new DashboardLookup.Retired(retired.reason()))
                    .orElseGet(DashboardLookup.Unknown::new);
        }
        Assignment a = found.get();
        Offer offer = offers.find(a.offerId()).orElseThrow();
        Member member = members.get(a.brandId(), a.memberId());
        BrandSettings brand = brands.get(a.brandId());
        LocalDate today = LocalDate.now(clock.withZone(brand.timeZone()));
        LocalDate from = range.from(today, a.createdAt().atZone(brand.timeZone()).toLocalDate());
        Dashboard.Figures figures = figures(a, offer, brand.timeZone(), from, today);
        return new DashboardLookup.Found(new Dashboard(token, brand.name(),
                brand.logo() == null ? null : brand.logo().dataUrl(), brand.timeZone().getId(), offer.name(),
                offer.description(),
                offer.isLive(clock.instant()), member.firstName(),
                offer.type().hasCode() ? a.promoCode() : null,
                offer.type().hasLink() ? urls.trackingLink(a.linkCode()) : null,
                PayoutTerms.of(offer, a).describe(offer.conversionType()), offer.currency(), range, from, today, figures));
    }

    private Dashboard.Figures figures(Assignment a, Offer offer, ZoneId zone, LocalDate from, LocalDate to) {
        MemberOffer subject = new MemberOffer(a.brandId(), a.offerId(), a.memberId(), a.id(), offer.currency(), zone);
        Money zero = Money.zero(offer.currency());
        List<DailyFigures> daily = everyDay(performance.daily(subject, from, to), from, to, zero);
        Dashboard.Totals totals = new Dashboard.Totals(
                daily.stream().mapToLong(DailyFigures::clicks).sum(),
                daily.stream().mapToLong(DailyFigures::uniqueClicks).sum(),
                daily.stream().mapToLong(DailyFigures::conversions).sum(),
                daily.stream().map(DailyFigures::sales).reduce(zero, Money::plus),
                daily.stream().map(DailyFigures::commission).reduce(zero, Money::plus));
        return new Dashboard.Figures(totals, performance.earnings(subject), daily,
                performance.recentConversions(subject, CONVERSIONS_SHOWN),
                performance.payments(subject, PAYMENTS_SHOWN));
    }

    /** One entry per day, zeros where the source had nothing; days outside the range are ignored. */
    static List<DailyFigures> everyDay(List<DailyFigures> reported, LocalDate from, LocalDate to, Money zero) {
        Map<LocalDate, DailyFigures> byDay = reported.stream()
                .collect(Collectors.toMap(DailyFigures::day, Function.identity(), Dashboards::add));
        List<DailyFigures> all = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            all.add(byDay.getOrDefault(day, new DailyFigures(day, 0, 0, 0, zero, zero)));
        }
        return all;
    }

    private static DailyFigures add(DailyFigures a, DailyFigures b) {
        return new DailyFigures(a.day(), a.clicks() + b.clicks(), a.uniqueClicks() + b.uniqueClicks(),
                a.conversions() + b.conversions(), a.sales().plus(b.sales()), a.commission().plus(b.commission()));
    }
}
