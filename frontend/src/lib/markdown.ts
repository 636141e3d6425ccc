// Markdown as the knowledge base writes it, rendered with `marked` and sanitised with DOMPurify:
// articles for operators and citizens, the editor's preview, the text inserted in a reply, and the
// search snippets (highlights kept, markup dropped).
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const markdown = new Marked({
  gfm: true,
  breaks: true,
  // the page's title is the article's <h1>: the article's own headings start one level below
  walkTokens(token) {
    if (token.type === 'heading') token.depth = Math.min(6, token.depth + 1);
  },
});

/** The Markdown as safe HTML: no scripts, no event handlers, no javascript: links. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source ?? '', { async: false });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'] });
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'PRE', 'BLOCKQUOTE', 'TR', 'TABLE', 'UL', 'OL']);

/** The Markdown as plain text (for a reply to a citizen): paragraphs and list items on their lines. */
export function markdownToText(source: string): string {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(source);
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) lines.push(line.replace(/[ \t]+/g, ' ').trim());
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.tagName === 'BR') {
      flush();
      return;
    }
    const block = BLOCKS.has(node.tagName);
    if (block) flush();
    if (node.tagName === 'LI') line += '- ';
    node.childNodes.forEach(walk);
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      if (href && href !== node.textContent) line += ` (${href})`;
    }
    if (block) flush();
  };
  container.childNodes.forEach(walk);
  flush();
  return lines.join('\n');
}

/**
 * A search snippet (HTML-escaped text with <mark> around the matched words) without Markdown
 * markup, as safe HTML: only the highlights remain as tags.
 */
export function snippetHtml(snippet: string): string {
  const text = (snippet ?? '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(^|\n|\s)#{1,6}\s+/g, '$1')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|\s)[*_](?=\S)|(?<=\S)[*_](?=\s|$|[.,;:!?])/g, '$1')
    .replace(/(^|\n)\s*(?:&gt;|>)\s?/g, '$1')
    .replace(/(^|\n)\s*(?:[-*+]|\d+\.)\s+/g, '$1')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return DOMPurify.sanitize(text, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] });
}
