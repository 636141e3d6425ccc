import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, ticket as loadTicket, ticketsOf, type Ticket } from '../api';
import {
  linkTickets,
  mergeTicket,
  reclassify,
  ticketLinks,
  unlinkTickets,
  type TicketLink,
} from '../lib/ticketRelations';
import { ActionDialog } from './ActionDialog';
import { CategoryPicker } from './CategoryPicker';
import { CodeSelect } from './CodeSelect';

const QUEUES = ['general', 'payments', 'privacy', 'technical'];
const TYPES = ['Q', 'PQ', 'A', 'I', 'PA', 'PI'];
const PRIORITIES = [1, 2, 3, 4];

const LINK_KINDS: TicketLink['kind'][] = ['RELATED', 'DUPLICATE'];
/** The actions, each opening its dialog; a closed ticket can still be linked. */
const ACTIONS = ['merge', 'link', 'reclassify'] as const;

type Open = (typeof ACTIONS)[number] | null;

/**
 * Merge…, Link… and Reclassify… for one ticket, as dialogs with pickers, and its linked tickets.
 * Self-contained: give it the ticket's number; `onChanged` is called after every change.
 */
export function TicketActions({ number, onChanged }: { number: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const [ticket, setTicket] = useState<Ticket>();
  const [links, setLinks] = useState<TicketLink[]>([]);
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState('');

  const reload = useCallback(async () => {
    const [view, linked] = await Promise.all([loadTicket(number), ticketLinks(number)]);
    setTicket(view);
    setLinks(linked);
  }, [number]);

  useEffect(() => {
    reload().catch(() => setMessage(t('errors.generic')));
  }, [reload, t]);

  function done(text: string) {
    setOpen(null);
    setMessage(text);
    void reload();
    onChanged?.();
  }

  const closed = ticket?.status === 'CLOSED';
  return (
    <section className="ticket-actions mb-3" aria-labelledby={`links-${number}`}>
      <div className="d-flex flex-wrap gap-2 mb-2">
        {ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            className="btn btn-sm btn-outline-primary"
            disabled={!ticket || (closed && action !== 'link')}
            onClick={() => setOpen(action)}
          >
            {t(`ticketActions.${action}`)}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="small mb-1">
        {message}
      </p>
      <h3 id={`links-${number}`} className="h6">
        {t('ticketActions.linked')}
      </h3>
      {links.length === 0 ? (
        <p className="small text-muted">{t('ticketActions.noLinks')}</p>
      ) : (
        <ul className="list-unstyled small">
          {links.map((link) => (
            <li key={link.number} className="d-flex gap-2 align-items-center mb-1">
              <a href={`/tickets/${link.number}`}>{link.number}</a>
              <span>{link.subject}</span>
              <span className="badge bg-secondary">
                {link.merge ? t(`ticketActions.mergeKind.${link.merge}`) : t(`ticketActions.kind.${link.kind}`)}
              </span>
              <span>{t(`status.${link.status}`, { defaultValue: link.status })}</span>
              {!link.merge && (
                <button
                  type="button"
                  className="btn btn-link btn-sm p-0"
                  aria-label={t('ticketActions.unlinkFrom', { number: link.number })}
                  onClick={() =>
                    unlinkTickets(number, link.number)
                      .then(() => done(t('ticketActions.unlinked', { number: link.number })))
                      .catch((error) => setMessage(problem(error, t)))
                  }
                >
                  {t('ticketActions.unlink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open === 'merge' && ticket && (
        <ActionDialog title={t('ticketActions.mergeTitle', { number })} onClose={() => setOpen(null)}>
          <TicketChoice
            ticket={ticket}
            onlyOpen
            submitLabel={t('ticketActions.mergeSubmit')}
            hint={t('ticketActions.mergeHint', { number })}
            onSubmit={async (other) => {
              const result = await mergeTicket(number, other);
              done(
                t(result.replayed ? 'ticketActions.alreadyMerged' : 'ticketActions.merged', { number, into: other }),
              );
            }}
          />
        </ActionDialog>
      )}
      {open === 'link' && ticket && (
        <ActionDialog title={t('ticketActions.linkTitle', { number })} onClose={() => setOpen(null)}>
          <TicketChoice
            ticket={ticket}
            withKind
            submitLabel={t('ticketActions.linkSubmit')}
            onSubmit={async (other, kind) => {
              await linkTickets(number, other, kind ?? 'RELATED');
              done(t('ticketActions.linkedTo', { number: other }));
            }}
          />
        </ActionDialog>
      )}
      {open === 'reclassify' && ticket && (
        <ActionDialog title={t('ticketActions.reclassifyTitle', { number })} onClose={() => setOpen(null)}>
          <ReclassifyForm
            ticket={ticket}
            onSubmit={async (change) => {
              const result = await reclassify(number, change);
              done(
                result.changed.length === 0
                  ? t('ticketActions.nothingChanged')
                  : t(result.deadlinesMoved ? 'ticketActions.reclassifiedSla' : 'ticketActions.reclassified'),
              );
            }}
          />
        </ActionDialog>
      )}
    </section>
  );
}

function problem(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 409) return t('ticketActions.conflict', { detail: error.detail });
    if (error.status === 403) return t('errors.forbidden', { defaultValue: t('ticketActions.forbidden') });
    if (error.status === 400 && error.errors.length > 0)
      return t('ticketActions.invalid', {
        fields: error.errors.map((e) => t(`ticketActions.field.${e.field}`, { defaultValue: e.field })).join(', '),
      });
  }
  return t('errors.generic');
}

/** A dialog form's submission: busy while it runs, the problem said if it fails. */
function useSubmission() {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submitting(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (failure) {
      setError(problem(failure, t));
    } finally {
      setBusy(false);
    }
  }
  return { error, setError, busy, submitting };
}

/** The end of a dialog's form: its error, announced, and its submit button. */
function SubmitRow({ error, busy, label }: { error: string; busy: boolean; label: string }) {
  return (
    <>
      <p role="alert" className="text-danger small">
        {error}
      </p>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {label}
      </button>
    </>
  );
}

/** Picks another ticket of the same requester (and, for a link, the kind of link). */
function TicketChoice({
  ticket,
  onlyOpen,
  withKind,
  hint,
  submitLabel,
  onSubmit,
}: {
  ticket: Ticket;
  onlyOpen?: boolean;
  withKind?: boolean;
  hint?: string;
  submitLabel: string;
  onSubmit: (other: string, kind?: TicketLink['kind']) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [candidates, setCandidates] = useState<Ticket[]>();
  const [picked, setPicked] = useState('');
  const [kind, setKind] = useState<TicketLink['kind']>('RELATED');
  const { error, setError, busy, submitting } = useSubmission();

  useEffect(() => {
    if (!ticket.requester) {
      setCandidates([]);
      return;
    }
    ticketsOf(ticket.requester.id)
      .then((page) =>
        setCandidates(
          page.items.filter((other) => other.number !== ticket.number && (!onlyOpen || other.status !== 'CLOSED')),
        ),
      )
      .catch(() => setError(t('errors.generic')));
  }, [ticket, onlyOpen, t, setError]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!picked) {
      setError(t('ticketActions.pickTicket'));
      return;
    }
    await submitting(() => onSubmit(picked, kind));
  }

  return (
    <form onSubmit={submit} noValidate>
      {hint && <p className="small">{hint}</p>}
      <fieldset>
        <legend className="fs-6">{t('ticketActions.sameRequester', { name: ticket.requester?.name ?? '' })}</legend>
        {candidates === undefined && <p className="small">{t('ticketActions.loading')}</p>}
        {candidates?.length === 0 && <p className="small">{t('ticketActions.noCandidates')}</p>}
        {candidates?.map((other) => (
          <div className="form-check" key={other.number}>
            <input
              className="form-check-input"
              type="radio"
              name={`${id}-ticket`}
              id={`${id}-${other.number}`}
              value={other.number}
              checked={picked === other.number}
              onChange={() => setPicked(other.number)}
            />
            <label className="form-check-label" htmlFor={`${id}-${other.number}`}>
              {other.number} · {other.subject} · {t(`status.${other.status}`, { defaultValue: other.status })}
            </label>
          </div>
        ))}
      </fieldset>
      {withKind && (
        <CodeSelect
          id={`${id}-kind`}
          label={t('ticketActions.kindLabel')}
          value={kind}
          onChange={(code) => setKind(code as TicketLink['kind'])}
          codes={LINK_KINDS}
          name={(code) => t(`ticketActions.kind.${code}`)}
        />
      )}
      <SubmitRow error={error} busy={busy} label={submitLabel} />
    </form>
  );
}

function ReclassifyForm({
  ticket,
  onSubmit,
}: {
  ticket: Ticket;
  onSubmit: (change: {
    queue?: string;
    type?: string;
    priority?: number;
    category?: string;
    reason: string;
  }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [queue, setQueue] = useState(ticket.queue ?? '');
  const [type, setType] = useState(ticket.type);
  const [priority, setPriority] = useState(String(ticket.priority ?? 3));
  const [category, setCategory] = useState(ticket.category?.reason ?? ticket.category?.topic ?? '');
  const [reason, setReason] = useState('');
  const { error, setError, busy, submitting } = useSubmission();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('ticketActions.reasonRequired'));
      return;
    }
    await submitting(() =>
      onSubmit({
        queue: queue || undefined,
        type,
        priority: Number(priority),
        category: category || undefined,
        reason: reason.trim(),
      }),
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <CodeSelect
        id={`${id}-queue`}
        label={t('ticketActions.queue')}
        value={queue}
        onChange={setQueue}
        codes={QUEUES}
        name={(code) => t(`intake.topics.${code}`, { defaultValue: code })}
      />
      <CodeSelect
        id={`${id}-type`}
        label={t('ticketActions.type')}
        value={type}
        onChange={(code) => setType(code as Ticket['type'])}
        codes={TYPES}
        name={(code) => t(`intake.types.${code}`, { defaultValue: code })}
      />
      <CodeSelect
        id={`${id}-priority`}
        label={t('ticketActions.priority')}
        value={priority}
        onChange={setPriority}
        codes={PRIORITIES.map(String)}
        name={(code) => t(`priority.${code}`)}
      />
      <CategoryPicker value={category} onChange={setCategory} />
      <div className="mb-2">
        <label htmlFor={`${id}-reason`} className="form-label">
          {t('ticketActions.reason')}
        </label>
        <textarea
          id={`${id}-reason`}
          className="form-control"
          rows={2}
          value={reason}
          required
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <SubmitRow error={error} busy={busy} label={t('ticketActions.reclassifySubmit')} />
    </form>
  );
}
