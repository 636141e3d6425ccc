package it.sportello.document;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads embedded documents (attachments, archive entries) like Tika does, but no deeper and no more
 * of them than the limits, remembering that it left some out.
 */
final class LimitedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {

  private final int maxDepth;
  private final int maxCount;
  private int depth;
  private int count;
  private String limitMessage;

  LimitedEmbeddedExtractor(ParseContext context, int maxDepth, int maxCount) {
    super(context);
    this.maxDepth = maxDepth;
    this.maxCount = maxCount;
  }

  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    if (depth >= maxDepth) {
      limitMessage =
          "Embedded documents are nested more than "
              + maxDepth
              + " levels deep (an archive bomb?): the deeper ones were not read.";
      return false;
    }
    if (count >= maxCount) {
      limitMessage =
          "There are more than " + maxCount + " embedded documents: the others were not read.";
      return false;
    }
    return super.shouldParseEmbedded(metadata);
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
      throws SAXException, IOException {
    count++;
    depth++;
    try {
      super.parseEmbedded(stream, handler, metadata, outputHtml);
    } finally {
      depth--;
    }
  }

  /** Why some embedded documents were left out, or null. */
  String limitMessage() {
    return limitMessage;
  }
}
