package io.linkledger.brands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Tokens;

/** Brand workspaces and their API keys. */
@Service
public class Brands {

    static final String KEY_PREFIX = "llk_";
    static final int MIN_KEY_LENGTH = 24;
    /** "Last used" is a hint for people, not an audit trail: at most one write per key this often. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final BrandRepository repository;
    private final Ids ids;
    private final Tokens tokens;
    private final Clock clock;
    private final AuditTrail audit;

    public Brands(BrandRepository repository, Ids ids, Tokens tokens, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.ids = ids;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public Brand create(String name) {
        Brand brand = new Brand(ids.next(), name, clock.instant());
        repository.insert(brand);
        return brand;
    }

    public Optional<Brand> find(UUID id) {
        return repository.find(id);
    }

    boolean anyExists() {
        return repository.anyExists();
    }

    Optional<Brand> oldest() {
        return repository.oldest();
    }

    public List<ApiKey> listKeys(UUID brandId) {
        return repository.listKeys(brandId);
    }

    /** Revokes a key; the next request with it is refused, on every node (keys are not cached). */
    @Transactional
    public void revokeKey(UUID brandId, UUID keyId) {
        Instant now = clock.instant();
        if (!repository.revokeKey(brandId, keyId, now)) {
            throw ProblemException.notFound("API key", keyId);
        }
        audit.record(AuditEntry.of(brandId, "api_key.revoked", "api_key", keyId).change(null, Map.of("revokedAt", now)));
    }

    /** Creates an admin key: what a console admin or the first start makes. */
    @Transactional
    public NewApiKey createKey(UUID brandId, String name) {
        return createKey(brandId, name, EnumSet.of(ApiScope.ADMIN), EnumSet.of(ApiScope.ADMIN));
    }

    /**
     * Creates a new random key with {@code scopes}, made by a caller holding {@code creatorScopes}:
     * a key never gets a right its maker lacks. The plain text is returned once and never stored.
     */
    @Transactional
    public NewApiKey createKey(UUID brandId, String name, Set<ApiScope> scopes, Set<ApiScope> creatorScopes) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.invalid("name", "is required, at most 100 characters, e.g. \"Shopify app\"");
        }
        if (scopes.isEmpty()) {
            throw ProblemException.invalid("scopes", "must name at least one of " + ApiScope.valueList());
        }
        Set<ApiScope> beyond = EnumSet.noneOf(ApiScope.class);
        scopes.stream().filter(s -> !ApiScope.grants(creatorScopes, Set.of(s))).forEach(beyond::add);
        if (!beyond.isEmpty()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "A key cannot give more rights than its maker holds: "
                    + ApiScope.describe(beyond));
        }
        return register(brandId, name, scopes, KEY_PREFIX + tokens.fromAlphabet(Tokens.BASE62, 40));
    }

    /** Registers an admin key chosen by an operator, e.g. from {@code LINKLEDGER_BOOTSTRAP_API_KEY}. */
    @Transactional
    public NewApiKey registerKey(UUID brandId, String name, String plainText) {
        if (plainText.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("An API key must be at least " + MIN_KEY_LENGTH + " characters long");
        }
        return register(brandId, name, EnumSet.of(ApiScope.ADMIN), plainText);
    }

    private NewApiKey register(UUID brandId, String name, Set<ApiScope> scopes, String plainText) {
        UUID id = ids.next();
        String prefix = plainText.substring(0, Math.min(12, plainText.length() / 3));
        Instant now = clock.instant();
        repository.insertKey(id, brandId, name, prefix, Tokens.sha256(plainText), scopes, now);
        audit.record(AuditEntry.of(brandId, "api_key.created", "api_key", id)
                .change(null, new ApiKey(id, name, prefix, scopes, now, null, null)));
        return new NewApiKey(id, brandId, name, Collections.unmodifiableSet(EnumSet.copyOf(scopes)), plainText);
    }

    /**
     * The caller a presented key stands for, if the key exists and is not revoked. Read from the
     * database on every call (one indexed lookup), so a revocation holds at once on every node.
     */
    public Optional<AuthenticatedKey> authenticate(String presentedKey) {
        return repository.findActiveKey(Tokens.sha256(presentedKey)).map(active -> {
            Instant now = clock.instant();
            if (active.lastUsedAt() == null || active.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
                repository.touchKey(active.id(), now);
            }
            return active.key();
        });
    }
}
