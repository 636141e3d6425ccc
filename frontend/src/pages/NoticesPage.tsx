import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError, type Me } from '../api';
import { calendarDateTime } from '../calendar';
import { publicCategories, type PublicCategory } from '../citizenRequestApi';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import {
  createNotice,
  NOTICE_LANGUAGES,
  notices as loadNotices,
  publishNotice,
  updateNotice,
  withdrawNotice,
  type Notice,
  type NoticeDraft,
} from '../noticesApi';

/** The wall-clock parts of an instant in a zone, as `YYYY-MM-DDTHH:mm` (a datetime-local value). */
export function toZoned(instant: string | undefined | null, zone: string): string {
  if (!instant) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** The instant of a wall-clock time (`YYYY-MM-DDTHH:mm`) in a zone, as ISO-8601. */
export function fromZoned(local: string, zone: string): string | undefined {
  if (!local) return undefined;
  const asUtc = new Date(`${local}:00Z`).getTime();
  const offset = new Date(`${toZoned(new Date(asUtc).toISOString(), zone)}:00Z`).getTime() - asUtc;
  return new Date(asUtc - offset).toISOString();
}

interface Form {
  topic: string;
  audience: NoticeDraft['audience'];
  kind: NoticeDraft['kind'];
  title: Record<string, string>;
  body: Record<string, string>;
  validFrom: string;
  validTo: string;
  deadline: string;
}

const empty = (zone: string): Form => ({
  topic: '',
  audience: 'CITIZENS',
  kind: 'INFORMATION',
  title: {},
  body: {},
  validFrom: toZoned(new Date().toISOString(), zone),
  validTo: '',
  deadline: '',
});

const formOf = (notice: Notice, zone: string): Form => ({
  topic: notice.topic ?? '',
  audience: notice.audience,
  kind: notice.kind,
  title: { ...notice.title },
  body: { ...notice.body },
  validFrom: toZoned(notice.validFrom, zone),
  validTo: toZoned(notice.validTo, zone),
  deadline: notice.deadline ?? '',
});

/**
 * The notice board for the communication office and supervisors: the notices with their state, a
 * form to write or change one (Italian required, English, German and French optional), publish and
 * withdraw; who did what and when is shown with each.
 */
export function NoticesPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const zone = user.zone;
  const [items, setItems] = useState<Notice[]>();
  const [topics, setTopics] = useState<PublicCategory[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const [form, setForm] = useState<Form>(() => empty(zone));
  const [message, setMessage] = useState<{ kind: 'danger' | 'success'; text: string; errors?: FieldError[] }>();

  const reload = () => loadNotices().then(setItems, (e: Error) => setMessage({ kind: 'danger', text: e.message }));
  useEffect(() => {
    void reload();
    publicCategories().then(setTopics, () => setTopics([]));
  }, []);

  const topicName = (code?: string | null) =>
    code ? (topics.find((each) => each.code === code)?.name ?? code) : t('notices.allTopics');

  const fail = (e: unknown) =>
    setMessage({
      kind: 'danger',
      text: e instanceof ApiError && e.errors.length > 0 ? t('notices.invalid') : (e as Error).message,
      errors: e instanceof ApiError ? e.errors : [],
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    const draft: NoticeDraft = {
      topic: form.topic || undefined,
      audience: form.audience,
      kind: form.kind,
      title: form.title,
      body: form.body,
      validFrom: fromZoned(form.validFrom, zone) ?? '',
      validTo: fromZoned(form.validTo, zone),
      deadline: form.deadline || undefined,
    };
    (editing === null ? createNotice(draft) : updateNotice(editing, draft)).then(() => {
      setMessage({ kind: 'success', text: editing === null ? t('notices.created') : t('notices.saved') });
      setEditing(null);
      setForm(empty(zone));
      void reload();
    }, fail);
  };

  const act = (action: (id: number) => Promise<Notice>, id: number, text: string) =>
    action(id).then(() => {
      setMessage({ kind: 'success', text });
      void reload();
    }, fail);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));
  const when = (value?: string | null) => (value ? calendarDateTime(zone, value, i18n.language) : '');

  return (
    <Layout user={user} wide>
      <h1 className="h2">{t('notices.title')}</h1>
      <p>{t('notices.intro')}</p>
      <div aria-live="polite">
        <Message kind={message?.kind} text={message?.text} errors={message?.errors} />
      </div>

      <section aria-labelledby="notices-list" className="mb-4">
        <h2 id="notices-list" className="h4">
          {t('notices.list')}
        </h2>
        {items && items.length === 0 && <p>{t('notices.none')}</p>}
        {items && items.length > 0 && (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <caption className="visually-hidden">{t('notices.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('notices.fields.title')}</th>
                  <th scope="col">{t('notices.fields.topic')}</th>
                  <th scope="col">{t('notices.fields.kind')}</th>
                  <th scope="col">{t('notices.validity')}</th>
                  <th scope="col">{t('notices.state')}</th>
                  <th scope="col">{t('notices.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((notice) => (
                  <tr key={notice.id}>
                    <td lang="it">{notice.title.it}</td>
                    <td>{topicName(notice.topic)}</td>
                    <td>{t(`noticeBoard.kind.${notice.kind}`)}</td>
                    <td className="small">
                      {when(notice.validFrom)} – {notice.validTo ? when(notice.validTo) : t('notices.noEnd')}
                    </td>
                    <td className="small">
                      <span className="badge bg-secondary">{t(`notices.status.${notice.status}`)}</span>
                      <br />
                      {notice.status === 'PUBLISHED' &&
                        t('notices.publishedBy', { user: notice.publishedBy, at: when(notice.publishedAt) })}
                      {notice.status === 'WITHDRAWN' &&
                        t('notices.withdrawnBy', { user: notice.withdrawnBy, at: when(notice.withdrawnAt) })}
                      {notice.status === 'DRAFT' &&
                        t('notices.updatedBy', { user: notice.updatedBy, at: when(notice.updatedAt) })}
                    </td>
                    <td>
                      <div className="d-flex flex-wrap gap-1">
                        {notice.status !== 'WITHDRAWN' && (
                          <button
                            type="button"
                            className="btn btn-outline-primary btn-sm"
                            onClick={() => {
                              setEditing(notice.id);
                              setForm(formOf(notice, zone));
                              document.getElementById('notice-title-it')?.focus();
                            }}
                          >
                            {t('notices.edit')}
                            <span className="visually-hidden">: {notice.title.it}</span>
                          </button>
                        )}
                        {notice.status === 'DRAFT' && (
                          <button
                            type="button"
                            className="btn btn-primary btn-sm"
                            onClick={() => void act(publishNotice, notice.id, t('notices.published'))}
                          >
                            {t('notices.publish')}
                            <span className="visually-hidden">: {notice.title.it}</span>
                          </button>
                        )}
                        {notice.status === 'PUBLISHED' && (
                          <button
                            type="button"
                            className="btn btn-outline-danger btn-sm"
                            onClick={() => void act(withdrawNotice, notice.id, t('notices.withdrawn'))}
                          >
                            {t('notices.withdraw')}
                            <span className="visually-hidden">: {notice.title.it}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="notice-form-title">
        <h2 id="notice-form-title" className="h4">
          {editing === null ? t('notices.new') : t('notices.editing')}
        </h2>
        <form onSubmit={save} style={{ maxWidth: '48rem' }}>
          <div className="row g-3 mb-3">
            <div className="col-md-4">
              <label htmlFor="notice-topic" className="form-label">
                {t('notices.fields.topic')}
              </label>
              <select
                id="notice-topic"
                className="form-select"
                value={form.topic}
                onChange={(e) => set('topic', e.target.value)}
              >
                <option value="">{t('notices.allTopics')}</option>
                {topics.map((topic) => (
                  <option key={topic.code} value={topic.code}>
                    {topic.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-md-4">
              <label htmlFor="notice-audience" className="form-label">
                {t('notices.fields.audience')}
              </label>
              <select
                id="notice-audience"
                className="form-select"
                value={form.audience}
                onChange={(e) => set('audience', e.target.value as Form['audience'])}
              >
                {(['CITIZENS', 'BUSINESSES', 'ALL'] as const).map((audience) => (
                  <option key={audience} value={audience}>
                    {t(`notices.audience.${audience}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-md-4">
              <label htmlFor="notice-kind" className="form-label">
                {t('notices.fields.kind')}
              </label>
              <select
                id="notice-kind"
                className="form-select"
                value={form.kind}
                onChange={(e) => set('kind', e.target.value as Form['kind'])}
              >
                {(['INFORMATION', 'DEADLINE', 'OUTAGE'] as const).map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`noticeBoard.kind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {NOTICE_LANGUAGES.map((language) => (
            <fieldset key={language} className="mb-3" lang={language}>
              <legend className="h6">
                {t(`notices.languages.${language}`)}
                {language === 'it' ? ` (${t('notices.required')})` : ` (${t('notices.optional')})`}
              </legend>
              <label htmlFor={`notice-title-${language}`} className="form-label">
                {t('notices.fields.title')}
              </label>
              <input
                id={`notice-title-${language}`}
                className="form-control mb-2"
                maxLength={200}
                required={language === 'it'}
                value={form.title[language] ?? ''}
                onChange={(e) => set('title', { ...form.title, [language]: e.target.value })}
              />
              <label htmlFor={`notice-body-${language}`} className="form-label">
                {t('notices.fields.body')}
              </label>
              <textarea
                id={`notice-body-${language}`}
                className="form-control"
                rows={3}
                maxLength={4000}
                required={language === 'it'}
                value={form.body[language] ?? ''}
                onChange={(e) => set('body', { ...form.body, [language]: e.target.value })}
              />
            </fieldset>
          ))}
          <div className="row g-3 mb-3">
            <div className="col-md-4">
              <label htmlFor="notice-valid-from" className="form-label">
                {t('notices.fields.validFrom')}
              </label>
              <input
                id="notice-valid-from"
                type="datetime-local"
                className="form-control"
                required
                value={form.validFrom}
                onChange={(e) => set('validFrom', e.target.value)}
              />
            </div>
            <div className="col-md-4">
              <label htmlFor="notice-valid-to" className="form-label">
                {t('notices.fields.validTo')}
              </label>
              <input
                id="notice-valid-to"
                type="datetime-local"
                className="form-control"
                value={form.validTo}
                onChange={(e) => set('validTo', e.target.value)}
              />
            </div>
            <div className="col-md-4">
              <label htmlFor="notice-deadline" className="form-label">
                {t('notices.fields.deadline')}
              </label>
              <input
                id="notice-deadline"
                type="date"
                className="form-control"
                value={form.deadline}
                onChange={(e) => set('deadline', e.target.value)}
              />
            </div>
          </div>
          <p className="small text-muted">{t('notices.zone', { zone })}</p>
          <div className="d-flex gap-2">
            <button type="submit" className="btn btn-primary">
              {editing === null ? t('notices.saveDraft') : t('notices.save')}
            </button>
            {editing !== null && (
              <button
                type="button"
                className="btn btn-outline-secondary"
                onClick={() => {
                  setEditing(null);
                  setForm(empty(zone));
                }}
              >
                {t('notices.cancel')}
              </button>
            )}
          </div>
        </form>
      </section>
    </Layout>
  );
}
