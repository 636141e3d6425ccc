package it.sportello.channel.mail;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The Markdown-lite an operator writes in the reply box (bold, italic, lists, links), as the two
 * parts of the mail to the citizen: plain text without the markers (a link as {@code text (url)})
 * and HTML. The HTML never carries the operator's own HTML: CommonMark escapes raw HTML and drops
 * unsafe link schemes, and jsoup's safelist cleans what is left (defence in depth).
 */
final class MarkdownLite {

  private static final Parser PARSER = Parser.builder().build();

  // the reply box's preview (marked, breaks: true) shows a single newline as a line break
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).softbreak("<br />\n").build();

  private static final Safelist SAFE =
      Safelist.basic().addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr").removeTags("span");

  private MarkdownLite() {}

  /** Safe HTML (a fragment) for the text. */
  static String html(String markdown) {
    String rendered = HTML.render(PARSER.parse(markdown == null ? "" : markdown));
    Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(rendered, "", SAFE, output);
  }

  /** The text without Markdown markers: blocks on their own lines, links as {@code text (url)}. */
  static String plainText(String markdown) {
    PlainText visitor = new PlainText();
    PARSER.parse(markdown == null ? "" : markdown).accept(visitor);
    return visitor.text();
  }

  private static final class PlainText extends AbstractVisitor {

    private final StringBuilder out = new StringBuilder();
    private int listDepth;

    String text() {
      return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private void startBlock() {
      if (out.isEmpty()) {
        return;
      }
      if (listDepth > 0) {
        newLine();
      } else {
        newLine();
        out.append('\n');
      }
    }

    private void newLine() {
      if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }

    @Override
    public void visit(Paragraph paragraph) {
      // a list item's first paragraph stays on the line of its marker
      if (!(paragraph.getParent() instanceof ListItem item && item.getFirstChild() == paragraph)) {
        startBlock();
      }
      visitChildren(paragraph);
    }

    @Override
    public void visit(Heading heading) {
      startBlock();
      visitChildren(heading);
    }

    @Override
    public void visit(BlockQuote quote) {
      startBlock();
      visitChildren(quote);
    }

    @Override
    public void visit(BulletList list) {
      list(list);
    }

    @Override
    public void visit(OrderedList list) {
      list(list);
    }

    private void list(Node list) {
      if (listDepth == 0) {
        startBlock();
      }
      listDepth++;
      int number = list instanceof OrderedList ordered ? startOf(ordered) : 0;
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        newLine();
        out.append("  ".repeat(listDepth - 1));
        out.append(list instanceof OrderedList ? (number++) + ". " : "- ");
        visitChildren(item);
      }
      listDepth--;
      newLine();
    }

    private static int startOf(OrderedList list) {
      Integer start = list.getMarkerStartNumber();
      return start == null ? 1 : start;
    }

    @Override
    public void visit(FencedCodeBlock code) {
      startBlock();
      out.append(code.getLiteral().stripTrailing());
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      startBlock();
      out.append(code.getLiteral().stripTrailing());
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
      startBlock();
      out.append("----");
    }

    @Override
    public void visit(HtmlBlock html) {
      // written as text: a mail in plain text shows what the operator typed
      startBlock();
      out.append(html.getLiteral().stripTrailing());
    }

    @Override
    public void visit(HtmlInline html) {
      out.append(html.getLiteral());
    }

    @Override
    public void visit(Text text) {
      out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
      out.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
      out.append('\n');
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
      out.append('\n');
    }

    @Override
    public void visit(Link link) {
      int start = out.length();
      visitChildren(link);
      String label = out.substring(start);
      String url = link.getDestination();
      if (url != null && !url.isBlank() && !label.equals(url) && !("mailto:" + label).equals(url)) {
        out.append(" (").append(url).append(')');
      }
    }
  }
}
