package io.linkledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each feature owns its tables: its SQL names no table of another feature (Spring Modulith checks
 * the Java side of the boundaries; this checks the SQL side). A new table must be given an owner here.
 */
class TableOwnershipTest {

    private static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("brands", Set.of("brands", "users", "api_keys")),
            Map.entry("security", Set.of("spring_session", "spring_session_attributes", "sign_in_failures",
                    "server_keys")),
            Map.entry("shared", Set.of("rate_limit_hits", "shedlock")),
            Map.entry("offers", Set.of("offers", "offer_payouts", "offer_conversion_terms", "offer_volume_tiers",
                    "offer_caps", "quality_defaults")),
            Map.entry("members", Set.of("members", "member_tags", "member_import_drafts")),
            Map.entry("projects", Set.of("projects", "project_members")),
            Map.entry("assignments", Set.of("offer_members", "dashboard_tokens_retired")),
            Map.entry("tracking", Set.of("clicks", "clicks_default", "click_daily", "click_offer_daily",
                    "click_link_totals", "click_rollup_queue", "visitor_salts", "click_spam")),
            Map.entry("conversions", Set.of("conversions", "conversion_changes", "conversion_daily",
                    "conversion_offer_daily", "conversion_link_totals", "conversion_rollup_queue", "integrations",
                    "inbound_requests", "conversion_holds", "integration_offers")),
            Map.entry("ledger", Set.of("ledger_accounts", "ledger_entries", "ledger_lines", "ledger_events",
                    "ledger_conversions", "payments", "payment_items", "payment_methods", "remittances",
                    "provider_events", "card_customers", "card_charges")),
            Map.entry("dashboard", Set.of("portal_sign_in_links")),
            Map.entry("email", Set.of("email_outbox", "email_templates", "email_sends", "email_resends")),
            Map.entry("jobs", Set.of("jobs")),
            Map.entry("webhooks", Set.of("webhook_endpoints", "webhook_deliveries")),
            Map.entry("audit", Set.of("audit_entries")));

    private static final Path SOURCES = Path.of("src/main/java/io/linkledger");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:from|join|into|update|table)\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableInTheMigrationsHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        // db/migration and the vendor folders (db/vendor/postgresql, db/vendor/h2).
        try (Stream<Path> migrations = Files.walk(Path.of("src/main/resources/db"))) {
            for (Path migration : migrations.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = Pattern.compile("create table (?:if not exists )?([a-z_]+)", Pattern.CASE_INSENSITIVE)
                        .matcher(Files.readString(migration));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        created.removeIf(t -> t.endsWith("_new")); // rebuilt under a temporary name, then renamed
        Set<String> owned = new TreeSet<>();
        OWNERS.values().forEach(owned::addAll);
        assertThat(owned).containsAll(created);
    }

    @Test
    void noFeatureQueriesAnotherFeaturesTables() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                Set<String> own = OWNERS.getOrDefault(feature, Set.of());
                Matcher literal = LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    Matcher table = TABLE.matcher(text);
                    while (table.find()) {
                        String name = table.group(1).toLowerCase();
                        boolean someonesTable = OWNERS.values().stream().anyMatch(t -> t.contains(name));
                        if (someonesTable && !own.contains(name)) {
                            trespasses.add(SOURCES.relativize(file) + " uses " + name);
                        }
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }
}
