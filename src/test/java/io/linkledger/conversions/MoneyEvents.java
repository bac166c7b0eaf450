package io.linkledger.conversions;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test listener standing in for the ledger: keeps every money event it is sent. */
@Component
class MoneyEvents {

    private final List<MoneyChange> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ConversionMoneyChanged event) {
        events.addAll(event.changes());
    }

    List<MoneyChange> of(UUID conversionId) {
        return events.stream().filter(e -> e.conversionId().equals(conversionId)).toList();
    }
}
