package io.linkledger.email;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentNodeRendererContext;
import org.commonmark.renderer.text.TextContentRenderer;
import org.commonmark.renderer.text.TextContentWriter;

/**
 * Renders a Markdown template for one member into the email's HTML and plain-text parts, from
 * the same parsed document, so both carry the same words and links.
 * <p>
 * Sections are decided on the source; variables are filled in after parsing, into the document's
 * text, code and link destinations, so a value (a member's name, say) is never read as Markdown,
 * and the HTML renderer escapes it like any other text. Bare URLs and email addresses, whether
 * written in the template or inserted by {@code {{link}}}, become links. Raw HTML in a template
 * is shown as written, not interpreted: the plain-text part could not show it.
 */
final class MarkdownEmail {

    private static final List<Extension> AUTOLINK = List.of(
            AutolinkExtension.builder().linkTypes(AutolinkType.URL, AutolinkType.EMAIL).build());
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
            .nodeRendererFactory(PlainText::new)
            .build();

    /**
     * Inline, because mail clients drop style sheets. The console's preview frame inherits the
     * console's policy, which allows this one style attribute by its hash
     * ({@code HtmlPages.CONTENT_SECURITY_POLICY}); change both together.
     */
    static final String BODY_STYLE = "margin:0;padding:16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,"
            + "sans-serif;font-size:16px;line-height:1.5;color:#1b1f24;background:#ffffff;";
    private static final String HTML_HEAD = """
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            </head>
            <body style="%s">
            """.formatted(BODY_STYLE);
    private static final String HTML_TAIL = """
            </body>
            </html>
            """;

    private MarkdownEmail() {
    }

    static RenderedEmail render(EmailTemplate template, Map<String, String> values) {
        Node document = Parser.builder()
                .postProcessor(new Fill(values)) // before the autolinker, so inserted URLs become links
                .extensions(AUTOLINK)
                .build()
                .parse(Personalisation.sections(template.body(), values));
        return new RenderedEmail(Personalisation.render(template.subject(), values, false),
                HTML_HEAD + HTML.render(document) + HTML_TAIL, TEXT.render(document).strip() + "\n");
    }

    /** Fills the variables into the parsed document, wherever text can be. */
    private static final class Fill extends AbstractVisitor implements PostProcessor {

        private final Map<String, String> values;

        Fill(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public Node process(Node document) {
            document.accept(this);
            return document;
        }

        private String fill(String text) {
            return text == null ? null : Personalisation.fill(text, values);
        }

        @Override
        public void visit(Text text) {
            text.setLiteral(fill(text.getLiteral()));
        }

        @Override
        public void visit(Code code) {
            code.setLiteral(fill(code.getLiteral()));
        }

        @Override
        public void visit(FencedCodeBlock block) {
            block.setLiteral(fill(block.getLiteral()));
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            block.setLiteral(fill(block.getLiteral()));
        }

        @Override
        public void visit(HtmlInline html) {
            html.setLiteral(fill(html.getLiteral()));
        }

        @Override
        public void visit(HtmlBlock html) {
            html.setLiteral(fill(html.getLiteral()));
        }

        @Override
        public void visit(Link link) {
            link.setDestination(fill(link.getDestination()));
            link.setTitle(fill(link.getTitle()));
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            image.setDestination(fill(image.getDestination()));
            image.setTitle(fill(image.getTitle()));
            visitChildren(image);
        }
    }

    /**
     * The plain-text part where it differs from commonmark's text renderer: a link reads
     * "text (url)", or just the URL when that is its text; code is shown as it is; a quote is
     * prefixed with "> ".
     */
    private static final class PlainText extends AbstractVisitor implements NodeRenderer {

        private final TextContentNodeRendererContext context;
        private final TextContentWriter out;

        PlainText(TextContentNodeRendererContext context) {
            this.context = context;
            this.out = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class, Code.class, BlockQuote.class);
        }

        @Override
        public void render(Node node) {
            node.accept(this);
        }

        @Override
        public void visit(Link link) {
            String destination = link.getDestination();
            String text = textOf(link);
            if (destination.equals(text) || destination.equals("mailto:" + text) || destination.isEmpty()) {
                out.write(text);
                return;
            }
            renderChildren(link);
            out.write(" (" + destination + ")");
        }

        @Override
        public void visit(Image image) {
            String alt = textOf(image);
            out.write(alt.isEmpty() ? image.getDestination() : alt + " (" + image.getDestination() + ")");
        }

        @Override
        public void visit(Code code) {
            out.write(code.getLiteral());
        }

        @Override
        public void visit(BlockQuote quote) {
            out.writePrefix("> ");
            out.pushPrefix("> ");
            renderChildren(quote);
            out.popPrefix();
            out.block();
        }

        private void renderChildren(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }

        private static String textOf(Node node) {
            StringBuilder text = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text t) {
                    text.append(t.getLiteral());
                }

                @Override
                public void visit(Code c) {
                    text.append(c.getLiteral());
                }
            });
            return text.toString();
        }
    }
}
