package io.linkledger.offers;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {macro}} placeholders a destination URL may hold, filled per click. A network
 * such as ShareASale echoes {@code {transaction_id}} back (as {@code afftrack}) on conversion.
 */
public final class Macros {

    public static final String TRANSACTION_ID = "transaction_id";
    public static final String MEMBER_ID = "member_id";
    public static final String OFFER_ID = "offer_id";
    public static final String PROJECT_ID = "project_id";
    public static final String MEMBER_NAME = "member_name";
    public static final String CLICK_TIME = "click_time";

    public static final Set<String> KNOWN = Set.of(TRANSACTION_ID, MEMBER_ID, OFFER_ID, PROJECT_ID, MEMBER_NAME, CLICK_TIME);

    private static final Pattern MACRO = Pattern.compile("\\{([^{}]*)}");
    private static final String KNOWN_LIST = "{transaction_id}, {member_id}, {offer_id}, {project_id}, {member_name}, {click_time}";

    private Macros() {
    }

    /** Problems with a destination URL template, empty when it is fine. */
    public static List<String> problems(String template) {
        List<String> problems = new ArrayList<>();
        Matcher matcher = MACRO.matcher(template);
        while (matcher.find()) {
            if (!KNOWN.contains(matcher.group(1))) {
                problems.add("unknown macro {" + matcher.group(1) + "}; the known macros are " + KNOWN_LIST);
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        String sample = matcher.replaceAll("x");
        try {
            URI uri = new URI(sample);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                problems.add("must be an absolute http or https URL, e.g. https://shop.example/product");
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                problems.add("must name a host, e.g. https://shop.example/product");
            }
        } catch (URISyntaxException e) {
            problems.add("is not a valid URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
        }
        return problems;
    }

    /** Splits a URL template once, so filling it per click needs no pattern matching. */
    public static Template compile(String template) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher matcher = MACRO.matcher(template);
        int end = 0;
        while (matcher.find()) {
            literals.add(template.substring(end, matcher.start()));
            names.add(matcher.group(1));
            end = matcher.end();
        }
        literals.add(template.substring(end));
        return new Template(List.copyOf(literals), List.copyOf(names), template.length());
    }

    /** A URL template as literal text between macro names: {@code literals} has one more element than {@code names}. */
    public record Template(List<String> literals, List<String> names, int length) {

        /** Fills every macro with its URL-encoded value; a macro whose value is null becomes empty. */
        public String expand(Function<String, String> values) {
            if (names.isEmpty()) {
                return literals.getFirst();
            }
            StringBuilder out = new StringBuilder(length + 64);
            for (int i = 0; i < names.size(); i++) {
                out.append(literals.get(i));
                String value = values.apply(names.get(i));
                if (value != null) {
                    out.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
            return out.append(literals.getLast()).toString();
        }
    }
}
