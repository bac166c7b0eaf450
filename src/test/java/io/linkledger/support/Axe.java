package io.linkledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accessibility check of a page in a browser test: axe-core (vendored in
 * {@code src/test/resources/axe/}, see its SOURCE.md) runs its WCAG 2.0 and 2.1 level A and AA
 * rules on the page as it is, and the test fails on any violation, each listed with the elements
 * it found.
 */
public final class Axe {

    private static final String SOURCE = load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = """
            async () => {
                const result = await axe.run(document, {
                    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
                    resultTypes: ["violations"]
                });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary)
                })));
            }""";

    private Axe() {
    }

    /** Fails with every WCAG 2.1 A/AA violation axe-core finds on the page; {@code what} names the page. */
    public static void check(Page page, String what) {
        // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not apply.
        if (!(Boolean) page.evaluate("() => typeof window.axe === 'object'")) {
            page.evaluate(SOURCE);
        }
        JsonNode violations = JSON.readTree((String) page.evaluate(RUN));
        List<String> found = new ArrayList<>();
        for (JsonNode v : violations) {
            StringBuilder line = new StringBuilder(v.get("id").asString() + " (" + v.get("impact").asString() + "): "
                    + v.get("help").asString());
            for (JsonNode node : v.get("nodes")) {
                line.append("\n    ").append(node.asString().replace("\n", " "));
            }
            found.add(line.toString());
        }
        assertThat(found).as("WCAG 2.1 A/AA violations on " + what + "\n" + String.join("\n", found)).isEmpty();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/axe/axe.min.js is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
