package io.linkledger.web;

import java.util.UUID;

/**
 * The Sales Tracking stage's "Send Sales Tracking Items" step: the editor (or its send
 * confirmation) for the selected members, or the send it started.
 */
public record SalesTrackingEmailView(UUID projectId, UUID offerId, String offerName, EmailEditorView editor,
        SendingView sending) {

    public String sendsUrl() {
        return EmailSendsView.projectUrl(projectId);
    }
}
