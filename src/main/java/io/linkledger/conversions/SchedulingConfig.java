package io.linkledger.conversions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs automatic approval and click accrual; off with linkledger.conversions.scheduling=false. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "linkledger.conversions.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}
