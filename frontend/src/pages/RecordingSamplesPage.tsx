import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client, ApiError, type FieldError } from '../client';
import type { Me } from '../api';
import type { components } from '../openapi';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { useLabels } from '../lib/labels';
import { calendarDate, calendarDateTime } from '../calendar';

type Sample = components['schemas']['Sample'];
type Listening = components['schemas']['Listening'];

/**
 * Samples of call recordings for supervisors and the customer's auditors: drawn at random with a seed
 * (the same seed and filters draw the same sample), listened to in the browser by opaque ids only (no
 * operator, caller, number or ticket), every listening logged and listed.
 */
export function RecordingSamplesPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const today = calendarDate(user.zone);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [queue, setQueue] = useState('');
  const [topic, setTopic] = useState('');
  const [size, setSize] = useState('10');
  const [seed, setSeed] = useState('');
  const [samples, setSamples] = useState<Sample[]>([]);
  const [sample, setSample] = useState<Sample>();
  const [listenings, setListenings] = useState<Listening[]>([]);
  const [message, setMessage] = useState<{ text?: string; ok: boolean; errors?: FieldError[] }>({ ok: true });

  const refresh = useCallback(async (open?: number) => {
    setSamples(await answer(client.GET('/api/distribution/recording-samples')));
    if (open != null) {
      setSample(
        await answer(client.GET('/api/distribution/recording-samples/{id}', { params: { path: { id: open } } })),
      );
      setListenings(
        await answer(client.GET('/api/distribution/recording-listenings', { params: { query: { sample: open } } })),
      );
    }
  }, []);

  useEffect(() => {
    void refresh().catch(() => setMessage({ text: t('errors.generic'), ok: false }));
  }, [refresh, t]);

  const draw = async () => {
    try {
      const drawn = await answer(
        client.POST('/api/distribution/recording-samples', {
          body: {
            from,
            to,
            queue: queue || undefined,
            topic: topic || undefined,
            size: Number(size),
            seed: seed ? Number(seed) : undefined,
          },
        }),
      );
      await refresh(drawn.id);
      setMessage({ text: t('samples.drawn', { count: drawn.items.length, seed: drawn.seed }), ok: true });
    } catch (error) {
      setMessage({
        text: error instanceof ApiError ? error.detail : t('errors.generic'),
        ok: false,
        errors: error instanceof ApiError ? error.errors : [],
      });
    }
  };

  const audioUrl = (item: Sample['items'][number]) =>
    `/api/distribution/recording-samples/${sample?.id}/items/${item.opaqueId}/audio`;

  return (
    <Layout user={user} wide>
      <h1>{t('samples.title')}</h1>
      <p>{t('samples.intro')}</p>
      <Message kind={message.ok ? 'success' : 'danger'} text={message.text} errors={message.errors} />
      <form
        className="row g-3 align-items-end mb-4"
        onSubmit={(e) => {
          e.preventDefault();
          void draw();
        }}
      >
        <div className="col-auto">
          <label htmlFor="sample-from" className="form-label">
            {t('samples.from')}
          </label>
          <input
            id="sample-from"
            type="date"
            className="form-control"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="col-auto">
          <label htmlFor="sample-to" className="form-label">
            {t('samples.to')}
          </label>
          <input
            id="sample-to"
            type="date"
            className="form-control"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <div className="col-auto">
          <label htmlFor="sample-queue" className="form-label">
            {t('samples.queue')}
          </label>
          <select id="sample-queue" className="form-select" value={queue} onChange={(e) => setQueue(e.target.value)}>
            <option value="">{t('samples.any')}</option>
            {labels.reference.queues.map((each) => (
              <option key={each.code} value={each.code}>
                {labels.queue(each.code)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-auto">
          <label htmlFor="sample-topic" className="form-label">
            {t('samples.topic')}
          </label>
          <select id="sample-topic" className="form-select" value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">{t('samples.any')}</option>
            {labels.reference.categories.map((each) => (
              <option key={each.code} value={each.code}>
                {labels.category(each.code)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-auto">
          <label htmlFor="sample-size" className="form-label">
            {t('samples.size')}
          </label>
          <input
            id="sample-size"
            type="number"
            min={1}
            max={200}
            className="form-control"
            value={size}
            onChange={(e) => setSize(e.target.value)}
          />
        </div>
        <div className="col-auto">
          <label htmlFor="sample-seed" className="form-label">
            {t('samples.seed')}
          </label>
          <input
            id="sample-seed"
            inputMode="numeric"
            className="form-control"
            value={seed}
            aria-describedby="sample-seed-help"
            onChange={(e) => setSeed(e.target.value.replace(/\D/g, ''))}
          />
          <div id="sample-seed-help" className="form-text">
            {t('samples.seedHelp')}
          </div>
        </div>
        <div className="col-auto">
          <button type="submit" className="btn btn-primary">
            {t('samples.draw')}
          </button>
        </div>
      </form>

      {sample && (
        <section aria-labelledby="sample-title">
          <h2 id="sample-title">{t('samples.sample', { id: sample.id })}</h2>
          <p>
            {t('samples.how', {
              seed: sample.seed,
              population: sample.population,
              by: sample.drawnBy,
              at: calendarDateTime(user.zone, sample.drawnAt, i18n.language),
            })}
          </p>
          <table className="table table-sm align-middle">
            <caption>{t('samples.itemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('samples.item')}</th>
                <th scope="col">{t('samples.day')}</th>
                <th scope="col">{t('samples.duration')}</th>
                <th scope="col">{t('samples.queue')}</th>
                <th scope="col">{t('samples.topic')}</th>
                <th scope="col">{t('samples.listen')}</th>
              </tr>
            </thead>
            <tbody>
              {sample.items.map((item) => (
                <tr key={item.opaqueId}>
                  <td>{item.position}</td>
                  <th scope="row">
                    <code>{item.opaqueId.slice(0, 8)}</code>
                  </th>
                  <td>{item.day ?? '—'}</td>
                  <td>{item.durationSeconds == null ? '—' : t('samples.seconds', { count: item.durationSeconds })}</td>
                  <td>{labels.queue(item.queue)}</td>
                  <td>{labels.category(item.topic)}</td>
                  <td>
                    {item.available ? (
                      // a call recording has no transcript to offer: listening to the call is the audit itself
                      // eslint-disable-next-line jsx-a11y/media-has-caption
                      <audio
                        controls
                        preload="none"
                        src={audioUrl(item)}
                        aria-label={t('samples.player', { item: item.opaqueId.slice(0, 8) })}
                        onPlay={() => void refresh(sample.id)}
                      />
                    ) : (
                      t('samples.gone')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('samples.listenings')}</h3>
          <table className="table table-sm">
            <caption>{t('samples.listeningsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('samples.when')}</th>
                <th scope="col">{t('samples.who')}</th>
                <th scope="col">{t('samples.item')}</th>
              </tr>
            </thead>
            <tbody>
              {listenings.map((row) => (
                <tr key={`${row.opaqueId}-${row.listenedAt}`}>
                  <td>{calendarDateTime(user.zone, row.listenedAt, i18n.language)}</td>
                  <td>{row.listenedBy}</td>
                  <td>
                    <code>{row.opaqueId.slice(0, 8)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <h2>{t('samples.previous')}</h2>
      <ul>
        {samples.map((each) => (
          <li key={each.id}>
            <button type="button" className="btn btn-link p-0" onClick={() => void refresh(each.id)}>
              {t('samples.entry', {
                id: each.id,
                from: each.from,
                to: each.to,
                seed: each.seed,
                by: each.drawnBy,
              })}
            </button>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
