package io.linkledger.assignments;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.linkledger.security.SecretBox;

/**
 * At start-up, seals again every dashboard token sealed under an older key (the generated one
 * before LINKLEDGER_SECRET_KEY was set, or one now in LINKLEDGER_SECRET_KEY_PREVIOUS), so after a
 * key change nothing stays under the old key. Costs one scan of offer_members when there is none.
 */
@Component
class DashboardTokenResealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DashboardTokenResealing.class);
    private static final int BATCH = 500;

    private final AssignmentRepository repository;
    private final SecretBox secrets;

    DashboardTokenResealing(AssignmentRepository repository, SecretBox secrets) {
        this.repository = repository;
        this.secrets = secrets;
    }

    @Override
    public void run(ApplicationArguments args) {
        String current = secrets.currentPrefix();
        int resealed = 0;
        List<AssignmentRepository.SealedToken> batch;
        do {
            batch = repository.sealedOtherwise(current, BATCH);
            for (AssignmentRepository.SealedToken token : batch) {
                resealed += repository.reseal(token) ? 1 : 0;
            }
        } while (batch.size() == BATCH);
        if (resealed > 0) {
            log.info("Sealed {} dashboard token(s) again under the current server key", resealed);
        }
    }
}
