package io.linkledger.conversions;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import io.linkledger.jobs.Jobs;
import io.linkledger.jobs.Progress;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;

/**
 * Reconciles conversions against a network's activity report: reverses what the network
 * voided, adjusts amounts it edited or corrected, approves what it locked, and lists what exists
 * on one side only. Every action checks the current state first, so importing again changes
 * nothing.
 *
 * <p>An adjustment row (ShareASale's {@code Reference Trans} names another transaction) changes
 * the conversion of the transaction it references by its own amounts, once per adjustment: a
 * negative {@code Trans Amount} lowers the sale (and the member's commission with it), its
 * {@code Commission} what the network pays; nothing left reverses the conversion. The referenced
 * transaction's own row keeps its original amount in ShareASale's report, so it is compared with
 * the conversion net of the adjustments applied to it.
 */
@Service
public class ReportImport {

    /** Our column roles; each maps to a header in the report. */
    static final List<String> ROLES = List.of("transId", "orderId", "amount", "commission", "voided", "locked", "date",
            "referenceTransId");

    /** ShareASale's activity report headers (compared ignoring case, spaces and punctuation). */
    private static final Map<String, List<String>> SHAREASALE = Map.of(
            "transId", List.of("transid", "transactionid"),
            "orderId", List.of("ordernumber", "orderid"),
            "amount", List.of("transamount", "saleamount", "amountofsale", "amount"),
            "commission", List.of("commission"),
            "voided", List.of("voided"),
            "locked", List.of("locked"),
            "date", List.of("transdate", "date"),
            "referenceTransId", List.of("referencetrans", "referencetransid"));

    /** Date forms of the reports: ShareASale's {@code 01/03/2026 12:41:28 PM} first; all strict. */
    private static final List<DateTimeFormatter> DATES = Stream.of("MM/dd/uuuu hh:mm:ss a", "uuuu-MM-dd HH:mm:ss",
            "MM/dd/uuuu HH:mm:ss", "uuuu-MM-dd HH:mm:ss.S")
            .map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.US).withResolverStyle(ResolverStyle.STRICT))
            .toList();

    /** The history action of an adjustment row applied to the conversion it references. */
    private static final String ADJUSTED = "NETWORK_ADJUSTED";

    /**
     * The job's result lists at most this many of each (with the full counts), each value from the
     * report cut short, so a report of any size and content has a result that fits its job's row.
     */
    private static final int MAX_LISTED = 40;
    private static final int MAX_PROBLEMS = 5;
    private static final int MAX_VALUE = 32;

    private final Integrations integrations;
    private final ConversionRepository repository;
    private final Conversions conversions;
    private final Jobs jobs;

    ReportImport(Integrations integrations, ConversionRepository repository, Conversions conversions, Jobs jobs) {
        this.integrations = integrations;
        this.repository = repository;
        this.conversions = conversions;
        this.jobs = jobs;
    }

    /** Checks the report's shape now (a 400 writes nothing), then reconciles it as a job. */
    public UUID start(UUID brandId, UUID integrationId, String csv, Map<String, String> columns) {
        Integration integration = integrations.get(brandId, integrationId);
        ReportTable table = ReportTable.parse(csv);
        Map<String, Integer> at = columns(table.header(), columns);
        if (!at.containsKey("transId") && !at.containsKey("orderId")) {
            throw ProblemException.invalid("columns", "the report needs a transaction id or order number column; "
                    + "headers found: " + InboundFields.echo(String.join(", ", table.header())));
        }
        List<List<String>> data = table.rows();
        return jobs.start(brandId, "network-report-import", data.size(),
                progress -> reconcile(integration, data, at, progress));
    }

    private static Map<String, Integer> columns(List<String> header, Map<String, String> mapping) {
        Map<String, Integer> at = new LinkedHashMap<>();
        for (String role : ROLES) {
            List<String> names = mapping != null && mapping.get(role) != null ? List.of(normal(mapping.get(role)))
                    : SHAREASALE.get(role);
            for (int i = 0; i < header.size() && !at.containsKey(role); i++) {
                if (names.contains(normal(header.get(i)))) {
                    at.put(role, i);
                }
            }
        }
        if (mapping != null) {
            mapping.keySet().stream().filter(role -> !ROLES.contains(role)).findFirst().ifPresent(role -> {
                throw ProblemException.invalid("columns." + role, "is not a column role; roles are " + ROLES);
            });
        }
        return at;
    }

    /** What reconciling a report did so far. */
    private static final class Tally {
        int matched;
        int reversed;
        int adjusted;
        int approved;
        final List<Map<String, String>> problems = new ArrayList<>();
        int problemCount;
        final List<String> onlyInReport = new ArrayList<>();
        int onlyInReportCount;
        final Set<UUID> seen = new HashSet<>();
        Instant first;
        Instant last;

        void dated(Instant date) {
            if (date != null) {
                first = first == null || date.isBefore(first) ? date : first;
                last = last == null || date.isAfter(last) ? date : last;
            }
        }
    }

    private Map<String, Object> reconcile(Integration integration, List<List<String>> rows, Map<String, Integer> at,
            Progress progress) {
        Tally tally = new Tally();
        // Adjustments first, so each transaction's own row is then compared net of all applied to it.
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                boolean adjustment = cell(row, at, "referenceTransId") != null;
                if (adjustment == (pass == 0)) {
                    reconcileRow(integration, row, r, at, tally);
                    progress.advance(1);
                }
            }
        }
        List<String> onlyInLinkledger = new ArrayList<>();
        int onlyInLinkledgerCount = 0;
        Instant from = tally.first == null ? Instant.EPOCH : tally.first;
        Instant to = tally.last == null ? Instant.parse("9999-01-01T00:00:00Z") : tally.last;
        for (String[] idAndKey : repository.keysOfIntegration(integration.id(), from, to)) {
            if (!tally.seen.contains(UUID.fromString(idAndKey[0]))) {
                add(onlyInLinkledger, idAndKey[0]);
                onlyInLinkledgerCount++;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", rows.size());
        result.put("matched", tally.matched);
        result.put("reversed", tally.reversed);
        result.put("adjusted", tally.adjusted);
        result.put("approved", tally.approved);
        result.put("problems", tally.problems);
        result.put("problemCount", tally.problemCount);
        result.put("onlyInReport", tally.onlyInReport);
        result.put("onlyInReportCount", tally.onlyInReportCount);
        result.put("onlyInLinkledger", onlyInLinkledger);
        result.put("onlyInLinkledgerCount", onlyInLinkledgerCount);
        return result;
    }

    private void reconcileRow(Integration integration, List<String> row, int r, Map<String, Integer> at,
            Tally tally) {
        String transId = cell(row, at, "transId");
        String orderId = cell(row, at, "orderId");
        String reference = cell(row, at, "referenceTransId");
        tally.dated(date(cell(row, at, "date"), integration));
        Optional<Conversion> found = reference != null ? find(integration, reference, null)
                : find(integration, transId, orderId);
        if (found.isEmpty()) {
            add(tally.onlyInReport, cut(transId != null ? transId : orderId != null ? orderId : "row " + (r + 2),
                    MAX_VALUE));
            tally.onlyInReportCount++;
            return;
        }
        tally.matched++;
        tally.seen.add(found.get().id());
        try {
            if (reference != null) {
                applyAdjustment(found.get(), transId, row, at, tally);
            } else {
                apply(found.get(), row, at, tally);
            }
        } catch (ProblemException e) {
            tally.problemCount++;
            if (tally.problems.size() < MAX_PROBLEMS) {
                tally.problems.add(Map.of("row", String.valueOf(r + 2), "conversionId", found.get().id().toString(),
                        "problem", cut(e.getMessage(), 120)));
            }
        }
    }

    /** Brings one matched conversion in line with its report row: voided, edited, locked. */
    private void apply(Conversion c, List<String> row, Map<String, Integer> at, Tally tally) {
        if (truthy(cell(row, at, "voided"))) {
            if (c.state().status() != ConversionStatus.REVERSED) {
                conversions.reverseFrom(c, "NETWORK_VOIDED", "Voided in the network's report");
                tally.reversed++;
            }
            return;
        }
        Money sale = c.amounts().sale();
        Money amount = money(cell(row, at, "amount"), c, "amount", false);
        Money network = money(cell(row, at, "commission"), c, "commission", false);
        // The network's report shows a transaction as it was made; its adjustment rows are applied on top.
        Adjustments applied = adjustmentsOf(c);
        Money expectedSale = amount == null ? null : amount.plus(new Money(applied.sale(), sale.currency()));
        Money expectedNetwork = network == null ? null : network.plus(new Money(applied.network(), sale.currency()));
        boolean amountEdited = expectedSale != null && !expectedSale.equals(sale);
        boolean networkEdited = expectedNetwork != null && !expectedNetwork.equals(c.amounts().networkCommission());
        if (amountEdited || networkEdited) {
            c = conversions.adjust(c, amountEdited ? expectedSale : sale,
                    networkEdited ? expectedNetwork : c.amounts().networkCommission(), "NETWORK_EDITED",
                    "Edited in the network's report: sale " + sale.toDecimalString() + " -> "
                            + (amountEdited ? expectedSale : sale).toDecimalString());
            tally.adjusted++;
        }
        if (truthy(cell(row, at, "locked")) && c.state().status() == ConversionStatus.PENDING) {
            conversions.approveFrom(c, "NETWORK_LOCKED", "Locked in the network's report");
            tally.approved++;
        }
    }

    /** Applies an adjustment row to the conversion it references, once: a voided adjustment changes nothing. */
    private void applyAdjustment(Conversion c, String transId, List<String> row, Map<String, Integer> at,
            Tally tally) {
        String marker = "Network adjustment " + (transId == null ? "" : transId) + ":";
        if (truthy(cell(row, at, "voided"))
                || repository.changes(c.id()).stream().anyMatch(ch -> ch.reason() != null
                        && ch.reason().startsWith(marker))) {
            return;
        }
        if (transId == null) {
            throw ProblemException.invalid("transId", "an adjustment row needs its own transaction id");
        }
        Money sale = c.amounts().sale();
        Money delta = money(cell(row, at, "amount"), c, "amount", true);
        Money networkDelta = money(cell(row, at, "commission"), c, "commission", true);
        Money newSale = delta == null ? sale : sale.plus(delta);
        Money network = c.amounts().networkCommission();
        Money newNetwork = networkDelta == null ? network
                : (network == null ? Money.zero(sale.currency()) : network).plus(networkDelta);
        if (newSale.minor() <= 0) {
            if (c.state().status() != ConversionStatus.REVERSED) {
                conversions.reverseFrom(c, ADJUSTED, marker + " nothing of the sale is left");
                tally.reversed++;
            }
            return;
        }
        conversions.adjust(c, newSale, newNetwork, ADJUSTED, marker + " sale " + sale.toDecimalString() + " -> "
                + newSale.toDecimalString());
        tally.adjusted++;
    }

    /** What the adjustment rows applied so far changed, in minor units, from the conversion's history. */
    private record Adjustments(long sale, long network) {
    }

    private Adjustments adjustmentsOf(Conversion c) {
        long sale = 0;
        long network = 0;
        ConversionRepository.Change previous = null;
        for (ConversionRepository.Change change : repository.changes(c.id())) {
            if (previous != null && ADJUSTED.equals(change.action())) {
                sale += change.saleMinor() - previous.saleMinor();
                network += orZero(change.networkCommissionMinor()) - orZero(previous.networkCommissionMinor());
            }
            previous = change;
        }
        return new Adjustments(sale, network);
    }

    private static long orZero(Long minor) {
        return minor == null ? 0 : minor;
    }

    /**
     * The integration's conversion of a report row, by transaction id, then order id. No conversion
     * holds an id intake would refuse, so such a cell is not looked up at all (PostgreSQL refuses a
     * NUL even as a query parameter).
     */
    private Optional<Conversion> find(Integration integration, String transId, String orderId) {
        String trans = lookable(transId);
        String order = lookable(orderId);
        if (trans != null) {
            for (String kind : List.of("t:", "e:", "x:")) {
                Optional<Conversion> c = repository.findByKey(integration.brandId(),
                        integration.conversionKey(kind + trans));
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        if (order != null) {
            Optional<Conversion> c = repository.findByKey(integration.brandId(),
                    integration.conversionKey("o:" + order));
            if (c.isPresent()) {
                return c;
            }
            List<Conversion> byOrder = repository.forOrder(integration.id(), Conversion.Source.orderKeyOf(order));
            return byOrder.isEmpty() ? Optional.empty() : Optional.of(byOrder.getFirst());
        }
        return Optional.empty();
    }

    private static String lookable(String id) {
        return id == null || id.length() > InboundFields.MAX_ID || id.chars().anyMatch(Character::isISOControl) ? null
                : id;
    }

    /** An amount of the report in the conversion's currency ($ and thousands commas allowed); negative only for adjustments. */
    private static Money money(String text, Conversion c, String field, boolean signed) {
        if (text == null) {
            return null;
        }
        try {
            Money money = Money.parse(text.replace("$", "").replace(",", ""), c.amounts().sale().currency());
            if (money.isNegative() && !signed) {
                throw ProblemException.invalid(field, InboundFields.echo(text) + " is negative on a transaction row");
            }
            return money;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    private static Instant date(String text, Integration integration) {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDateTime.parse(text, format).atZone(integration.reading().timeZone()).toInstant();
            } catch (DateTimeException e) {
                // try the next form
            }
        }
        return null;
    }

    private static boolean truthy(String text) {
        if (text == null) {
            return false;
        }
        return !List.of("0", "false", "no", "n", "").contains(text.trim().toLowerCase(Locale.ROOT));
    }

    /** The cell of a role, trimmed; null when the report has no such column, or it is blank or "NO DATA". */
    private static String cell(List<String> row, Map<String, Integer> at, String role) {
        Integer i = at.get(role);
        if (i == null || i >= row.size() || row.get(i).isBlank() || row.get(i).trim().equalsIgnoreCase("NO DATA")) {
            return null;
        }
        return row.get(i).trim();
    }

    private static void add(List<String> list, String value) {
        if (list.size() < MAX_LISTED) {
            list.add(value);
        }
    }

    private static String cut(String text, int max) {
        String kept = text.length() <= max ? text : text.substring(0, max) + "…";
        return kept.replaceAll("\\p{Cntrl}", "?");
    }

    private static String normal(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
