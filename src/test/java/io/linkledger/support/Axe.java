package io.linkledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/**
 * Accessibility check of a page in a browser test: axe-core (Deque's Playwright binding) runs its
 * WCAG 2.0 and 2.1 level A and AA rules on the page as it is, and the test fails on any violation,
 * each listed with the elements it found.
 */
public final class Axe {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {
    }

    /** Fails with every WCAG 2.1 A/AA violation axe-core finds on the page; {@code what} names the page. */
    public static void check(Page page, String what) {
        // Legacy mode checks the page's own document: a frame on a console page (the email preview)
        // shows what the brand wrote, sandboxed, and is not the console's to fix.
        List<Rule> violations = new AxeBuilder(page).withTags(WCAG_21_AA).setLegacyMode(true).analyze()
                .getViolations();
        assertThat(violations).as(() -> "WCAG 2.1 A/AA violations on " + what + "\n" + violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + v.getNodes().stream()
                        .map(n -> "\n    " + String.join(" ", n.getTarget().toString()) + ": " + n.getFailureSummary())
                        .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"))).isEmpty();
    }
}
