import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api';
import { calendarDate, calendarDateTime } from '../calendar';
import { Bars } from '../components/Bars';
import { LegalBasisField } from '../components/LegalBasisField';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { OpenList } from '../components/OpenList';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { usePageMessage } from '../components/usePageMessage';
import { useLabels } from '../lib/labels';
import {
  act,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_OUTCOMES,
  campaignProgress,
  campaignResults,
  campaigns as listCampaigns,
  createCampaign,
  importRecipients,
  issueTokens,
  recipientsFromRegistry,
  tokensHref,
  WEB_ACCESS,
  workbookHref,
  type AudienceQuery,
  type CampaignDraft,
  type Campaign,
  type CampaignAction,
  type CampaignChannel,
  type CampaignProgress,
  type QuestionResult,
  type WebAccess,
} from '../campaignApi';
import { questionnaires, type QuestionnaireSummary } from '../surveyApi';

/** What each status allows. */
const ACTIONS: Record<Campaign['status'], CampaignAction[]> = {
  DRAFT: ['start'],
  RUNNING: ['pause', 'stop'],
  PAUSED: ['resume', 'stop'],
  STOPPED: [],
  ENDED: [],
};

/**
 * Outbound campaigns for supervisors and managers: create one (questionnaire, channel, legal basis,
 * end date, rate), import its target list (CSV or Excel), start, pause, resume or stop it, and follow
 * its progress and results (bars with their data tables) live; the workbook has every answer.
 */
export function CampaignsPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('campaigns.title'));
  const [list, setList] = useState<Campaign[]>([]);
  const [forms, setForms] = useState<QuestionnaireSummary[]>([]);
  const [selected, setSelected] = useState<Campaign>();
  const [progress, setProgress] = useState<CampaignProgress>();
  const [results, setResults] = useState<QuestionResult[]>([]);
  const [file, setFile] = useState<File>();
  const labels = useLabels();
  const [audience, setAudience] = useState<AudienceQuery>({
    from: calendarDate(user.zone),
    to: calendarDate(user.zone),
    channel: null,
    topic: null,
    language: null,
  });
  const [draft, setDraft] = useState<CampaignDraft>({
    name: '',
    questionnaireId: 0,
    channel: 'CAWI',
    legalBasis: 'PUBLIC_TASK',
    legalBasisNote: null,
    endsOn: calendarDate(user.zone),
    mailboxId: null,
    ratePerMinute: 100,
    maxAttempts: 2,
    reminderAfterDays: 7,
    language: 'it',
    script: null,
    webAccess: 'OPEN',
  });
  const [tokenCount, setTokenCount] = useState(100);
  const [tokensForRecipients, setTokensForRecipients] = useState(false);
  const { message, setMessage, failed } = usePageMessage();

  useEffect(() => {
    listCampaigns().then(setList, failed);
    questionnaires().then((all) => {
      setForms(all);
      if (all.length > 0)
        setDraft((current) => ({ ...current, questionnaireId: current.questionnaireId || all[0].id }));
    }, failed);
  }, [failed]);

  const refresh = useCallback(
    async (campaign: Campaign) => {
      try {
        setProgress(await campaignProgress(campaign.id));
        setResults(await campaignResults(campaign.id));
      } catch (failure) {
        failed(failure);
      }
    },
    [failed],
  );

  // live progress while the campaign runs
  useEffect(() => {
    if (!selected || (selected.status !== 'RUNNING' && selected.status !== 'PAUSED')) return;
    const timer = window.setInterval(() => void refresh(selected), 15_000);
    return () => window.clearInterval(timer);
  }, [selected, refresh]);

  async function open(campaign: Campaign) {
    setSelected(campaign);
    setMessage(undefined);
    await refresh(campaign);
  }

  async function create(event: React.FormEvent) {
    event.preventDefault();
    try {
      const created = await createCampaign({
        ...draft,
        script: draft.script || null,
        legalBasisNote: draft.legalBasisNote || null,
        webAccess: draft.channel === 'WEB' ? draft.webAccess : 'OPEN',
      });
      setList(await listCampaigns());
      setMessage({ kind: 'success', text: t('campaigns.created', { name: created.name }) });
      await open(created);
    } catch (failure) {
      failed(failure);
    }
  }

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    if (!selected || !file) return;
    try {
      const imported = await importRecipients(selected.id, file);
      setMessage({ kind: 'success', text: t('campaigns.imported', { count: imported.added }) });
      await refresh(selected);
    } catch (failure) {
      failed(failure);
    }
  }

  async function fromRegistry(event: React.FormEvent) {
    event.preventDefault();
    if (!selected) return;
    try {
      const imported = await recipientsFromRegistry(selected.id, audience);
      setMessage({ kind: 'success', text: t('campaigns.imported', { count: imported.added }) });
      await refresh(selected);
    } catch (failure) {
      failed(failure);
    }
  }

  async function tokens(event: React.FormEvent) {
    event.preventDefault();
    if (!selected) return;
    try {
      const issued = await issueTokens(selected.id, tokenCount, tokensForRecipients);
      setMessage({ kind: 'success', text: t('campaigns.tokens.issued', issued) });
      await refresh(selected);
    } catch (failure) {
      failed(failure);
    }
  }

  async function run(action: CampaignAction) {
    if (!selected) return;
    try {
      const changed = await act(selected.id, action);
      setSelected(changed);
      setList(await listCampaigns());
      setMessage({ kind: 'success', text: t(`campaigns.done.${action}`) });
      await refresh(changed);
    } catch (failure) {
      failed(failure);
    }
  }

  const day = (value: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );

  return (
    <Layout user={user} wide>
      <h1 className="h2">{t('campaigns.title')}</h1>
      <Message kind={message?.kind} text={message?.text} errors={message?.errors} />
      <OpenList
        id="campaigns-list"
        title={t('campaigns.list')}
        columns={[
          { header: t('campaigns.fields.name'), cell: (each: Campaign) => each.name },
          { header: t('campaigns.fields.channel'), cell: (each) => t(`campaigns.channels.${each.channel}`) },
          { header: t('campaigns.fields.status'), cell: (each) => t(`campaigns.statuses.${each.status}`) },
          {
            header: t('campaigns.fields.endsAt'),
            cell: (each) => calendarDateTime(user.zone, each.endsAt, i18n.language),
          },
        ]}
        rows={list}
        rowKey={(each) => each.id}
        action={t('campaigns.open')}
        name={(each) => each.name}
        onOpen={(each) => void open(each)}
      />

      <section aria-labelledby="campaigns-new" className="mb-5">
        <h2 id="campaigns-new" className="h3">
          {t('campaigns.new')}
        </h2>
        <form className="row g-3" onSubmit={(event) => void create(event)}>
          <div className="col-md-6">
            <label htmlFor="campaign-name" className="form-label">
              {t('campaigns.fields.name')}
            </label>
            <input
              id="campaign-name"
              className="form-control"
              required
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            />
          </div>
          <div className="col-md-6">
            <label htmlFor="campaign-questionnaire" className="form-label">
              {t('campaigns.fields.questionnaire')}
            </label>
            <select
              id="campaign-questionnaire"
              className="form-select"
              value={draft.questionnaireId}
              onChange={(event) => setDraft({ ...draft, questionnaireId: Number(event.target.value) })}
            >
              {forms.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.title}
                </option>
              ))}
            </select>
          </div>
          <div className="col-md-3">
            <label htmlFor="campaign-channel" className="form-label">
              {t('campaigns.fields.channel')}
            </label>
            <select
              id="campaign-channel"
              className="form-select"
              value={draft.channel}
              onChange={(event) => setDraft({ ...draft, channel: event.target.value as CampaignChannel })}
            >
              {CAMPAIGN_CHANNELS.map((each) => (
                <option key={each} value={each}>
                  {t(`campaigns.channels.${each}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="col-md-3">
            <LegalBasisField
              id="campaign-basis"
              value={draft.legalBasis}
              onChange={(legalBasis) => setDraft({ ...draft, legalBasis })}
            />
          </div>
          <div className="col-md-6">
            <label htmlFor="campaign-basis-note" className="form-label">
              {t('surveys.fields.legalBasisNote')}
            </label>
            <input
              id="campaign-basis-note"
              className="form-control"
              value={draft.legalBasisNote ?? ''}
              onChange={(event) => setDraft({ ...draft, legalBasisNote: event.target.value })}
            />
          </div>
          <div className="col-md-3">
            <label htmlFor="campaign-ends" className="form-label">
              {t('campaigns.fields.endsOn')}
            </label>
            <input
              id="campaign-ends"
              type="date"
              className="form-control"
              required
              value={draft.endsOn}
              onChange={(event) => setDraft({ ...draft, endsOn: event.target.value })}
            />
          </div>
          <div className="col-md-3">
            <label htmlFor="campaign-rate" className="form-label">
              {t('campaigns.fields.ratePerMinute')}
            </label>
            <input
              id="campaign-rate"
              type="number"
              min={1}
              className="form-control"
              value={draft.ratePerMinute ?? 100}
              onChange={(event) => setDraft({ ...draft, ratePerMinute: Number(event.target.value) })}
            />
          </div>
          {draft.channel === 'CATI' && (
            <>
              <div className="col-md-3">
                <label htmlFor="campaign-attempts" className="form-label">
                  {t('campaigns.fields.maxAttempts')}
                </label>
                <input
                  id="campaign-attempts"
                  type="number"
                  min={1}
                  max={5}
                  className="form-control"
                  value={draft.maxAttempts ?? 2}
                  onChange={(event) => setDraft({ ...draft, maxAttempts: Number(event.target.value) })}
                />
              </div>
              <div className="col-12">
                <label htmlFor="campaign-script" className="form-label">
                  {t('campaigns.fields.script')}
                </label>
                <textarea
                  id="campaign-script"
                  className="form-control"
                  rows={3}
                  value={draft.script ?? ''}
                  onChange={(event) => setDraft({ ...draft, script: event.target.value })}
                />
              </div>
            </>
          )}
          {draft.channel === 'WEB' && (
            <div className="col-md-6">
              <label htmlFor="campaign-web-access" className="form-label">
                {t('campaigns.fields.webAccess')}
              </label>
              <select
                id="campaign-web-access"
                className="form-select"
                value={draft.webAccess}
                onChange={(event) => setDraft({ ...draft, webAccess: event.target.value as WebAccess })}
              >
                {WEB_ACCESS.map((each) => (
                  <option key={each} value={each}>
                    {t(`campaigns.webAccess.${each}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {draft.channel === 'CAWI' && (
            <div className="col-md-3">
              <label htmlFor="campaign-reminder" className="form-label">
                {t('campaigns.fields.reminderAfterDays')}
              </label>
              <input
                id="campaign-reminder"
                type="number"
                min={1}
                max={60}
                className="form-control"
                value={draft.reminderAfterDays ?? ''}
                onChange={(event) =>
                  setDraft({
                    ...draft,
                    reminderAfterDays: event.target.value === '' ? null : Number(event.target.value),
                  })
                }
              />
            </div>
          )}
          <div className="col-12">
            <button type="submit" className="btn btn-primary">
              {t('campaigns.create')}
            </button>
          </div>
        </form>
      </section>

      {selected && (
        <section aria-labelledby="campaign-detail">
          <h2 id="campaign-detail" className="h3">
            {selected.name} — {t(`campaigns.statuses.${selected.status}`)}
          </h2>
          <p>
            {t(`campaigns.channels.${selected.channel}`)} · {t(`surveys.legalBases.${selected.legalBasis}`)}
            {selected.legalBasisNote ? ` (${selected.legalBasisNote})` : ''}
          </p>
          {selected.status === 'DRAFT' && (selected.channel !== 'WEB' || selected.webAccess === 'TOKENS') && (
            <form className="row g-2 align-items-end mb-3" onSubmit={(event) => void upload(event)}>
              <div className="col-md-6">
                <label htmlFor="campaign-file" className="form-label">
                  {t('campaigns.targetList')}
                </label>
                <input
                  id="campaign-file"
                  type="file"
                  className="form-control"
                  accept=".csv,.xlsx,text/csv"
                  aria-describedby="campaign-file-help"
                  onChange={(event) => setFile(event.target.files?.[0])}
                />
                <div id="campaign-file-help" className="form-text">
                  {t('campaigns.targetListHelp')}
                </div>
              </div>
              <div className="col-md-3">
                <button type="submit" className="btn btn-outline-primary" disabled={!file}>
                  {t('campaigns.import')}
                </button>
              </div>
            </form>
          )}
          {selected.status === 'DRAFT' && (selected.channel !== 'WEB' || selected.webAccess === 'TOKENS') && (
            <form className="row g-2 align-items-end mb-3" onSubmit={(event) => void fromRegistry(event)}>
              <fieldset className="col-12 row g-2">
                <legend className="h6">{t('campaigns.registry')}</legend>
                <div className="col-md-2">
                  <label htmlFor="audience-from" className="form-label">
                    {t('campaigns.lastContactFrom')}
                  </label>
                  <input
                    id="audience-from"
                    type="date"
                    className="form-control"
                    required
                    value={audience.from}
                    onChange={(event) => setAudience({ ...audience, from: event.target.value })}
                  />
                </div>
                <div className="col-md-2">
                  <label htmlFor="audience-to" className="form-label">
                    {t('campaigns.lastContactTo')}
                  </label>
                  <input
                    id="audience-to"
                    type="date"
                    className="form-control"
                    required
                    value={audience.to}
                    onChange={(event) => setAudience({ ...audience, to: event.target.value })}
                  />
                </div>
                <div className="col-md-3">
                  <label htmlFor="audience-channel" className="form-label">
                    {t('campaigns.lastContactChannel')}
                  </label>
                  <select
                    id="audience-channel"
                    className="form-select"
                    value={audience.channel ?? ''}
                    onChange={(event) => setAudience({ ...audience, channel: event.target.value || null })}
                  >
                    <option value="">{t('campaigns.any')}</option>
                    {['PHONE', 'VOICEMAIL', 'EMAIL', 'PEC', 'WEB', 'CHAT', 'CHATBOT', 'API', 'FAX', 'SOCIAL'].map(
                      (code) => (
                        <option key={code} value={code}>
                          {labels.channel(code)}
                        </option>
                      ),
                    )}
                  </select>
                </div>
                <div className="col-md-3">
                  <label htmlFor="audience-topic" className="form-label">
                    {t('campaigns.topic')}
                  </label>
                  <select
                    id="audience-topic"
                    className="form-select"
                    value={audience.topic ?? ''}
                    onChange={(event) => setAudience({ ...audience, topic: event.target.value || null })}
                  >
                    <option value="">{t('campaigns.any')}</option>
                    {labels.reference.categories
                      .filter((category) => category.depth === 1)
                      .map((category) => (
                        <option key={category.code} value={category.code}>
                          {labels.category(category.code)}
                        </option>
                      ))}
                  </select>
                </div>
                <div className="col-md-2">
                  <label htmlFor="audience-language" className="form-label">
                    {t('language.label')}
                  </label>
                  <select
                    id="audience-language"
                    className="form-select"
                    value={audience.language ?? ''}
                    onChange={(event) => setAudience({ ...audience, language: event.target.value || null })}
                  >
                    <option value="">{t('campaigns.any')}</option>
                    {['it', 'en', 'de', 'fr'].map((code) => (
                      <option key={code} value={code}>
                        {t(`language.${code}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </fieldset>
              <div className="col-12">
                <button type="submit" className="btn btn-outline-primary">
                  {t('campaigns.addFromRegistry')}
                </button>
              </div>
            </form>
          )}
          {selected.webAccess === 'TOKENS' && (
            <section aria-labelledby="campaign-tokens" className="mb-3">
              <h3 id="campaign-tokens" className="h5">
                {t('campaigns.tokens.title')}
              </h3>
              <p className="form-text">{t('campaigns.tokens.help')}</p>
              {(selected.status === 'DRAFT' || selected.status === 'RUNNING' || selected.status === 'PAUSED') && (
                <form className="row g-2 align-items-end mb-2" onSubmit={(event) => void tokens(event)}>
                  <div className="col-md-3">
                    <label htmlFor="campaign-token-count" className="form-label">
                      {t('campaigns.tokens.count')}
                    </label>
                    <input
                      id="campaign-token-count"
                      type="number"
                      min={0}
                      max={10000}
                      className="form-control"
                      value={tokenCount}
                      onChange={(event) => setTokenCount(Number(event.target.value))}
                    />
                  </div>
                  <div className="col-md-5">
                    <div className="form-check">
                      <input
                        id="campaign-token-recipients"
                        type="checkbox"
                        className="form-check-input"
                        checked={tokensForRecipients}
                        onChange={(event) => setTokensForRecipients(event.target.checked)}
                      />
                      <label htmlFor="campaign-token-recipients" className="form-check-label">
                        {t('campaigns.tokens.forRecipients')}
                      </label>
                    </div>
                  </div>
                  <div className="col-md-4">
                    <button type="submit" className="btn btn-outline-primary">
                      {t('campaigns.tokens.issue')}
                    </button>
                  </div>
                </form>
              )}
              <div className="d-flex gap-2">
                <a className="btn btn-sm btn-outline-secondary" href={tokensHref(selected.id, 'csv')}>
                  {t('campaigns.tokens.csv')}
                </a>
                <a className="btn btn-sm btn-outline-secondary" href={tokensHref(selected.id, 'xlsx')}>
                  {t('campaigns.tokens.xlsx')}
                </a>
              </div>
            </section>
          )}
          {selected.webLink && (
            <p>
              {t('campaigns.webLink')}: <a href={selected.webLink}>{selected.webLink}</a>
            </p>
          )}
          <div className="mb-3 d-flex gap-2">
            {ACTIONS[selected.status].map((action) => (
              <button
                key={action}
                type="button"
                className={`btn ${action === 'stop' ? 'btn-outline-danger' : 'btn-primary'}`}
                onClick={() => void run(action)}
              >
                {t(`campaigns.actions.${action}`)}
              </button>
            ))}
            <a className="btn btn-outline-secondary" href={workbookHref(selected.id)}>
              {t('campaigns.workbook')}
            </a>
          </div>
          {progress && (
            <div aria-live="polite">
              <p>
                {t('campaigns.summary', {
                  recipients: progress.recipients,
                  contacted: progress.contacted,
                  answered: progress.answered,
                  rate: progress.answerRate,
                })}
                {selected.webAccess === 'TOKENS' && ` ${t('campaigns.tokens.summary', { count: progress.tokens })}`}
              </p>
              <Bars
                caption={t('campaigns.outcomes')}
                labelHeader={t('campaigns.outcome')}
                valueHeader={t('campaigns.recipients')}
                rows={CAMPAIGN_OUTCOMES.filter((outcome) => (progress.outcomes[outcome] ?? 0) > 0).map((outcome) => ({
                  label: t(`campaigns.outcomeNames.${outcome}`),
                  value: progress.outcomes[outcome] ?? 0,
                }))}
              />
              <table className="table table-sm mb-4">
                <caption>{t('campaigns.perDay')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('campaigns.day')}</th>
                    <th scope="col" className="text-end">
                      {t('campaigns.contacted')}
                    </th>
                    <th scope="col" className="text-end">
                      {t('campaigns.answered')}
                    </th>
                    <th scope="col" className="text-end">
                      {t('campaigns.bounced')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {progress.days.map((each) => (
                    <tr key={each.day}>
                      <th scope="row" className="fw-normal">
                        {day(each.day)}
                      </th>
                      <td className="text-end">{each.contacted}</td>
                      <td className="text-end">{each.answered}</td>
                      <td className="text-end">{each.bounced}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3 className="h4">{t('campaigns.results')}</h3>
          {results
            .filter((result) => result.options.length > 0)
            .map((result) => (
              <Bars
                key={result.key}
                caption={t('campaigns.question', { key: result.key, answers: result.answers })}
                labelHeader={t('campaigns.option')}
                valueHeader={t('campaigns.answers')}
                rows={result.options.map((option) => ({ label: option.value, value: option.count }))}
              />
            ))}
        </section>
      )}
    </Layout>
  );
}
