package io.linkledger.conversions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.linkledger.shared.Money;

/**
 * The conversions a batch of claims is decided against: what the database held when the batch
 * read it, plus what the batch decided so far. Each claim sees the ones before it as if they had
 * been committed, so a batch decides exactly as the same claims one after the other would.
 */
final class BatchView {

    /** A change to a conversion, decided but not yet stored. */
    record Change(Conversion before, Conversion after, String action, String reason) {
    }

    private final Map<String, Conversion> byKey = new HashMap<>();
    private final Map<String, Map<UUID, Conversion>> byOrder = new HashMap<>();
    private final Map<MonthToDate, Long> storedSales = new HashMap<>();
    private final List<Conversion> created = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();

    /** Adds conversions read from the database: those holding the batch's keys, those crediting its orders. */
    void read(Collection<Conversion> stored) {
        stored.forEach(this::put);
    }

    /** Adds the stored sales of the points the batch's claims are priced at. */
    void readSales(Map<MonthToDate, Long> sales) {
        storedSales.putAll(sales);
    }

    /** The conversion holding this idempotency key, as it is now; null when none does. */
    Conversion holding(UUID brandId, String idempotencyKey) {
        return byKey.get(brandId + "/" + idempotencyKey);
    }

    /** The live conversions crediting this order, as they are now. */
    List<Conversion> liveForOrder(UUID brandId, String orderKey) {
        return byOrder.getOrDefault(brandId + "/" + orderKey, Map.of()).values().stream()
                .filter(c -> c.state().status() != ConversionStatus.REVERSED)
                .toList();
    }

    /** The sales at this point: those stored, moved by every conversion the batch made or changed so far. */
    Money monthSales(MonthToDate point, Currency currency) {
        Long stored = storedSales.get(point);
        if (stored == null) {
            throw new IllegalStateException("The batch did not read the sales of " + point);
        }
        long sales = stored;
        for (Conversion c : created) {
            sales += point.salesOf(c);
        }
        for (Change change : changes) {
            sales += point.salesOf(change.after()) - point.salesOf(change.before());
        }
        return new Money(sales, currency);
    }

    void create(Conversion c) {
        created.add(c);
        put(c);
    }

    void change(Conversion before, Conversion after, String action, String reason) {
        changes.add(new Change(before, after, action, reason));
        put(after);
    }

    /** The new conversions, as they were made, in order. */
    List<Conversion> created() {
        return List.copyOf(created);
    }

    /** The changes, in order; they may change conversions of {@link #created()}. */
    List<Change> changes() {
        return List.copyOf(changes);
    }

    private void put(Conversion c) {
        byKey.put(c.brandId() + "/" + c.source().idempotencyKey(), c);
        String orderKey = c.source().orderKey();
        if (orderKey != null) {
            byOrder.computeIfAbsent(c.brandId() + "/" + orderKey, k -> new LinkedHashMap<>()).put(c.id(), c);
        }
    }
}
