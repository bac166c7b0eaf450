package io.linkledger.webhooks;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.linkledger.security.SecretBox;

/**
 * At start-up, seals again every endpoint secret sealed under an older server key (the generated
 * one before LINKLEDGER_SECRET_KEY was set, or one now in LINKLEDGER_SECRET_KEY_PREVIOUS), as
 * dashboard tokens are, so after a key change the old key can be dropped.
 */
@Component
class WebhookSecretResealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretResealing.class);
    private static final int BATCH = 500;

    private final EndpointRepository endpoints;
    private final SecretBox secrets;

    WebhookSecretResealing(EndpointRepository endpoints, SecretBox secrets) {
        this.endpoints = endpoints;
        this.secrets = secrets;
    }

    @Override
    public void run(ApplicationArguments args) {
        String current = secrets.currentPrefix();
        int resealed = 0;
        List<EndpointRepository.SealedSecret> batch;
        do {
            batch = endpoints.sealedOtherwise(current, BATCH);
            for (EndpointRepository.SealedSecret secret : batch) {
                resealed += endpoints.reseal(secret, secrets.seal(secrets.open(secret.sealed()))) ? 1 : 0;
            }
        } while (batch.size() == BATCH);
        if (resealed > 0) {
            log.info("Sealed {} webhook signing secrets again under the current server key", resealed);
        }
    }
}
