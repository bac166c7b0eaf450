package io.linkledger.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.brands.UserAccessChanged;

/**
 * Ends every console session of a user whose access changed (disabled, new role, new password),
 * on every node at once: sessions live in the database, indexed by the principal's name. The
 * user signs in again and gets what they may do now, or nothing.
 */
@Component
class ConsoleSessions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    ConsoleSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void accessChanged(UserAccessChanged changed) {
        Set<String> ended = sessions.findByPrincipalName(BrandPrincipal.of(changed.user()).getName()).keySet();
        ended.forEach(sessions::deleteById);
        if (!ended.isEmpty()) {
            log.info("Ended {} console session(s) of user {} after a change to their access", ended.size(),
                    changed.user().id());
        }
    }
}
