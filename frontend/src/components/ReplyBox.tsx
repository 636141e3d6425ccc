import { forwardRef, useCallback, useId, useImperativeHandle, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, addNote, attach, replyTo, replyWithFiles, type Attachment } from '../api';
import { CannedReplyPicker } from './CannedReplyPicker';
import { Markdown } from './Markdown';

export type ReplyMode = 'reply' | 'note';

/** What a page can do with the box: put text where the cursor is (an article, a canned reply). */
export interface ReplyBoxHandle {
  insert: (snippet: string) => void;
}

/**
 * `snippet` put into `text` in place of the selection [start, end), on lines of its own when it is
 * more than a line; returns the new text and where the cursor goes (after the snippet).
 */
export function insertAt(text: string, start: number, end: number, snippet: string): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const block = snippet.includes('\n');
  const lead = block && before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
  const trail = block && after && !after.startsWith('\n') ? '\n\n' : '';
  const inserted = lead + snippet + trail;
  return { text: before + inserted + after, caret: before.length + lead.length + snippet.length };
}

/** Markdown-lite around the selection: bold, italic, a list, a link. */
function format(kind: 'bold' | 'italic' | 'list' | 'link', selected: string): string {
  switch (kind) {
    case 'bold':
      return `**${selected || '…'}**`;
    case 'italic':
      return `_${selected || '…'}_`;
    case 'list':
      return (selected || '…')
        .split('\n')
        .map((line) => `- ${line.replace(/^\s*[-*]\s+/, '')}`)
        .join('\n');
    case 'link':
      return `[${selected || '…'}](https://)`;
  }
}

/**
 * The one box to write in a ticket: a public reply (sent to the requester through their channel,
 * recorded in the conversation) or an internal note (recorded, never sent), in Markdown-lite with
 * a preview, with files attached to the ticket and shown with the message. The text may be held by
 * the page (`text`, `onTextChange`); through the ref the page inserts text at the cursor
 * ({@link ReplyBoxHandle.insert}: knowledge-base answers, canned replies).
 */
export const ReplyBox = forwardRef<
  ReplyBoxHandle,
  {
    number: string;
    onSent: (mode: ReplyMode) => void;
    text?: string;
    onTextChange?: (text: string) => void;
    /** May the user write internal notes (default yes)? */
    allowNote?: boolean;
    /** May the user reply to the requester (default yes)? */
    allowReply?: boolean;
    /** A line under the box, e.g. how the reply relates to the task's outcome. */
    hint?: string;
  }
>(function ReplyBox({ number, onSent, text: heldText, onTextChange, allowNote = true, allowReply = true, hint }, ref) {
  const { t } = useTranslation();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [ownText, setOwnText] = useState('');
  const text = heldText ?? ownText;
  const setText = onTextChange ?? setOwnText;
  const [mode, setMode] = useState<ReplyMode>(allowReply ? 'reply' : 'note');
  const [preview, setPreview] = useState(false);
  const [files, setFiles] = useState<Attachment[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string>();
  const [sending, setSending] = useState(false);
  const [uploading, setUploading] = useState(false);

  /** Replaces the selection with `snippet` and puts the cursor after it. */
  const insert = useCallback(
    (snippet: string) => {
      const element = area.current;
      const start = element?.selectionStart ?? text.length;
      const end = element?.selectionEnd ?? text.length;
      const next = insertAt(text, start, end, snippet);
      setText(next.text);
      setPreview(false);
      requestAnimationFrame(() => {
        area.current?.focus();
        area.current?.setSelectionRange(next.caret, next.caret);
      });
    },
    [text, setText],
  );
  useImperativeHandle(ref, () => ({ insert }), [insert]);

  function formatSelection(kind: 'bold' | 'italic' | 'list' | 'link') {
    const element = area.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const next = insertAt(text, start, end, format(kind, text.slice(start, end)));
    setText(next.text);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  async function upload(list: FileList | null) {
    if (!list || list.length === 0) return;
    setUploading(true);
    try {
      const added: Attachment[] = [];
      for (const file of Array.from(list)) added.push(await attach(number, file));
      setFiles((current) => [...current, ...added.filter((file) => !current.some((c) => c.id === file.id))]);
      setStatus(t('reply.attached', { count: added.length }));
    } catch {
      setStatus(t('reply.attachFailed'));
    } finally {
      setUploading(false);
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setSending(true);
    const ids = files.map((file) => file.id);
    try {
      if (mode === 'note') await addNote(number, text.trim(), ids);
      else if (ids.length > 0) await replyWithFiles(number, text.trim(), ids);
      else await replyTo(number, text.trim());
      setText('');
      setFiles([]);
      setPreview(false);
      setStatus(t(mode === 'note' ? 'reply.noteAdded' : 'reply.sent'));
      onSent(mode);
    } catch (error) {
      setStatus(
        error instanceof ApiError && error.status === 409
          ? error.message
          : t(mode === 'note' ? 'reply.noteFailed' : 'reply.failed'),
      );
    } finally {
      setSending(false);
    }
  }

  const note = mode === 'note';
  return (
    <section className="mb-3 reply-box" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h4">
        {allowReply ? t('reply.title') : t('reply.noteTitle')}
      </h2>
      <form onSubmit={(event) => void send(event)}>
        {allowReply && allowNote && (
          <fieldset className="mb-2">
            <legend className="visually-hidden">{t('reply.mode')}</legend>
            <div className="btn-group" role="group">
              <input
                type="radio"
                className="btn-check"
                name={`${id}-mode`}
                id={`${id}-reply`}
                checked={!note}
                onChange={() => setMode('reply')}
              />
              <label className={`btn btn-sm ${note ? 'btn-outline-primary' : 'btn-primary'}`} htmlFor={`${id}-reply`}>
                {t('reply.public')}
              </label>
              <input
                type="radio"
                className="btn-check"
                name={`${id}-mode`}
                id={`${id}-note`}
                checked={note}
                onChange={() => setMode('note')}
              />
              <label className={`btn btn-sm ${note ? 'btn-primary' : 'btn-outline-primary'}`} htmlFor={`${id}-note`}>
                {t('reply.note')}
              </label>
            </div>
          </fieldset>
        )}
        <div className="d-flex flex-wrap gap-1 mb-1" role="toolbar" aria-label={t('reply.formatting')}>
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            onClick={() => formatSelection('bold')}
            aria-label={t('reply.bold')}
          >
            <strong aria-hidden="true">B</strong>
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            onClick={() => formatSelection('italic')}
            aria-label={t('reply.italic')}
          >
            <em aria-hidden="true">I</em>
          </button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => formatSelection('list')}>
            {t('reply.list')}
          </button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => formatSelection('link')}>
            {t('reply.link')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            aria-pressed={preview}
            onClick={() => setPreview((shown) => !shown)}
          >
            {t('reply.preview')}
          </button>
          <CannedReplyPicker ticket={number} onInsert={insert} />
        </div>
        <label htmlFor={id} className="form-label small mb-0">
          {note ? t('reply.noteLabel') : t('reply.label')}
        </label>
        <textarea
          id={id}
          ref={area}
          data-reply-box
          data-mode={mode}
          className={`form-control mb-2 ${note ? 'border-warning' : ''}`}
          rows={5}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        {preview && (
          <div className="border rounded p-2 mb-2 bg-light" aria-label={t('reply.previewOf')} role="region">
            {text.trim() ? (
              <Markdown source={text} />
            ) : (
              <p className="small text-muted mb-0">{t('reply.nothingToPreview')}</p>
            )}
          </div>
        )}
        <div className="mb-2">
          {/* the browser's own file control speaks the browser's language ("Choose Files"): a button of
              ours opens a visually hidden input, and the chosen files are listed below */}
          <span id={`${id}-files-hint`} className="form-label small mb-0 d-block">
            {t('reply.attach')}
          </span>
          <input
            ref={fileInput}
            id={`${id}-files`}
            type="file"
            multiple
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('reply.chooseFiles')}
            disabled={uploading}
            onChange={(event) => {
              void upload(event.target.files);
              event.target.value = '';
            }}
          />
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            aria-describedby={`${id}-files-hint`}
            disabled={uploading}
            onClick={() => fileInput.current?.click()}
          >
            {uploading ? t('reply.uploadingFiles') : t('reply.chooseFiles')}
          </button>{' '}
          {files.length === 0 && <span className="small text-muted">{t('reply.noFiles')}</span>}
          {files.length > 0 && (
            <ul className="list-inline small mt-1 mb-0" aria-label={t('reply.files')}>
              {files.map((file) => (
                <li key={file.id} className="list-inline-item">
                  {file.fileName}{' '}
                  <button
                    type="button"
                    className="btn btn-link btn-sm p-0"
                    aria-label={t('reply.removeFile', { name: file.fileName })}
                    onClick={() => setFiles((current) => current.filter((each) => each.id !== file.id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {hint && !note && <p className="small text-muted">{hint}</p>}
        {note && <p className="small text-muted">{t('reply.noteHint')}</p>}
        <button type="submit" className="btn btn-primary btn-sm" disabled={sending || uploading || !text.trim()}>
          {note ? t('reply.addNote') : t('reply.send')}
        </button>
      </form>
      <p className="small mt-1" role="status">
        {status}
      </p>
    </section>
  );
});
