package io.linkledger.conversions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.linkledger.jobs.Jobs;
import io.linkledger.jobs.Progress;
import io.linkledger.shared.Csv;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;

/**
 * Reconciles conversions against a network's activity report: reverses what the network
 * voided, adjusts amounts it edited, approves what it locked, and lists what exists on one
 * side only. Every action checks the current state first, so importing again changes nothing.
 */
@Service
public class ReportImport {

    /** Our column roles; each maps to a header in the report. */
    static final List<String> ROLES = List.of("transId", "orderId", "amount", "commission", "voided", "locked", "date");

    /** ShareASale's activity report headers (compared ignoring case, spaces and punctuation). */
    private static final Map<String, List<String>> SHAREASALE = Map.of(
            "transId", List.of("transid", "transactionid"),
            "orderId", List.of("ordernumber", "orderid"),
            "amount", List.of("transamount", "saleamount", "amountofsale", "amount"),
            "commission", List.of("commission"),
            "voided", List.of("voided"),
            "locked", List.of("locked"),
            "date", List.of("transdate", "date"));

    private static final int MAX_LISTED = 1000;

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
        List<List<String>> rows = Csv.parse(csv == null ? "" : csv);
        if (rows.size() < 2) {
            throw ProblemException.invalid("csv", "needs a header row and at least one data row");
        }
        Map<String, Integer> at = columns(rows.getFirst(), columns);
        if (!at.containsKey("transId") && !at.containsKey("orderId")) {
            throw ProblemException.invalid("columns", "the report needs a transaction id or order number column; "
                    + "headers found: " + rows.getFirst());
        }
        List<List<String>> data = rows.subList(1, rows.size());
        return jobs.start(brandId, "network-report-import", data.size(),
                progress -> reconcile(integration, data, at, progress));
    }

    private static Map<String, Integer> columns(List<String> header, Map<String, String> mapping) {
        Map<String, Integer> at = new LinkedHashMap<>();
        for (String role : ROLES) {
            List<String> names = mapping != null && mapping.containsKey(role) ? List.of(normal(mapping.get(role)))
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
        final List<String> onlyInReport = new ArrayList<>();
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
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String transId = cell(row, at, "transId");
            String orderId = cell(row, at, "orderId");
            tally.dated(date(cell(row, at, "date"), integration));
            Optional<Conversion> found = find(integration, transId, orderId);
            if (found.isEmpty()) {
                add(tally.onlyInReport, transId != null ? transId : orderId);
            } else {
                tally.matched++;
                tally.seen.add(found.get().id());
                try {
                    apply(found.get(), row, at, tally);
                } catch (ProblemException e) {
                    if (tally.problems.size() < MAX_LISTED) {
                        tally.problems.add(Map.of("row", String.valueOf(r + 2), "conversionId",
                                found.get().id().toString(), "problem", e.getMessage()));
                    }
                }
            }
            progress.advance(1);
        }
        List<String> onlyInLinkledger = new ArrayList<>();
        Instant from = tally.first == null ? Instant.EPOCH : tally.first;
        Instant to = tally.last == null ? Instant.parse("9999-01-01T00:00:00Z") : tally.last;
        for (String[] idAndKey : repository.keysOfIntegration(integration.id(), from, to)) {
            if (!tally.seen.contains(UUID.fromString(idAndKey[0]))) {
                add(onlyInLinkledger, idAndKey[0]);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", rows.size());
        result.put("matched", tally.matched);
        result.put("reversed", tally.reversed);
        result.put("adjusted", tally.adjusted);
        result.put("approved", tally.approved);
        result.put("problems", tally.problems);
        result.put("onlyInReport", tally.onlyInReport);
        result.put("onlyInLinkledger", onlyInLinkledger);
        return result;
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
        Money amount = money(cell(row, at, "amount"), c, "amount");
        Money network = money(cell(row, at, "commission"), c, "commission");
        boolean amountEdited = amount != null && !amount.equals(sale);
        boolean networkEdited = network != null && !network.equals(c.amounts().networkCommission());
        if (amountEdited || networkEdited) {
            c = conversions.adjust(c, amountEdited ? amount : sale,
                    networkEdited ? network : c.amounts().networkCommission(), "NETWORK_EDITED",
                    "Edited in the network's report: sale " + sale.toDecimalString() + " -> "
                            + (amountEdited ? amount : sale).toDecimalString());
            tally.adjusted++;
        }
        if (truthy(cell(row, at, "locked")) && c.state().status() == ConversionStatus.PENDING) {
            conversions.approveFrom(c, "NETWORK_LOCKED", "Locked in the network's report");
            tally.approved++;
        }
    }

    private Optional<Conversion> find(Integration integration, String transId, String orderId) {
        if (transId != null) {
            for (String kind : List.of("t:", "e:", "x:")) {
                Optional<Conversion> c = repository.findByKey(integration.brandId(),
                        integration.conversionKey(kind + transId));
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        if (orderId != null) {
            Optional<Conversion> c = repository.findByKey(integration.brandId(),
                    integration.conversionKey("o:" + orderId));
            if (c.isPresent()) {
                return c;
            }
            List<Conversion> byOrder = repository.forOrder(integration.id(), Conversion.Source.orderKeyOf(orderId));
            return byOrder.isEmpty() ? Optional.empty() : Optional.of(byOrder.getFirst());
        }
        return Optional.empty();
    }

    private static Money money(String text, Conversion c, String field) {
        if (text == null) {
            return null;
        }
        try {
            return Money.of(new BigDecimal(text.replace("$", "").replace(",", "").trim()),
                    c.amounts().sale().currency());
        } catch (NumberFormatException | ArithmeticException e) {
            throw ProblemException.invalid(field, "'" + text + "' is not an amount");
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    private static Instant date(String text, Integration integration) {
        if (text == null) {
            return null;
        }
        for (String pattern : List.of("yyyy-MM-dd HH:mm:ss", "MM/dd/yyyy hh:mm:ss a", "MM/dd/yyyy HH:mm:ss")) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ofPattern(pattern, Locale.ROOT))
                        .atZone(integration.reading().timeZone()).toInstant();
            } catch (DateTimeParseException e) {
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

    private static String cell(List<String> row, Map<String, Integer> at, String role) {
        Integer i = at.get(role);
        if (i == null || i >= row.size() || row.get(i).isBlank()) {
            return null;
        }
        return row.get(i).trim();
    }

    private static void add(List<String> list, String value) {
        if (list.size() < MAX_LISTED) {
            list.add(value);
        }
    }

    private static String normal(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
