package io.linkledger.brands;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.shared.Tokens;

/**
 * First start: creates the brand workspace with an admin API key, and the first console
 * user. Generated secrets are printed once to standard output; only their hashes are kept.
 */
@Component
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Brands brands;
    private final Users users;
    private final Tokens tokens;
    private final String brandName;
    private final String operatorKey;
    private final String adminEmail;
    private final String adminPassword;

    Bootstrap(Brands brands, Users users, Tokens tokens,
            @Value("${linkledger.bootstrap.brand-name:My brand}") String brandName,
            @Value("${linkledger.bootstrap.api-key:}") String operatorKey,
            @Value("${linkledger.bootstrap.admin-email:admin@localhost}") String adminEmail,
            @Value("${linkledger.bootstrap.admin-password:}") String adminPassword) {
        this.brands = brands;
        this.users = users;
        this.tokens = tokens;
        this.brandName = brandName;
        this.operatorKey = operatorKey;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!brands.anyExists()) {
            createBrand();
        }
        if (!users.anyExists()) {
            createAdmin();
        }
    }

    private void createBrand() {
        Brand brand = brands.create(brandName);
        if (!operatorKey.isBlank()) {
            brands.registerKey(brand.id(), "admin", operatorKey);
            log.info("Created brand workspace '{}' with the API key from LINKLEDGER_BOOTSTRAP_API_KEY", brandName);
            return;
        }
        NewApiKey key = brands.createKey(brand.id(), "admin");
        log.info("Created brand workspace '{}' and an admin API key (printed once on standard output)", brandName);
        // Deliberately not through the logger: secrets must not end up in collected logs.
        System.out.printf("%n  Linkledger admin API key (shown only now, store it safely):%n  %s%n%n", key.plainText());
    }

    private void createAdmin() {
        Brand brand = brands.oldest().orElseThrow();
        boolean generated = adminPassword.isBlank();
        String password = generated ? tokens.fromAlphabet(Tokens.BASE62, 20) : adminPassword;
        users.create(brand.id(), adminEmail, password, Role.ADMIN);
        log.info("Created console admin user {}", adminEmail);
        if (generated) {
            System.out.printf("%n  Linkledger console sign-in (shown only now): %s / %s%n%n", adminEmail, password);
        }
    }
}
