import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown';

/** Markdown rendered and sanitised (see lib/markdown). */
export function Markdown({ source, className, id }: { source: string; className?: string; id?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return (
    <div
      id={id}
      className={['kb-markdown', className].filter(Boolean).join(' ')}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
