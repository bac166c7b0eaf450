package io.linkledger.web;

import java.util.ArrayList;
import java.util.List;

import io.linkledger.email.MemberEmails;

/**
 * One member's personalised email in the editor's live preview, with paging through every
 * recipient; or, while the template cannot be used, what is wrong with it ({@code problems}).
 */
public record EmailPreviewView(String url, MemberEmails.Preview email, int index, long total, List<String> problems) {

    static EmailPreviewView of(String url, MemberEmails.Preview email, int index, long total) {
        return new EmailPreviewView(url, email, index, total, List.of());
    }

    static EmailPreviewView refused(String url, int index, FormErrors errors) {
        List<String> problems = new ArrayList<>();
        if (errors.message() != null) {
            problems.add(errors.message());
        }
        errors.fields().forEach((field, messages) ->
                messages.forEach(message -> problems.add(EmailEditorView.label(field) + ": " + message)));
        return new EmailPreviewView(url, null, index, 0, problems);
    }

    public boolean hasPrevious() {
        return email != null && index > 0;
    }

    public boolean hasNext() {
        return email != null && index + 1 < total;
    }
}
