package io.linkledger.ledger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

import io.linkledger.support.MovableClock;

/** A settable clock for the whole application, and a recorder of the MemberPaid events it publishes. */
@TestConfiguration(proxyBeanMethods = false)
class LedgerTestConfig {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    @Bean
    PaidEvents paidEvents() {
        return new PaidEvents();
    }

    static class PaidEvents {

        private final List<MemberPaid> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MemberPaid event) {
            events.add(event);
        }

        List<MemberPaid> of(java.util.UUID brandId) {
            return events.stream().filter(e -> e.brandId().equals(brandId)).toList();
        }
    }
}
