package io.linkledger.conversions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.linkledger.audit.AuditEntry;

/**
 * What the audit log keeps of an integration: its settings, never its key, secret or password.
 * Those show only as "set" or, when a change replaced them, "replaced".
 */
record AuditedIntegration(IntegrationType type, String name, boolean enabled, String secret,
        Integration.Signature signature, String hashAlgorithm, String basicAuthUser, String basicAuthPassword,
        List<String> ipAllowList, Map<String, String> parameterMap, ZoneId timeZone, String orderTopic,
        UUID offerId, Integration.CreditPriority creditPriority, Instant keyRotatedAt) {

    static AuditEntry entry(String action, Integration before, Integration after) {
        Integration any = after != null ? after : before;
        return AuditEntry.of(any.brandId(), action, "integration", any.id())
                .change(of(before, after, before), of(before, after, after));
    }

    private static AuditedIntegration of(Integration before, Integration after, Integration side) {
        if (side == null) {
            return null;
        }
        Integration.Credentials c = side.credentials();
        boolean secretReplaced = before != null && after != null
                && !Objects.equals(before.credentials().secret(), after.credentials().secret());
        boolean passwordReplaced = before != null && after != null
                && !Objects.equals(before.credentials().basicPasswordHash(), after.credentials().basicPasswordHash());
        return new AuditedIntegration(side.type(), side.name(), side.access().enabled(),
                hidden(c.secret(), secretReplaced && side == after), c.signature(), c.hashAlgorithm(), c.basicUser(),
                hidden(c.basicPasswordHash(), passwordReplaced && side == after), c.ipAllowList(),
                side.reading().parameterMap(), side.reading().timeZone(), side.reading().orderTopic(),
                side.crediting().offerId(), side.crediting().priority(), side.access().keyRotatedAt());
    }

    private static String hidden(String secret, boolean replaced) {
        return secret == null ? null : replaced ? "replaced" : "set";
    }
}
