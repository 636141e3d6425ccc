import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  ApiError,
  contact as loadContact,
  contactChanges,
  contactHistory,
  contactTickets,
  duplicatesOf,
  editContact,
  mergeContact,
  type Contact,
  type ContactChange,
  type ContactEdit,
  type FieldError,
  type Interaction,
  type Lookalike,
  type Me,
  type Page,
  type Ticket,
} from '../api';
import { calendarDateTime } from '../calendar';
import { Layout } from '../components/Layout';
import { CodeSelect } from '../components/CodeSelect';
import { Pager } from '../components/Pager';
import { TableHead } from '../components/TableHead';
import { useLabels } from '../lib/labels';
import { Message } from '../components/Message';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { mayEditContacts, mayListTickets, mayMergeContacts } from '../navigation';
import { useLatest } from '../lib/latest';

const KINDS = ['PERSON', 'ORGANISATION', 'ADMINISTRATION'] as const;
const CHANNELS = ['EMAIL', 'PEC', 'PHONE', 'POST', 'WEB'] as const;
const LANGUAGES = ['it', 'en', 'de', 'fr'] as const;
const TEXT_FIELDS = ['name', 'fiscalCode', 'vatNumber', 'email', 'pec', 'phone'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const INPUT_TYPES: Record<TextField, string> = {
  name: 'text',
  fiscalCode: 'text',
  vatNumber: 'text',
  email: 'email',
  pec: 'email',
  phone: 'tel',
};

type Form = Record<TextField | 'kind' | 'preferredLanguage' | 'preferredChannel', string>;

function formOf(contact: Contact): Form {
  return {
    kind: contact.kind,
    name: contact.name ?? '',
    fiscalCode: contact.fiscalCode ?? '',
    vatNumber: contact.vatNumber ?? '',
    email: contact.email ?? '',
    pec: contact.pec ?? '',
    phone: contact.phone ?? '',
    preferredLanguage: contact.preferredLanguage ?? '',
    preferredChannel: contact.preferredChannel ?? '',
  };
}

/**
 * The requester page: who the contact is (editable by staff with contact rights, read-only for
 * auditors), every change made to it, every ticket and every interaction on any channel (newest
 * first, paged), and the merge of duplicates into it.
 */
export function ContactPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { id: param } = useParams();
  const id = Number(param);
  const [contact, setContact] = useState<Contact>();
  const [denied, setDenied] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [changesPage, setChangesPage] = useState(0);
  const [changesVersion, setChangesVersion] = useState(0);
  useDocumentTitle(contact ? (contact.name ?? t('contact.title', { id })) : undefined);

  const latest = useLatest();
  const load = useCallback(async () => {
    const current = latest();
    try {
      const loaded = await loadContact(id);
      if (!current()) return;
      setContact(loaded);
      setFailure(undefined);
    } catch (error) {
      if (!current()) return;
      if (error instanceof ApiError && error.status === 403) setDenied(true);
      else if (error instanceof ApiError && error.status === 404) setFailure(t('contact.notFound'));
      else setFailure(t('errors.generic'));
    }
  }, [id, t, latest]);

  useEffect(() => {
    void load();
  }, [load]);

  const when = (value: string) => calendarDateTime(user.zone, value, i18n.language);
  const refresh = async () => {
    await load();
    setChangesVersion((version) => version + 1);
  };

  return (
    <Layout user={user}>
      <h1 className="h2">{contact?.name ?? t('contact.title', { id })}</h1>
      {denied && (
        <div className="alert alert-warning" role="alert">
          {t('contact.denied')}
        </div>
      )}
      <Message text={failure} />
      {contact && (
        <>
          {contact.mergedIntoId != null && (
            <div className="alert alert-info" role="status">
              {t('contact.mergedInto')}{' '}
              <Link to={`/contacts/${contact.mergedIntoId}`}>
                {t('contact.openMerged', { id: contact.mergedIntoId })}
              </Link>
            </div>
          )}
          <ContactDetails
            key={contact.version}
            contact={contact}
            editable={mayEditContacts(user) && contact.mergedIntoId == null}
            onSaved={(saved) => {
              setContact(saved);
              setChangesVersion((version) => version + 1);
            }}
            onStale={() => void load()}
          />
          {mayMergeContacts(user) && contact.mergedIntoId == null && (
            <MergePanel contact={contact} onMerged={refresh} />
          )}
          <Paged<ContactChange>
            title={t('contact.changes')}
            id="changes"
            load={(page) => contactChanges(id, page)}
            reloadKey={`${changesVersion}`}
            page={changesPage}
            onPage={setChangesPage}
            empty={t('contact.noChanges')}
            columns={[t('contact.when'), t('contact.who'), t('contact.field'), t('contact.before'), t('contact.after')]}
            row={(change) => (
              <tr key={change.id}>
                <td>{when(change.changedAt)}</td>
                <td>{change.changedBy}</td>
                <th scope="row">{t(`contact.fields.${change.field}`, { defaultValue: change.field })}</th>
                <td>{shown(change.field, change.oldValue, t)}</td>
                <td>{shown(change.field, change.newValue, t)}</td>
              </tr>
            )}
          />
          {mayListTickets(user) ? (
            <PagedState<Ticket>
              title={t('contact.tickets')}
              id="tickets"
              load={(page) => contactTickets(id, page)}
              reloadKey={`${contact.version}`}
              empty={t('contact.noTickets')}
              columns={[t('inbox.columns.number'), t('inbox.columns.subject'), t('task.status'), t('task.received')]}
              row={(ticket) => (
                <tr key={ticket.number}>
                  <th scope="row">
                    <Link to={`/tickets/${ticket.number}`}>{ticket.number}</Link>
                  </th>
                  <td>{ticket.subject}</td>
                  <td>{labels.status(ticket.status)}</td>
                  <td>{when(ticket.receivedAt)}</td>
                </tr>
              )}
            />
          ) : (
            <section aria-labelledby="tickets-title" className="mt-4">
              <h2 id="tickets-title" className="h4">
                {t('contact.tickets')}
              </h2>
              <p>{t('contact.ticketsNotAllowed')}</p>
            </section>
          )}
          <PagedState<Interaction>
            title={t('contact.interactions')}
            id="interactions"
            load={(page) => contactHistory(id, page)}
            reloadKey={`${contact.version}`}
            empty={t('task.noHistory')}
            columns={[
              t('contact.when'),
              t('inbox.columns.channel'),
              t('contact.direction'),
              t('inbox.columns.number'),
              t('contact.summary'),
            ]}
            row={(interaction) => (
              <tr key={interaction.id}>
                <td>{when(interaction.occurredAt)}</td>
                <td>{labels.channel(interaction.channel)}</td>
                <td>{t(`contact.directions.${interaction.direction}`, { defaultValue: interaction.direction })}</td>
                <td>
                  {interaction.ticketNumber && (
                    <Link to={`/tickets/${interaction.ticketNumber}`}>{interaction.ticketNumber}</Link>
                  )}
                </td>
                <td>{interaction.summary}</td>
              </tr>
            )}
          />
        </>
      )}
    </Layout>
  );
}

/** A value of the trail as the user reads it: labels for codes, a dash for nothing. */
function shown(field: string, value: string | undefined | null, t: TFunction) {
  if (value == null || value === '') return '—';
  if (field === 'kind') return t(`contact.kinds.${value}`, { defaultValue: value });
  if (field === 'preferredChannel') return t(`contact.channels.${value}`, { defaultValue: value });
  if (field === 'preferredLanguage') return t(`contact.languages.${value}`, { defaultValue: value });
  return value;
}

function ContactDetails({
  contact,
  editable,
  onSaved,
  onStale,
}: {
  contact: Contact;
  editable: boolean;
  onSaved: (contact: Contact) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const prefix = useId();
  const [form, setForm] = useState<Form>(() => formOf(contact));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<{ kind: 'danger' | 'success'; text: string }>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  if (!editable) {
    return (
      <section className="card mb-3" aria-labelledby={`${prefix}-title`}>
        <div className="card-body">
          <h2 id={`${prefix}-title`} className="h4 card-title">
            {t('contact.details')}
          </h2>
          <dl className="row mb-0">
            {(['kind', ...TEXT_FIELDS, 'preferredLanguage', 'preferredChannel'] as const).map((field) => (
              <div key={field} className="col-12 col-md-6 d-flex gap-2">
                <dt>{t(`contact.fields.${field}`)}</dt>
                <dd className="mb-1">{shown(field, formOf(contact)[field], t)}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
    );
  }

  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const choose = (field: keyof Form) => (value: string) => setForm((current) => ({ ...current, [field]: value }));
  const set = (field: keyof Form) => (event: { target: { value: string } }) => choose(field)(event.target.value);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors([]);
    setMessage(undefined);
    setConflict(false);
    const edit = {
      version: contact.version,
      kind: form.kind,
      ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, form[field].trim() || undefined])),
      preferredLanguage: form.preferredLanguage || undefined,
      preferredChannel: form.preferredChannel || undefined,
    } as ContactEdit;
    try {
      const saved = await editContact(contact.id, edit);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) {
        setErrors(error.errors);
        setMessage({ kind: 'danger', text: t('contact.invalid') });
      } else if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
        setMessage({ kind: 'danger', text: t('contact.conflict') });
      } else {
        setMessage({ kind: 'danger', text: t('errors.generic') });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card mb-3" aria-labelledby={`${prefix}-title`}>
      <div className="card-body">
        <h2 id={`${prefix}-title`} className="h4 card-title">
          {t('contact.details')}
        </h2>
        <form onSubmit={(event) => void save(event)} noValidate aria-describedby={`${prefix}-message`}>
          <div className="row g-3">
            <CodeSelect
              id={`${prefix}-kind`}
              label={t('contact.fields.kind')}
              value={form.kind}
              onChange={choose('kind')}
              codes={KINDS}
              name={(code) => t(`contact.kinds.${code}`)}
              className="col-12 col-md-6"
            />
            {TEXT_FIELDS.map((field) => {
              const error = errorOf(field);
              return (
                <div key={field} className="col-12 col-md-6">
                  <label className="form-label" htmlFor={`${prefix}-${field}`}>
                    {t(`contact.fields.${field}`)}
                  </label>
                  <input
                    id={`${prefix}-${field}`}
                    name={field}
                    type={INPUT_TYPES[field]}
                    className={`form-control${error ? ' is-invalid' : ''}`}
                    value={form[field]}
                    onChange={set(field)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${prefix}-${field}-error` : undefined}
                  />
                  {error && (
                    <div id={`${prefix}-${field}-error`} className="invalid-feedback d-block">
                      {error}
                    </div>
                  )}
                </div>
              );
            })}
            <CodeSelect
              id={`${prefix}-language`}
              label={t('contact.fields.preferredLanguage')}
              value={form.preferredLanguage}
              onChange={choose('preferredLanguage')}
              codes={LANGUAGES}
              name={(code) => t(`contact.languages.${code}`)}
              empty={t('contact.unknown')}
              className="col-12 col-md-6"
              invalid={!!errorOf('preferredLanguage')}
            />
            <CodeSelect
              id={`${prefix}-channel`}
              label={t('contact.fields.preferredChannel')}
              value={form.preferredChannel}
              onChange={choose('preferredChannel')}
              codes={CHANNELS}
              name={(code) => t(`contact.channels.${code}`)}
              empty={t('contact.unknown')}
              className="col-12 col-md-6"
            />
          </div>
          <div id={`${prefix}-message`} className="mt-3">
            {message && (
              <Message
                kind={message.kind}
                text={message.text}
                errors={errors.map((error) => ({
                  field: t(`contact.fields.${error.field}`, { defaultValue: error.field }),
                  message: error.message,
                }))}
              />
            )}
          </div>
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary" disabled={saving}>
              {t('contact.save')}
            </button>
            {conflict && (
              <button type="button" className="btn btn-outline-primary" onClick={onStale}>
                {t('contact.reload')}
              </button>
            )}
          </div>
        </form>
      </div>
    </section>
  );
}

/** Finds duplicates of the contact (or any contact, by search) and merges one into it. */
function MergePanel({ contact, onMerged }: { contact: Contact; onMerged: () => Promise<void> }) {
  const { t } = useTranslation();
  const prefix = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [candidates, setCandidates] = useState<Lookalike[]>();
  const [chosen, setChosen] = useState<Contact>();
  const [message, setMessage] = useState<{ kind: 'danger' | 'success'; text: string }>();

  const latest = useLatest();
  async function search(q?: string) {
    const current = latest();
    try {
      const found = await duplicatesOf(contact.id, q);
      if (current()) setCandidates(found);
    } catch {
      if (!current()) return;
      setMessage({ kind: 'danger', text: t('errors.generic') });
    }
  }

  useEffect(() => {
    if (open) {
      heading.current?.focus();
      void search();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  async function merge(duplicate: Contact) {
    try {
      const result = await mergeContact(contact.id, duplicate.id);
      setChosen(undefined);
      setCandidates((current) => current?.filter((each) => each.contact.id !== duplicate.id));
      setMessage({
        kind: 'success',
        text: result.alreadyMerged
          ? t('contact.merge.already', { id: duplicate.id })
          : t('contact.merge.done', { name: duplicate.name ?? duplicate.id }),
      });
      await onMerged();
    } catch (error) {
      setMessage({
        kind: 'danger',
        text: error instanceof ApiError && error.status === 409 ? error.detail : t('errors.generic'),
      });
    }
  }

  if (!open) {
    return (
      <>
        <button type="button" className="btn btn-outline-primary mb-3" onClick={() => setOpen(true)}>
          {t('contact.merge.open')}
        </button>
        <Message kind={message?.kind} text={message?.text} />
      </>
    );
  }
  return (
    <section className="card mb-3" role="dialog" aria-labelledby={`${prefix}-title`}>
      <div className="card-body">
        <h2 id={`${prefix}-title`} className="h4 card-title" tabIndex={-1} ref={heading}>
          {t('contact.merge.title')}
        </h2>
        <p>{t('contact.merge.hint', { name: contact.name ?? contact.id })}</p>
        <form
          className="d-flex flex-wrap gap-2 mb-3"
          onSubmit={(event) => {
            event.preventDefault();
            void search(query);
          }}
        >
          <label className="visually-hidden" htmlFor={`${prefix}-q`}>
            {t('contact.merge.search')}
          </label>
          <input
            id={`${prefix}-q`}
            className="form-control w-auto flex-grow-1"
            value={query}
            placeholder={t('inbox.searchRequesterHint')}
            onChange={(event) => setQuery(event.target.value)}
          />
          <button type="submit" className="btn btn-outline-primary">
            {t('contact.merge.search')}
          </button>
        </form>
        <Message kind={message?.kind} text={message?.text} />
        {candidates && candidates.length === 0 && <p>{t('contact.merge.none')}</p>}
        {candidates && candidates.length > 0 && (
          <div className="table-responsive">
            <table className="table align-middle">
              <caption>{t('contact.merge.caption')}</caption>
              <TableHead
                headers={[
                  t('contact.fields.name'),
                  t('contact.merge.identifiers'),
                  t('contact.merge.sameAs'),
                  t('inbox.columns.actions'),
                ]}
              />
              <tbody>
                {candidates.map(({ contact: other, sameAs }) => (
                  <tr key={other.id}>
                    <th scope="row">
                      <Link to={`/contacts/${other.id}`}>{other.name ?? other.id}</Link>
                    </th>
                    <td>{[other.fiscalCode, other.vatNumber, other.email, other.phone].filter(Boolean).join(' · ')}</td>
                    <td>{sameAs.map((field) => t(`contact.fields.${field}`)).join(', ')}</td>
                    <td>
                      {chosen?.id === other.id ? (
                        <div className="d-flex flex-wrap gap-1">
                          <button type="button" className="btn btn-danger btn-sm" onClick={() => void merge(other)}>
                            {t('contact.merge.confirm')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-outline-secondary btn-sm"
                            onClick={() => setChosen(undefined)}
                          >
                            {t('contact.merge.cancel')}
                          </button>
                        </div>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          aria-label={t('contact.merge.choose', { name: other.name ?? other.id })}
                          onClick={() => setChosen(other)}
                        >
                          {t('contact.merge.action')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <button type="button" className="btn btn-outline-secondary" onClick={() => setOpen(false)}>
          {t('contact.merge.close')}
        </button>
      </div>
    </section>
  );
}

interface PagedProps<T> {
  title: string;
  id: string;
  load: (page: number) => Promise<Page<T>>;
  reloadKey: string;
  empty: string;
  columns: string[];
  row: (item: T) => ReactElement;
}

/** A paged table that keeps its own page. */
function PagedState<T>(props: PagedProps<T>) {
  const [page, setPage] = useState(0);
  return <Paged<T> {...props} page={page} onPage={setPage} />;
}

/** A titled, paged table of a section of the page, newest first as the API gives it. */
function Paged<T>({
  title,
  id,
  load,
  reloadKey,
  empty,
  columns,
  row,
  page,
  onPage,
}: PagedProps<T> & { page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const [data, setData] = useState<Page<T>>();
  const [denied, setDenied] = useState(false);
  const [failed, setFailed] = useState(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    // paging fast: only the page asked last is shown
    let stale = false;
    loadRef.current(page).then(
      (result) => {
        if (stale) return;
        setData(result);
        setFailed(false);
      },
      (error) => {
        if (stale) return;
        if (error instanceof ApiError && error.status === 403) setDenied(true);
        else setFailed(true);
      },
    );
    return () => {
      stale = true;
    };
  }, [page, reloadKey]);

  return (
    <section aria-labelledby={`${id}-title`} className="mt-4">
      <h2 id={`${id}-title`} className="h4">
        {title}
      </h2>
      {denied && <p>{t('contact.sectionDenied')}</p>}
      <Message text={failed ? t('errors.generic') : undefined} />
      {data && data.items.length === 0 && <p>{empty}</p>}
      {data && data.items.length > 0 && (
        <>
          <div className="table-responsive">
            <table className="table table-sm align-middle" id={id}>
              <caption className="visually-hidden">{title}</caption>
              <TableHead headers={columns} />
              <tbody>{data.items.map(row)}</tbody>
            </table>
          </div>
          <Pager page={page} totalPages={data.totalPages} onPage={onPage} label={t('contact.pages', { title })} />
        </>
      )}
    </section>
  );
}
