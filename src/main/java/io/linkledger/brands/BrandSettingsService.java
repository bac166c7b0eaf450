package io.linkledger.brands;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;

/**
 * A brand's settings: name, logo, email sender, website, default currency, time zone and payout
 * defaults. Read on hot paths (every click's day is cut in the brand's zone, every email and
 * dashboard shows the name), so answers are cached briefly; a change clears this node's entry when
 * it commits, and other nodes see it when theirs expires (at most {@link #CACHED_FOR} later).
 */
@Service
public class BrandSettingsService {

    static final Duration CACHED_FOR = Duration.ofSeconds(30);
    /** The zone of a brand that chose none. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private final BrandRepository repository;
    private final Clock clock;
    private final AuditTrail audit;
    private final Currency serverCurrency;
    private final Cache<UUID, BrandSettings> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHED_FOR)
            .build();

    BrandSettingsService(BrandRepository repository, Clock clock,
            @Value("${linkledger.money.default-currency:USD}") String serverCurrency, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.clock = clock;
        this.serverCurrency = Money.currency(serverCurrency);
    }

    /** The brand's settings, with the server's defaults where it set nothing; 404 for no such brand. */
    public BrandSettings get(UUID brandId) {
        BrandSettings settings = cache.get(brandId, id -> repository.findSettings(id).map(this::withDefaults).orElse(null));
        if (settings == null) {
            throw ProblemException.notFound("Brand", brandId);
        }
        return settings;
    }

    /** The zone the brand's days are cut in (UTC unless it chose one). */
    public ZoneId timeZone(UUID brandId) {
        return get(brandId).timeZone();
    }

    /**
     * Changes the named settings (merge-patch: a null value clears one) and answers the result;
     * a 400 problem naming every invalid field, and nothing written, otherwise.
     */
    @Transactional
    public BrandSettings change(UUID brandId, Map<String, String> changes) {
        BrandSettings stored = repository.findSettings(brandId)
                .orElseThrow(() -> ProblemException.notFound("Brand", brandId));
        BrandSettings changed = BrandEdit.apply(stored, changes, clock.instant());
        repository.updateSettings(changed);
        audit.record(AuditEntry.of(brandId, "brand_settings.updated", "brand", brandId).change(stored, changed));
        forgetAfterCommit(brandId);
        return withDefaults(changed);
    }

    private BrandSettings withDefaults(BrandSettings s) {
        return new BrandSettings(s.brandId(), s.name(), s.logo(), s.senderName(), s.senderEmail(), s.replyToEmail(),
                s.website(), s.defaultCurrency() == null ? serverCurrency : s.defaultCurrency(),
                s.timeZone() == null ? UTC : s.timeZone(), s.payoutMethod(), s.minimumPayout(), s.updatedAt());
    }

    // Cleared after the commit: cleared before it, a concurrent read could cache the old row again.
    private void forgetAfterCommit(UUID brandId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidate(brandId);
                }
            });
        } else {
            cache.invalidate(brandId);
        }
    }
}
