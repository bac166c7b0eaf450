package io.linkledger.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * Network remittances. A network pays a period's locked (approved) conversions once: the money
 * settles their network receivable and lands in the brand's pending balance, available after
 * the settlement delay in business days ({@link RemittanceSettlement} moves it).
 */
@Service
public class Remittances {

    private final RemittanceRepository repository;
    private final ConversionLedgerRepository conversions;
    private final Journal journal;
    private final LedgerSettings settings;
    private final Ids ids;
    private final Clock clock;
    private final AuditTrail audit;

    Remittances(RemittanceRepository repository, ConversionLedgerRepository conversions, Journal journal,
            LedgerSettings settings, Ids ids, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.conversions = conversions;
        this.journal = journal;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    /** {@code {network?, period: "2026-10", amount, currency?, receivedOn?}}. */
    public record Request(String network, String period, String amount, String currency, String receivedOn) {
    }

    /** One period: what the approved conversions made the network owe, and what it paid. */
    public record Period(YearMonth period, LocalDate expectedPaymentDate, Money expected, Money received,
            String status) {

        public Currency currency() {
            return expected.currency();
        }

        /** Received minus expected: negative while the network still owes part of the period. */
        public Money difference() {
            return received.minus(expected);
        }

        /** The published OpenAPI schema keeps the name this shape always had. */
        @Schema(name = "Period")
        record View(String period, LocalDate expectedPaymentDate, String expected, String received,
                String difference, String currency, String status) {
        }

        View view() {
            return new View(period.toString(), expectedPaymentDate, expected.toDecimalString(),
                    received.toDecimalString(), difference().toDecimalString(), currency().getCurrencyCode(), status);
        }
    }

    @Transactional
    public Remittance record(UUID brandId, Request request) {
        Validation v = new Validation();
        String network = Validation.isBlank(request.network()) ? "SHAREASALE"
                : request.network().trim().toUpperCase(Locale.ROOT);
        v.check(network.length() <= 32, "network", "must be at most 32 characters");
        YearMonth period = null;
        if (Validation.isBlank(request.period())) {
            v.add("period", "is required, e.g. 2026-10");
        } else {
            try {
                period = YearMonth.parse(request.period().trim());
            } catch (DateTimeParseException e) {
                v.add("period", "'" + request.period() + "' is not a month such as 2026-10");
            }
        }
        Currency currency = Amounts.currency(request.currency(), settings.defaultCurrency(), v, "currency");
        Money amount = Amounts.positive(request.amount(), currency, v, "amount");
        LocalDate today = today();
        LocalDate receivedOn = today;
        if (!Validation.isBlank(request.receivedOn())) {
            try {
                receivedOn = LocalDate.parse(request.receivedOn().trim());
                v.check(!receivedOn.isAfter(today), "receivedOn", "cannot be in the future");
            } catch (DateTimeParseException e) {
                v.add("receivedOn", "'" + request.receivedOn() + "' is not a date such as 2026-11-20");
            }
        }
        v.check(period == null || period.isBefore(YearMonth.from(today)), "period",
                "must be a month that has ended");
        v.throwIfInvalid();
        if (repository.find(brandId, network, period, currency).isPresent()) {
            throw ProblemException.conflict("A " + network + " remittance for " + period + " in "
                    + currency.getCurrencyCode() + " is already recorded");
        }
        UUID id = ids.next();
        Money expected = new Money(conversions.cover(brandId, currency, start(period), start(period.plusMonths(1)),
                id), currency);
        Remittance remittance = new Remittance(id, brandId, network, period, expected, amount, receivedOn,
                BusinessDays.plus(receivedOn, settings.settlementDelayBusinessDays()), "PENDING", clock.instant(),
                null, null, null);
        repository.insert(remittance);
        journal.post(brandId, currency, EntryType.REMITTANCE, id.toString(), network + " remittance for " + period,
                null, List.of(Line.debit(AccountKind.BRAND_CASH_PENDING, amount.minor()),
                        Line.credit(AccountKind.NETWORK_RECEIVABLE, expected.minor()),
                        Line.debit(AccountKind.REMITTANCE_VARIANCE, expected.minus(amount).minor())));
        audit.record(AuditEntry.of(brandId, "remittance.recorded", "remittance", id).change(null, remittance));
        return remittance;
    }

    public List<Remittance> list(UUID brandId) {
        return repository.list(brandId);
    }

    public Remittance get(UUID brandId, UUID id) {
        return repository.find(brandId, id).orElseThrow(() -> ProblemException.notFound("Remittance", id));
    }

    /**
     * Voids a wrong remittance with one balancing entry: the reverse of everything it booked
     * (its pending money, and its available money if it settled), so the books are as if it
     * had never been recorded; the conversions it covered are expected again, and its network,
     * period and currency can be recorded anew. Voiding a voided one changes nothing. Reading no
     * balance, it works even when the wrong amount made balances unreadable.
     */
    @Transactional
    public Remittance voidRemittance(UUID brandId, UUID id, String reason) {
        Validation v = new Validation();
        v.check(!Validation.isBlank(reason), "reason", "is required: say why the remittance is wrong");
        v.check(reason == null || reason.length() <= 200, "reason", "must be at most 200 characters");
        v.throwIfInvalid();
        Remittance remittance = repository.lock(brandId, id)
                .orElseThrow(() -> ProblemException.notFound("Remittance", id));
        if (remittance.voided()) {
            return remittance;
        }
        List<Line> reversal = new ArrayList<>();
        for (EntryType booked : List.of(EntryType.REMITTANCE, EntryType.SETTLEMENT)) {
            journal.lines(brandId, booked, id.toString()).forEach(line ->
                    reversal.add(new Line(line.kind(), line.memberId(), Math.negateExact(line.amount()))));
        }
        journal.post(brandId, remittance.currency(), EntryType.REMITTANCE_VOID, id.toString(),
                remittance.network() + " remittance for " + remittance.period() + " voided: " + reason.trim(),
                "remittance-void:" + id, reversal);
        conversions.uncover(id);
        repository.markVoided(id, reason.trim(), clock.instant());
        Remittance voided = repository.lock(brandId, id).orElseThrow();
        audit.record(AuditEntry.of(brandId, "remittance.voided", "remittance", id).change(remittance, voided));
        return voided;
    }

    /** Expected vs received for the last {@code months} ended months (newest first). */
    public List<Period> periods(UUID brandId, Currency currency, int months) {
        YearMonth current = YearMonth.from(today());
        List<Remittance> recorded = repository.list(brandId).stream()
                .filter(r -> r.currency().equals(currency) && !r.voided()).toList();
        List<Period> periods = new ArrayList<>();
        for (int i = 1; i <= months; i++) {
            YearMonth month = current.minusMonths(i);
            Money expected = new Money(conversions.expectedNetwork(brandId, currency, start(month),
                    start(month.plusMonths(1))), currency);
            List<Remittance> paid = recorded.stream().filter(r -> r.period().equals(month)).toList();
            Money received = paid.stream().map(Remittance::received).reduce(Money.zero(currency), Money::plus);
            String status = paid.isEmpty() ? (expected.minor() == 0 ? "NOTHING_EXPECTED" : "NOT_RECEIVED")
                    : paid.stream().allMatch(r -> r.status().equals("AVAILABLE")) ? "AVAILABLE" : "PENDING";
            periods.add(new Period(month, BusinessDays.shareASalePayDay(month), expected, received, status));
        }
        return periods;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
