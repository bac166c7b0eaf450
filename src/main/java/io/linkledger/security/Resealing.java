package io.linkledger.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, seals again every value of every {@link SealedColumn} sealed under an older server
 * key (the generated one before LINKLEDGER_SECRET_KEY was set, or one now in
 * LINKLEDGER_SECRET_KEY_PREVIOUS), so that after a key change nothing stays under the old key.
 * Costs one scan of each column when there is nothing to do.
 */
@Component
class Resealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Resealing.class);
    private static final int BATCH = 500;

    private final List<SealedColumn> columns;
    private final SecretBox secrets;

    Resealing(List<SealedColumn> columns, SecretBox secrets) {
        this.columns = columns;
        this.secrets = secrets;
    }

    @Override
    public void run(ApplicationArguments args) {
        columns.forEach(this::reseal);
    }

    private void reseal(SealedColumn column) {
        String current = secrets.currentPrefix();
        int resealed = 0;
        List<SealedColumn.Sealed> batch;
        do {
            batch = column.sealedOtherwise(current, BATCH);
            for (SealedColumn.Sealed sealed : batch) {
                resealed += column.replace(sealed, secrets.seal(secrets.open(sealed.value()))) ? 1 : 0;
            }
        } while (batch.size() == BATCH);
        if (resealed > 0) {
            log.info("Sealed {} {} again under the current server key", resealed, column.what());
        }
    }
}
