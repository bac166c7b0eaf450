package io.linkledger.email;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Email personalisation: {@code {{member.first_name}}} inserts a value; {@code {{#link}}…{{/link}}}
 * keeps its content only when the member has that value (a code offer has no link). Nothing else
 * is evaluated.
 */
final class Personalisation {

    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    /** A section tag alone on its line: the line goes with the tag, as in Mustache. */
    private static final Pattern STANDALONE_SECTION = Pattern.compile("(?m)^[ \\t]*(\\{\\{[ \\t]*[#/][^{}\\n]*}})[ \\t]*(?:\\r?\\n|\\z)");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([a-z0-9_.]+)}}");

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
    static List<String> problems(String template, Collection<TemplateVariable> variables) {
        List<String> problems = new ArrayList<>();
        List<String> names = variables.stream().map(TemplateVariable::name).toList();
        unknown(parse(template, problems), names, problems);
        return problems;
    }

    private static void unknown(List<Node> nodes, List<String> names, List<String> problems) {
        for (Node node : nodes) {
            String name = switch (node) {
                case Text text -> null;
                case Variable variable -> variable.name();
                case Section section -> {
                    unknown(section.body(), names, problems);
                    yield section.name();
                }
            };
            if (name != null && !names.contains(name)) {
                problems.add("unknown variable {{" + name + "}}; use one of "
                        + String.join(", ", names.stream().map(v -> "{{" + v + "}}").toList()));
            }
        }
    }

    /** The template with every variable and section filled in; values HTML-escaped when {@code html}. */
    static String render(String template, Map<String, String> values, boolean html) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        write(parsed(template), values, name -> {
            String value = values.getOrDefault(name, "");
            return html ? HtmlUtils.htmlEscape(value) : value;
        }, out);
        return out.toString();
    }

    /**
     * The template with its sections decided for these values and its variables left in place as
     * {@code {{name}}}, to be filled in once the Markdown is parsed ({@link #fill}), so a value is
     * never read as Markdown. A section tag alone on its line takes the line with it: a section
     * that is left out leaves no empty line behind.
     */
    static String sections(String template, Map<String, String> values) {
        String standalone = STANDALONE_SECTION.matcher(template).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        StringBuilder out = new StringBuilder(template.length());
        write(parsed(standalone), values, name -> "{{" + name + "}}", out);
        return out.toString();
    }

    /** Fills in the variables {@link #sections} left in a piece of text. */
    static String fill(String text, Map<String, String> values) {
        if (!text.contains("{{")) {
            return text;
        }
        return VARIABLE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }

    private static List<Node> parsed(String template) {
        List<String> problems = new ArrayList<>();
        List<Node> nodes = parse(template, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return nodes;
    }

    private static void write(List<Node> nodes, Map<String, String> values, UnaryOperator<String> variable,
            StringBuilder out) {
        for (Node node : nodes) {
            switch (node) {
                case Text text -> out.append(text.text());
                case Variable v -> out.append(variable.apply(v.name()));
                case Section section -> {
                    String value = values.get(section.name());
                    if (value != null && !value.isEmpty()) {
                        write(section.body(), values, variable, out);
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
