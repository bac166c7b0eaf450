package io.linkledger.conversions;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import io.linkledger.shared.RollupDeltas;

/**
 * What conversions add to one tracking link's rollups on one UTC day, in one currency (a queue
 * row). {@code live} counts conversions of any kind, {@code conversions} all but pay-per-click
 * accruals; amounts in minor units, commission also split by status.
 */
record ConversionDelta(UUID assignmentId, LocalDate day, String currency, UUID brandId, UUID offerId, UUID memberId,
        long live, long conversions, long sales, long commission, long pending, long approved, long paid)
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

    /** What the conversion adds to its day; reversed and test conversions (and no conversion) add nothing. */
    static Optional<ConversionDelta> of(Conversion c) {
        if (c == null || c.test() || c.status() == ConversionStatus.REVERSED) {
            return Optional.empty();
        }
        long commission = c.commission().minor();
        return Optional.of(new ConversionDelta(c.assignmentId(), LocalDate.ofInstant(c.convertedAt(), ZoneOffset.UTC),
                c.commission().currency().getCurrencyCode(), c.brandId(), c.offerId(), c.memberId(), 1,
                c.kind() == Conversion.Kind.CPC ? 0 : 1, c.sale().minor(), commission,
                c.status() == ConversionStatus.PENDING ? commission : 0,
                c.status() == ConversionStatus.APPROVED ? commission : 0,
                c.status() == ConversionStatus.PAID ? commission : 0));
    }

    @Override
    public Link link() {
        return new Link(assignmentId, currency);
    }

    @Override
    public ConversionDelta plus(ConversionDelta o) {
        return new ConversionDelta(assignmentId, day, currency, brandId, offerId, memberId, live + o.live,
                conversions + o.conversions, sales + o.sales, commission + o.commission, pending + o.pending,
                approved + o.approved, paid + o.paid);
    }

    /** Takes back what this added. */
    ConversionDelta negated() {
        return new ConversionDelta(assignmentId, day, currency, brandId, offerId, memberId, -live, -conversions, -sales,
                -commission, -pending, -approved, -paid);
    }

    boolean isZero() {
        return live == 0 && conversions == 0 && sales == 0 && commission == 0 && pending == 0 && approved == 0
                && paid == 0;
    }
}
