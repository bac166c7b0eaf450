package io.linkledger.conversions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import io.linkledger.shared.RollupDeltas;

/**
 * What conversions add to one tracking link's rollups on one day of the brand's time zone, in one
 * currency: a row of
 * {@code conversion_rollup_queue}. {@code live} counts conversions of any kind, {@code conversions}
 * all but pay-per-click accruals; the commission is also split by status.
 */
record ConversionDelta(UUID assignmentId, LocalDate conversionDay, String currency, UUID brandId, UUID offerId,
        UUID memberId, long live, long conversions, long salesMinor, long commissionMinor, long pendingCommissionMinor,
        long approvedCommissionMinor, long paidCommissionMinor)
        implements RollupDeltas.Delta<ConversionDelta.Link, ConversionDelta> {

    /** A link's rows are kept per currency. */
    record Link(UUID assignmentId, String currency) implements Comparable<Link> {

        private static final Comparator<Link> ORDER = Comparator.comparing(Link::assignmentId)
                .thenComparing(Link::currency);

        @Override
        public int compareTo(Link other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * What the conversion adds to its day in {@code zone} (the brand's); reversed, held and test
     * conversions (and no conversion) add nothing.
     */
    static Optional<ConversionDelta> of(Conversion c, ZoneId zone) {
        ConversionStatus status = c == null ? null : c.state().status();
        if (c == null || c.source().test() || !status.counts()) {
            return Optional.empty();
        }
        Conversion.Credit credit = c.credit();
        long commission = c.amounts().commission().minor();
        return Optional.of(new ConversionDelta(credit.assignmentId(),
                LocalDate.ofInstant(c.source().convertedAt(), zone),
                c.amounts().commission().currency().getCurrencyCode(), c.brandId(), credit.offerId(),
                credit.memberId(), 1, c.source().kind() == Conversion.Kind.CPC ? 0 : 1, c.amounts().sale().minor(),
                commission, status == ConversionStatus.PENDING ? commission : 0,
                status == ConversionStatus.APPROVED ? commission : 0,
                status == ConversionStatus.PAID ? commission : 0));
    }

    @Override
    public Link link() {
        return new Link(assignmentId, currency);
    }

    @Override
    public LocalDate day() {
        return conversionDay;
    }

    @Override
    public ConversionDelta plus(ConversionDelta o) {
        return new ConversionDelta(assignmentId, conversionDay, currency, brandId, offerId, memberId, live + o.live,
                conversions + o.conversions, salesMinor + o.salesMinor, commissionMinor + o.commissionMinor,
                pendingCommissionMinor + o.pendingCommissionMinor, approvedCommissionMinor + o.approvedCommissionMinor,
                paidCommissionMinor + o.paidCommissionMinor);
    }

    /** Takes back what this added. */
    ConversionDelta negated() {
        return new ConversionDelta(assignmentId, conversionDay, currency, brandId, offerId, memberId, -live,
                -conversions, -salesMinor, -commissionMinor, -pendingCommissionMinor, -approvedCommissionMinor,
                -paidCommissionMinor);
    }

    @Override
    public boolean isZero() {
        return live == 0 && conversions == 0 && salesMinor == 0 && commissionMinor == 0 && pendingCommissionMinor == 0
                && approvedCommissionMinor == 0 && paidCommissionMinor == 0;
    }
}
