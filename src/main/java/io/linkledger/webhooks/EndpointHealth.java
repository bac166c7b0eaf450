package io.linkledger.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import io.linkledger.brands.Role;
import io.linkledger.brands.User;
import io.linkledger.brands.Users;
import io.linkledger.email.Mailer;
import io.linkledger.email.OutgoingEmail;
import io.linkledger.shared.PublicUrls;

/**
 * Keeps track of how long an endpoint has been failing. One that failed every attempt for the
 * give-up period is disabled, and the brand's admins are emailed (through the email outbox, in
 * the same transaction, so only the node that disabled it sends the email).
 */
@Component
class EndpointHealth {

    static final String EMAIL_CATEGORY = "webhook-disabled";
    private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);

    private final EndpointRepository endpoints;
    private final Users users;
    private final Mailer mailer;
    private final PublicUrls urls;

    EndpointHealth(EndpointRepository endpoints, Users users, Mailer mailer, PublicUrls urls) {
        this.endpoints = endpoints;
        this.users = users;
        this.mailer = mailer;
        this.urls = urls;
    }

    void succeeded(UUID endpointId) {
        endpoints.succeeded(endpointId);
    }

    /** Records a failure; disables the endpoint when it has failed since {@code giveUpAfter} ago or longer. */
    @Transactional
    void failed(Endpoint endpoint, Instant now, Duration giveUpAfter, String lastError) {
        Instant since = endpoints.failed(endpoint.id(), now);
        if (Duration.between(since, now).compareTo(giveUpAfter) < 0) {
            return;
        }
        String reason = "Every delivery failed since " + since + "; the last: " + lastError;
        if (endpoints.disable(endpoint.id(), reason.length() > 500 ? reason.substring(0, 500) : reason, now)) {
            log.warn("Webhook endpoint {} of brand {} disabled after failing since {}", endpoint.id(),
                    endpoint.brandId(), since);
            tellAdmins(endpoint, since, lastError);
        }
    }

    private void tellAdmins(Endpoint endpoint, Instant since, String lastError) {
        List<User> admins = users.list(endpoint.brandId()).stream()
                .filter(u -> u.role() == Role.ADMIN && u.disabledAt() == null).toList();
        String page = urls.absolute("/settings/webhooks/" + endpoint.id());
        String subject = "Webhook endpoint disabled: " + endpoint.url();
        String text = """
                Linkledger stopped sending events to your webhook endpoint
                %s
                because every delivery to it has failed since %s (the last error: %s).

                Events that happen while it is disabled are not queued for it. Once the endpoint works again,
                enable it on %s: deliveries still queued resume, and you can replay from its delivery log
                the ones that were given up.
                """.formatted(endpoint.url(), since, lastError, page);
        String html = "<p>Linkledger stopped sending events to your webhook endpoint <code>"
                + HtmlUtils.htmlEscape(endpoint.url()) + "</code> because every delivery to it has failed since "
                + since + " (the last error: " + HtmlUtils.htmlEscape(lastError) + ").</p>"
                + "<p>Events that happen while it is disabled are not queued for it. Once the endpoint works again, "
                + "<a href=\"" + HtmlUtils.htmlEscape(page) + "\">enable it</a>: deliveries still queued resume, and "
                + "you can replay from its delivery log the ones that were given up.</p>";
        mailer.queueAll(admins.stream().map(admin -> new OutgoingEmail(endpoint.brandId(), null, EMAIL_CATEGORY,
                admin.email(), subject, html, text)).toList());
    }
}
