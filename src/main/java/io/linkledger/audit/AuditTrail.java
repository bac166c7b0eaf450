package io.linkledger.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Records changes: the one way into the audit log. Entries join the transaction of the change
 * they describe, so a change that rolls back leaves no entry and no change goes unrecorded. The
 * actor and address are those of the request being served ({@link AuditContext}).
 */
@Service
public class AuditTrail {

    private final AuditRepository repository;
    private final AuditContext context;
    private final Ids ids;
    private final Clock clock;
    private final JsonMapper json;

    AuditTrail(AuditRepository repository, AuditContext context, Ids ids, Clock clock, JsonMapper json) {
        this.repository = repository;
        this.context = context;
        this.ids = ids;
        this.clock = clock;
        // Amounts read as people write them ("12.50 USD"), not as minor units and a currency object;
        // binary data (a logo) as its size and digest, which show a change without copying the bytes.
        this.json = json.rebuild().addModule(new SimpleModule().addSerializer(Money.class, new MoneyText())
                .addSerializer(byte[].class, new BytesDigest())).build();
    }

    /** Records one change; an update that changed no field is not one, and leaves no entry. */
    @Transactional
    public void record(AuditEntry entry) {
        recordAll(List.of(entry));
    }

    /** Records changes of one brand made together, e.g. by an import, in one batch. */
    @Transactional
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Actor actor = context.actor();
        Instant now = clock.instant();
        UUID brandId = entries.getFirst().brandId();
        List<AuditRecord> records = new ArrayList<>();
        for (AuditEntry entry : entries) {
            if (!entry.brandId().equals(brandId)) {
                throw new IllegalArgumentException("Entries of one batch belong to one brand");
            }
            Changes changes = Changes.between(json, entry.before(), entry.after());
            if (!changes.none()) {
                records.add(new AuditRecord(0, ids.next(), now, actor, entry.action(), entry.entityType(),
                        entry.entityId(), entry.offerId(), entry.memberId(), text(changes.before()),
                        text(changes.after())));
            }
        }
        repository.insertAll(brandId, records);
    }

    private String text(Object node) {
        return node == null ? null : json.writeValueAsString(node);
    }

    private static final class BytesDigest extends ValueSerializer<byte[]> {

        @Override
        public void serialize(byte[] value, JsonGenerator gen, SerializationContext context) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(value);
                gen.writeString(value.length + " bytes, SHA-256 " + HexFormat.of().formatHex(digest, 0, 8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class MoneyText extends ValueSerializer<Money> {

        @Override
        public void serialize(Money value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(value.toDecimalString() + " " + value.currency().getCurrencyCode());
        }
    }
}
