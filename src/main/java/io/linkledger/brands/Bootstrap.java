package io.linkledger.brands;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start with an empty database, creates the brand workspace and its admin API
 * key. A generated key is printed once to standard output and only its hash is kept.
 */
@Component
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Brands brands;
    private final String brandName;
    private final String operatorKey;

    Bootstrap(Brands brands,
            @Value("${linkledger.bootstrap.brand-name:My brand}") String brandName,
            @Value("${linkledger.bootstrap.api-key:}") String operatorKey) {
        this.brands = brands;
        this.brandName = brandName;
        this.operatorKey = operatorKey;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (brands.anyExists()) {
            return;
        }
        Brand brand = brands.create(brandName);
        if (!operatorKey.isBlank()) {
            brands.registerKey(brand.id(), "admin", operatorKey);
            log.info("Created brand workspace '{}' with the API key from LINKLEDGER_BOOTSTRAP_API_KEY", brandName);
            return;
        }
        NewApiKey key = brands.createKey(brand.id(), "admin");
        log.info("Created brand workspace '{}' and an admin API key (printed once on standard output)", brandName);
        // Deliberately not through the logger: the key must not end up in collected logs.
        System.out.printf("%n  Linkledger admin API key (shown only now, store it safely):%n  %s%n%n", key.plainText());
    }
}
