package io.linkledger.ledger;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Remittance settlement and PayPal polling run on schedules. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LedgerConfig {
}
