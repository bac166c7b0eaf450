package io.linkledger.brands;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Tokens;

/** Brand workspaces and their API keys. */
@Service
public class Brands {

    static final String KEY_PREFIX = "llk_";
    static final int MIN_KEY_LENGTH = 24;

    private final BrandRepository repository;
    private final Ids ids;
    private final Tokens tokens;
    private final Clock clock;
    // Keys are checked on every API call; a short TTL bounds how long a revoked key lives on.
    private final Cache<String, Optional<BrandPrincipal>> keyCache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    public Brands(BrandRepository repository, Ids ids, Tokens tokens, Clock clock) {
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

    /** Revokes a key at once on this node (other nodes drop it within the cache period). */
    @Transactional
    public void revokeKey(UUID brandId, UUID keyId) {
        String hash = repository.revokeKey(brandId, keyId, clock.instant())
                .orElseThrow(() -> ProblemException.notFound("API key", keyId));
        keyCache.invalidate(hash);
    }

    /** Creates a new random key for the brand. The plain text is returned once and never stored. */
    @Transactional
    public NewApiKey createKey(UUID brandId, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.invalid("name", "is required, at most 100 characters, e.g. \"Shopify app\"");
        }
        return registerKey(brandId, name, KEY_PREFIX + tokens.fromAlphabet(Tokens.BASE62, 40));
    }

    /** Registers a key chosen by an operator, e.g. from {@code LINKLEDGER_BOOTSTRAP_API_KEY}. */
    @Transactional
    public NewApiKey registerKey(UUID brandId, String name, String plainText) {
        if (plainText.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("An API key must be at least " + MIN_KEY_LENGTH + " characters long");
        }
        UUID id = ids.next();
        String prefix = plainText.substring(0, Math.min(12, plainText.length() / 3));
        repository.insertKey(id, brandId, name, prefix, Tokens.sha256(plainText), clock.instant());
        return new NewApiKey(id, brandId, name, plainText);
    }

    /** The caller a presented key stands for, if the key exists and is not revoked. */
    public Optional<BrandPrincipal> authenticate(String presentedKey) {
        String hash = Tokens.sha256(presentedKey);
        return keyCache.get(hash, this::loadKey);
    }

    /** On a cache miss only, so "last used" costs one write per key per cache period, not per call. */
    private Optional<BrandPrincipal> loadKey(String hash) {
        Optional<BrandPrincipal> principal = repository.findActiveKey(hash);
        principal.ifPresent(p -> repository.touchKey(hash, clock.instant()));
        return principal;
    }
}
