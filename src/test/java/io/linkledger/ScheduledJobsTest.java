package io.linkledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Several nodes run the same jobs: each scheduled job takes its ShedLock lease, so one node runs it
 * at a time (docs/operations.md, "Several nodes"). The webhook worker alone runs on every node: it
 * claims its deliveries itself with {@code FOR UPDATE SKIP LOCKED}.
 */
class ScheduledJobsTest {

    @Test
    void everyScheduledJobTakesALeaseButTheWebhookWorker() {
        methods().that().areAnnotatedWith(Scheduled.class)
                .and().areDeclaredInClassesThat().doNotHaveSimpleName("WebhookWorker")
                .should().beAnnotatedWith(SchedulerLock.class)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.linkledger"));
    }
}
