package io.linkledger.security;

import java.util.List;
import java.util.UUID;

/**
 * A column of values sealed by {@link SecretBox} (a feature's bean), which {@link Resealing} seals
 * again under the current server key at start-up, so that after a key change the old key can be
 * dropped.
 */
public interface SealedColumn {

    /** A stored seal and the id of its row. */
    record Sealed(UUID id, String value) {
    }

    /** What the column holds, for the log ("dashboard tokens"). */
    String what();

    /** Up to {@code limit} seals not made under the current key (whose seals begin with {@code currentPrefix}). */
    List<Sealed> sealedOtherwise(String currentPrefix, int limit);

    /** Replaces the seal by {@code resealed}, unless it changed meanwhile (rotated, or resealed by another node). */
    boolean replace(Sealed old, String resealed);
}
