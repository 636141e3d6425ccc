import { diffWords } from 'diff';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Side {
  number?: number;
  text?: string;
}
interface Row {
  kind: 'same' | 'changed' | 'hunk';
  left: Side;
  right: Side;
}

/** The rows of a side-by-side view from a unified diff: removed lines beside the added ones. */
export function sideBySide(lines: string[]): Row[] {
  const rows: Row[] = [];
  let left = 0;
  let right = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      rows.push({
        kind: 'changed',
        left: i < removed.length ? { number: ++left, text: removed[i] } : {},
        right: i < added.length ? { number: ++right, text: added[i] } : {},
      });
    }
    removed = [];
    added = [];
  };
  for (const line of lines) {
    if (line.startsWith('---') || line.startsWith('+++')) continue;
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      flush();
      left = Number(hunk[1]) - 1;
      right = Number(hunk[2]) - 1;
      rows.push({ kind: 'hunk', left: { number: left + 1 }, right: { number: right + 1 } });
    } else if (line.startsWith('-')) {
      removed.push(line.substring(1));
    } else if (line.startsWith('+')) {
      added.push(line.substring(1));
    } else {
      flush();
      const text = line.startsWith(' ') ? line.substring(1) : line;
      rows.push({ kind: 'same', left: { number: ++left, text }, right: { number: ++right, text } });
    }
  }
  flush();
  return rows;
}

/** One side of a changed line: the words only this side has are marked (<del> or <ins>). */
function words(row: Row, side: 'left' | 'right'): ReactNode {
  const text = row[side].text;
  if (text === undefined) return null;
  const other = row[side === 'left' ? 'right' : 'left'].text;
  if (row.kind !== 'changed' || other === undefined) {
    return side === 'left' ? <del>{text}</del> : <ins>{text}</ins>;
  }
  const parts = side === 'left' ? diffWords(text, other) : diffWords(other, text);
  return parts.map((part, index) => {
    if (side === 'left' && part.added) return null;
    if (side === 'right' && part.removed) return null;
    if (part.removed) return <del key={index}>{part.value}</del>;
    if (part.added) return <ins key={index}>{part.value}</ins>;
    return <Fragment key={index}>{part.value}</Fragment>;
  });
}

/** Two versions of an article side by side, the changed words marked, from the API's unified diff. */
export function DiffView({ lines, from, to }: { lines: string[]; from: number; to: number }) {
  const { t } = useTranslation();
  const rows = sideBySide(lines);
  if (rows.length === 0) return <p>{t('kb.noDifferences')}</p>;
  const cell = (row: Row, side: 'left' | 'right') => {
    const changed = row.kind === 'changed' && row[side].text !== undefined;
    return (
      <td
        className={changed ? (side === 'left' ? 'kb-diff-removed' : 'kb-diff-added') : undefined}
        style={{ whiteSpace: 'pre-wrap', width: '50%' }}
      >
        {row.kind === 'same' ? row[side].text : words(row, side)}
      </td>
    );
  };
  return (
    <div className="table-responsive">
      <table className="table table-sm kb-diff">
        <caption>{t('kb.diffCaption', { from, to })}</caption>
        <thead>
          <tr>
            <th scope="col" className="visually-hidden">
              {t('kb.line')}
            </th>
            <th scope="col">{t('kb.versionN', { version: from })}</th>
            <th scope="col" className="visually-hidden">
              {t('kb.line')}
            </th>
            <th scope="col">{t('kb.versionN', { version: to })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) =>
            row.kind === 'hunk' ? (
              <tr key={index} className="kb-diff-hunk">
                <td colSpan={4} className="small">
                  {t('kb.diffFromLine', { left: row.left.number, right: row.right.number })}
                </td>
              </tr>
            ) : (
              <tr key={index}>
                <td className="small text-end">{row.left.number}</td>
                {cell(row, 'left')}
                <td className="small text-end">{row.right.number}</td>
                {cell(row, 'right')}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
