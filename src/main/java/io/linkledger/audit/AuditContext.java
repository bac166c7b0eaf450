package io.linkledger.audit;

import java.util.UUID;

/**
 * What the audit log needs to know of the request being served: who acts, and for which brand.
 * The security feature implements it from the request's signed-in user or API key and its
 * client address; off a request, as in a scheduled job, the actor is {@link Actor#system}. The
 * audit feature itself knows nothing of users or keys, so every feature records into it without
 * a cycle.
 */
public interface AuditContext {

    /** Who is making the change being recorded now. */
    Actor actor();

    /** The brand workspace the authenticated caller acts for (the audit API reads only its own). */
    UUID brandId();
}
