package io.linkledger.email;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Email personalisation: {@code {{member.first_name}}} inserts a value; {@code {{#link}}…{{/link}}}
 * keeps its content only when the member has that value (a code offer has no link). In HTML
 * parts every inserted value is escaped; nothing else is evaluated.
 */
final class Personalisation {

    static final List<String> VARIABLES = List.of("member.first_name", "member.name", "offer.name",
            "offer.commission", "link", "promo_code", "dashboard_link", "brand.name", "payment.amount", "payment.date");

    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

    private sealed interface Node permits Text, Variable, Section {
    }

    private record Text(String text) implements Node {
    }

    private record Variable(String name) implements Node {
    }

    private record Section(String name, List<Node> body) implements Node {
    }

    private Personalisation() {
    }

    /** What is wrong with a template, in words; empty when it can be used. */
    static List<String> problems(String template) {
        List<String> problems = new ArrayList<>();
        parse(template, problems);
        return problems;
    }

    static String render(String template, Map<String, String> values, boolean html) {
        List<String> problems = new ArrayList<>();
        List<Node> nodes = parse(template, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        StringBuilder out = new StringBuilder(template.length() + 256);
        write(nodes, values, html, out);
        return out.toString();
    }

    private static void write(List<Node> nodes, Map<String, String> values, boolean html, StringBuilder out) {
        for (Node node : nodes) {
            switch (node) {
                case Text text -> out.append(text.text());
                case Variable variable -> {
                    String value = values.getOrDefault(variable.name(), "");
                    out.append(html ? HtmlUtils.htmlEscape(value) : value);
                }
                case Section section -> {
                    String value = values.get(section.name());
                    if (value != null && !value.isEmpty()) {
                        write(section.body(), values, html, out);
                    }
                }
            }
        }
    }

    private static List<Node> parse(String template, List<String> problems) {
        Deque<Section> open = new ArrayDeque<>();
        List<Node> root = new ArrayList<>();
        Matcher matcher = TAG.matcher(template);
        int last = 0;
        while (matcher.find()) {
            List<Node> target = open.isEmpty() ? root : open.peek().body();
            addText(target, template.substring(last, matcher.start()), problems);
            last = matcher.end();
            String tag = matcher.group(1).strip();
            String name = tag.startsWith("#") || tag.startsWith("/") ? tag.substring(1).strip() : tag;
            if (!VARIABLES.contains(name)) {
                problems.add("unknown variable {{" + name + "}}; use one of " + String.join(", ",
                        VARIABLES.stream().map(v -> "{{" + v + "}}").toList()));
                continue;
            }
            if (tag.startsWith("#")) {
                Section section = new Section(name, new ArrayList<>());
                target.add(section);
                open.push(section);
            } else if (tag.startsWith("/")) {
                if (open.isEmpty() || !open.peek().name().equals(name)) {
                    problems.add("{{/" + name + "}} closes a section that is not open");
                } else {
                    open.pop();
                }
            } else {
                target.add(new Variable(name));
            }
        }
        addText(open.isEmpty() ? root : open.peek().body(), template.substring(last), problems);
        open.forEach(section -> problems.add("{{#" + section.name() + "}} is never closed with {{/" + section.name() + "}}"));
        return root;
    }

    private static void addText(List<Node> target, String text, List<String> problems) {
        if (text.contains("{{")) {
            problems.add("'{{' without a closing '}}'");
        }
        if (!text.isEmpty()) {
            target.add(new Text(text));
        }
    }
}
