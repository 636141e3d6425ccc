import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cannedReplies, renderCannedReply, type CannedReply } from '../api';

/** The body a preview shows: the one in the user's language when written, else the Italian one. */
export function cannedBody(reply: CannedReply, language: string): string {
  const bodies = reply.bodies as Record<string, string | null | undefined>;
  return bodies[language] || bodies.it || '';
}

/**
 * Canned replies beside the reply box: a button opens a combobox (type to filter, arrows to move,
 * Enter to insert, Escape to close) over the user's own and the shared replies, with a preview of
 * the one in focus. The reply chosen is rendered for the ticket by the API (its language, the
 * requester's name, the number...) and handed to `onInsert`, which puts it at the cursor.
 */
export function CannedReplyPicker({
  ticket,
  queue,
  onInsert,
}: {
  ticket: string;
  /** The ticket's queue: its replies and those for every queue; none: all. */
  queue?: string;
  onInsert: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [replies, setReplies] = useState<CannedReply[]>();
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    setStatus('');
    cannedReplies({ queue }).then(setReplies, () => {
      setReplies([]);
      setStatus(t('canned.loadFailed'));
    });
    input.current?.focus();
  }, [open, queue, t]);

  const needle = filter.trim().toLowerCase();
  const shown = (replies ?? []).filter(
    (reply) =>
      !needle ||
      reply.title.toLowerCase().includes(needle) ||
      Object.values(reply.bodies).some((body) => typeof body === 'string' && body.toLowerCase().includes(needle)),
  );
  const current = shown[Math.min(active, shown.length - 1)];
  const optionId = (reply: CannedReply) => `${id}-option-${reply.id}`;

  function close() {
    setOpen(false);
    setFilter('');
    setActive(0);
    button.current?.focus();
  }

  async function insert(reply: CannedReply) {
    setBusy(true);
    try {
      const rendered = await renderCannedReply(reply.id, ticket);
      setOpen(false);
      setFilter('');
      setActive(0);
      onInsert(rendered.text);
      setStatus(
        rendered.missing.length > 0
          ? t('canned.insertedMissing', { title: reply.title, missing: rendered.missing.join(', ') })
          : t('canned.inserted', { title: reply.title }),
      );
    } catch {
      setStatus(t('canned.renderFailed'));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = shown.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        setActive((index) => (index >= last ? 0 : index + 1));
        break;
      case 'ArrowUp':
        setActive((index) => (index <= 0 ? Math.max(last, 0) : index - 1));
        break;
      case 'Home':
        setActive(0);
        break;
      case 'End':
        setActive(Math.max(last, 0));
        break;
      case 'Enter':
        if (current && !busy) void insert(current);
        break;
      case 'Escape':
        close();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <div className="mb-2">
      <button
        ref={button}
        type="button"
        className="btn btn-outline-secondary btn-sm"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('canned.open')}
      </button>
      {open && (
        <div id={`${id}-panel`} className="border rounded p-2 mt-1">
          <label htmlFor={`${id}-filter`} className="form-label small mb-0">
            {t('canned.filter')}
          </label>
          <input
            ref={input}
            id={`${id}-filter`}
            type="text"
            className="form-control form-control-sm mb-1"
            role="combobox"
            aria-expanded="true"
            aria-autocomplete="list"
            aria-controls={`${id}-list`}
            aria-activedescendant={current ? optionId(current) : undefined}
            aria-describedby={`${id}-hint`}
            autoComplete="off"
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <p id={`${id}-hint`} className="small text-muted mb-1">
            {t('canned.hint')}
          </p>
          {replies === undefined ? (
            <p className="small mb-0">{t('canned.loading')}</p>
          ) : (
            <div className="row g-2">
              <div className="col-md-5">
                <ul id={`${id}-list`} role="listbox" aria-label={t('canned.listLabel')} className="list-group small">
                  {shown.map((reply) => (
                    // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the combobox input moves through the options with the keyboard (aria-activedescendant); the click is for the mouse
                    <li
                      key={reply.id}
                      id={optionId(reply)}
                      role="option"
                      aria-selected={reply === current}
                      className={`list-group-item list-group-item-action${reply === current ? ' active' : ''}`}
                      style={{ cursor: 'pointer' }}
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => void insert(reply)}
                    >
                      {reply.title}
                      {reply.shared ? '' : ` · ${t('canned.personal')}`}
                    </li>
                  ))}
                </ul>
                {shown.length === 0 && <p className="small mb-0">{t('canned.none')}</p>}
              </div>
              <div className="col-md-7">
                {current && (
                  <section aria-label={t('canned.preview')}>
                    <h3 className="h6 mb-1">{current.title}</h3>
                    <p className="small mb-0" style={{ whiteSpace: 'pre-wrap' }} data-canned-preview>
                      {cannedBody(current, i18n.language)}
                    </p>
                  </section>
                )}
              </div>
            </div>
          )}
        </div>
      )}
      {/* a live region, not role=status: the reply box has its own status line */}
      <p className="small mb-0" aria-live="polite" data-canned-status>
        {status}
      </p>
    </div>
  );
}
