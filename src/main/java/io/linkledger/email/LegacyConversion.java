package io.linkledger.email;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns the HTML body of a template saved before templates were written in Markdown into
 * Markdown, when nothing the member would see is lost: only paragraphs, headings, lists, quotes,
 * bold, italic, links, line breaks and code convert, and the result must render to the same text
 * and keep every link of the original. Anything else (a table, an image, a style) keeps the
 * original template ({@link LegacyTemplate}) with the reason.
 */
final class LegacyConversion {

    /** Markdown when it converted; otherwise why not. */
    record Result(String markdown, String reason) {

        boolean converted() {
            return markdown != null;
        }
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "blockquote", "hr", "pre");
    private static final Set<String> INLINE = Set.of("strong", "b", "em", "i", "a", "br", "code", "span");
    private static final Set<String> LINK_ATTRIBUTES = Set.of("href", "title", "target", "rel");
    private static final Pattern TAG = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern SECTION_TAGS_ONLY = Pattern.compile("\\s*(\\{\\{\\s*[#/][^{}]*}}\\s*)+");
    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");
    /** What would start a heading, quote or list at the start of a line: "#", ">", "-", "+", "=", "1." or "1)". */
    private static final Pattern LINE_START = Pattern.compile("(?m)^(\\d+)?([#>+=.)-])");

    /** Thrown while converting, for what Markdown cannot express. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    private LegacyConversion() {
    }

    static Result convert(String html, List<TemplateVariable> variables) {
        String markdown;
        try {
            List<String> blocks = new ArrayList<>();
            blocks(Jsoup.parseBodyFragment(html).body(), blocks);
            markdown = String.join("\n\n", blocks) + "\n";
        } catch (Unsupported e) {
            return new Result(null, e.getMessage());
        }
        if (!Personalisation.problems(markdown, variables).isEmpty() || !rendersAlike(html, markdown, variables)) {
            return new Result(null, "its HTML does not render the same once written in Markdown");
        }
        return new Result(markdown, null);
    }

    /** A plain-text body as Markdown: the same lines, with characters Markdown would read as syntax escaped. */
    static String draft(String text) {
        return lineStarts(escape(text.replace("\r\n", "\n")));
    }

    private static void blocks(Element parent, List<String> out) {
        List<Node> inline = new ArrayList<>();
        for (Node node : parent.childNodes()) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                paragraph(inline, out);
                inline.clear();
                block(element, out);
            } else if (!(node instanceof Comment)) {
                inline.add(node);
            }
        }
        paragraph(inline, out);
    }

    private static void block(Element element, List<String> out) {
        allowOnly(element, Set.of());
        String name = element.normalName();
        switch (name) {
            case "p" -> paragraph(element.childNodes(), out);
            case "div" -> blocks(element, out);
            case "hr" -> out.add("***");
            case "pre" -> out.add("```\n" + element.wholeText().strip() + "\n```");
            case "ul", "ol" -> out.add(list(element, name.equals("ol")));
            case "blockquote" -> {
                List<String> quoted = new ArrayList<>();
                blocks(element, quoted);
                out.add(String.join("\n\n", quoted).lines().map(line -> ("> " + line).stripTrailing())
                        .reduce((a, b) -> a + "\n" + b).orElse(">"));
            }
            default -> out.add("#".repeat(name.charAt(1) - '0') + " " + text(element.childNodes()));
        }
    }

    private static String list(Element list, boolean ordered) {
        List<String> items = new ArrayList<>();
        for (Node node : list.childNodes()) {
            if (node instanceof TextNode text && text.isBlank() || node instanceof Comment) {
                continue;
            }
            if (!(node instanceof Element item) || !item.normalName().equals("li")) {
                throw new Unsupported("a list holds something other than items");
            }
            allowOnly(item, Set.of());
            List<Node> content = new ArrayList<>();
            for (Node child : item.childNodes()) {
                if (child instanceof Element p && p.normalName().equals("p")) {
                    allowOnly(p, Set.of());
                    content.addAll(p.childNodes());
                } else {
                    content.add(child);
                }
            }
            items.add((ordered ? (items.size() + 1) + ". " : "- ") + text(content));
        }
        return String.join("\n", items);
    }

    /** A run of inline content as a paragraph; section tags alone go on lines of their own. */
    private static void paragraph(List<Node> nodes, List<String> out) {
        String text = text(nodes);
        if (text.isEmpty()) {
            return;
        }
        if (SECTION_TAGS_ONLY.matcher(text).matches()) {
            Matcher tags = TAG.matcher(text);
            List<String> lines = new ArrayList<>();
            while (tags.find()) {
                lines.add(tags.group());
            }
            out.add(String.join("\n", lines));
            return;
        }
        out.add(text);
    }

    /**
     * Inline content as the text of one block: no space at the start or end of a line, no line
     * break at the start or end (Markdown would show its backslash), nothing read as a block marker.
     */
    private static String text(List<Node> nodes) {
        String text = inline(nodes).replaceAll("(?m)^ +| +$", "")
                .replaceAll("^(?:\\\\\n|\\s)+|(?:\\\\\n|\\s)+$", "");
        return lineStarts(text);
    }

    private static String lineStarts(String text) {
        return LINE_START.matcher(text).replaceAll(m -> {
            boolean number = m.group(1) != null;
            String marker = m.group(2);
            if (number != (marker.equals(".") || marker.equals(")"))) {
                return Matcher.quoteReplacement(m.group());
            }
            return Matcher.quoteReplacement((number ? m.group(1) : "") + "\\" + marker);
        });
    }

    private static String inline(List<Node> nodes) {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            switch (node) {
                case TextNode text -> out.append(escape(text.getWholeText().replaceAll("\\s+", " ")));
                case Comment comment -> {
                }
                case Element element -> out.append(inline(element));
                default -> throw new Unsupported("uses " + node.nodeName());
            }
        }
        return out.toString();
    }

    private static String inline(Element element) {
        String name = element.normalName();
        if (!INLINE.contains(name)) {
            throw new Unsupported("uses <" + name + ">");
        }
        allowOnly(element, name.equals("a") ? LINK_ATTRIBUTES : Set.of());
        return switch (name) {
            case "br" -> "\\\n";
            case "code" -> "`" + element.wholeText() + "`";
            case "strong", "b" -> emphasis(inline(element.childNodes()), "**");
            case "em", "i" -> emphasis(inline(element.childNodes()), "*");
            case "a" -> link(element);
            default -> inline(element.childNodes());
        };
    }

    /** Markdown emphasis may not start or end with a space: those stay outside it. */
    private static String emphasis(String inner, String marker) {
        if (inner.isBlank()) {
            return inner;
        }
        String lead = inner.substring(0, inner.length() - inner.stripLeading().length());
        String trail = inner.substring(inner.stripTrailing().length());
        return lead + marker + inner.strip() + marker + trail;
    }

    private static String link(Element a) {
        String href = a.attr("href").strip();
        String text = inline(a.childNodes()).strip();
        boolean bare = href.matches("\\{\\{\\s*[a-z0-9_.]+\\s*}}|https?://\\S+");
        if (href.isEmpty()) {
            return text;
        }
        if (bare && (text.equals(href) || text.equals(escape(href)))) {
            return href;
        }
        String destination = href.matches(".*[\\s()<>].*") ? "<" + href + ">" : href;
        String title = a.attr("title").strip();
        return "[" + text + "](" + destination + (title.isEmpty() ? "" : " \"" + title.replace("\"", "\\\"") + "\"")
                + ")";
    }

    private static void allowOnly(Element element, Set<String> allowed) {
        for (Attribute attribute : element.attributes()) {
            if (!allowed.contains(attribute.getKey())) {
                throw new Unsupported("uses the attribute " + attribute.getKey() + " on <" + element.normalName() + ">");
            }
        }
    }

    /** Escapes what Markdown would read as syntax, outside {@code {{…}}} tags. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher tag = TAG.matcher(text);
        int last = 0;
        while (tag.find()) {
            out.append(escapePlain(text.substring(last, tag.start()))).append(tag.group());
            last = tag.end();
        }
        out.append(escapePlain(text.substring(last)));
        return out.toString();
    }

    private static String escapePlain(String text) {
        String escaped = text.replaceAll("([\\\\`*_\\[\\]<])", "\\\\$1");
        return ENTITY.matcher(escaped).replaceAll("\\\\&");
    }

    /** The original and the Markdown show the same text, and every link of the original is kept. */
    private static boolean rendersAlike(String html, String markdown, List<TemplateVariable> variables) {
        Map<String, String> all = new HashMap<>();
        variables.forEach(v -> all.put(v.name(), "https://example.com/" + v.name()));
        Map<String, String> none = new HashMap<>();
        variables.forEach(v -> none.put(v.name(), ""));
        for (Map<String, String> values : List.of(all, none)) {
            Element original = Jsoup.parseBodyFragment(Personalisation.render(html, values, true)).body();
            Element converted = Jsoup.parse(MarkdownEmail.render(new EmailTemplate("", markdown), values).html()).body();
            if (!original.text().equals(converted.text())) {
                return false;
            }
            List<String> links = new ArrayList<>(converted.select("a[href]").eachAttr("href"));
            for (String href : original.select("a[href]").eachAttr("href")) {
                if (!href.isEmpty() && !links.remove(href)) {
                    return false;
                }
            }
        }
        return true;
    }
}
