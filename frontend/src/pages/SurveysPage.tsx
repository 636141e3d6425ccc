import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../api';
import { LegalBasisField } from '../components/LegalBasisField';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { OpenList } from '../components/OpenList';
import { QuestionnaireEditor, type EditorHandle } from '../components/QuestionnaireEditor';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { usePageMessage } from '../components/usePageMessage';
import { useLabels } from '../lib/labels';
import {
  createQuestionnaire,
  questionnaire,
  questionnaires,
  satisfactionSettings,
  saveQuestionnaire,
  saveSatisfactionSettings,
  SURVEY_LANGUAGES,
  type LegalBasis,
  type QuestionnaireSummary,
  type SatisfactionSettings,
} from '../surveyApi';

const CHANNELS = ['PHONE', 'VOICEMAIL', 'EMAIL', 'PEC', 'WEB', 'CHAT', 'CHATBOT', 'API', 'FAX', 'SOCIAL'];

type Language = (typeof SURVEY_LANGUAGES)[number];
type Schemas = Partial<Record<Language, unknown>>;

/** A new questionnaire's starting point: a score 1-5 (the CSAT question) and a comment. */
const STARTER = {
  type: 'default',
  schemaVersion: 16,
  components: [
    {
      type: 'radio',
      key: 'score',
      id: 'Field_score',
      label: 'Quanto è soddisfatto? (1-5)',
      values: ['1', '2', '3', '4', '5'].map((value) => ({ label: value, value })),
      validate: { required: true },
    },
    { type: 'textarea', key: 'comment', id: 'Field_comment', label: 'Commento' },
  ],
};

interface Editing {
  id?: number;
  code: string;
  title: string;
  legalBasis: LegalBasis;
  legalBasisNote: string;
  schemas: Schemas;
  version?: number;
}

/**
 * Supervisors' and managers' surveys: questionnaires edited with form-js's editor, one schema per
 * language (same question keys: only the texts are translated), each save a new version; and the
 * satisfaction survey after a contact (on/off, the CSAT questionnaire, channels, low-score threshold).
 */
export function SurveysPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  useDocumentTitle(t('surveys.title'));
  const labels = useLabels();
  const [list, setList] = useState<QuestionnaireSummary[]>([]);
  const [editing, setEditing] = useState<Editing>();
  const [language, setLanguage] = useState<Language>('it');
  const [settings, setSettings] = useState<SatisfactionSettings>();
  const { message, setMessage, failed } = usePageMessage();
  const editor = useRef<EditorHandle>();
  const onReady = useCallback((handle: EditorHandle) => {
    editor.current = handle;
  }, []);

  useEffect(() => {
    questionnaires().then(setList, failed);
    satisfactionSettings().then(setSettings, failed);
  }, [failed]);

  /** The schemas with the language on screen taken back from the editor. */
  function current(): Schemas {
    if (!editing) return {};
    return editor.current ? { ...editing.schemas, [language]: editor.current.save() } : editing.schemas;
  }

  function switchTo(next: Language) {
    if (!editing || next === language) return;
    const schemas = current();
    // a language not yet written starts as a copy of the Italian schema: same keys, texts to translate
    if (!schemas[next]) schemas[next] = structuredClone(schemas.it);
    editor.current = undefined;
    setEditing({ ...editing, schemas });
    setLanguage(next);
  }

  async function open(id: number) {
    try {
      const detail = await questionnaire(id);
      editor.current = undefined;
      setLanguage('it');
      setEditing({
        id,
        code: detail.questionnaire.code,
        title: detail.questionnaire.title,
        legalBasis: detail.questionnaire.legalBasis,
        legalBasisNote: detail.questionnaire.legalBasisNote ?? '',
        schemas: detail.current.schemas as Schemas,
        version: detail.current.version,
      });
      setMessage(undefined);
    } catch (failure) {
      failed(failure);
    }
  }

  function startNew() {
    editor.current = undefined;
    setLanguage('it');
    setEditing({
      code: '',
      title: '',
      legalBasis: 'PUBLIC_TASK',
      legalBasisNote: '',
      schemas: { it: structuredClone(STARTER) },
    });
    setMessage(undefined);
  }

  async function save() {
    if (!editing) return;
    const schemas = current();
    const draft = {
      code: editing.code,
      title: editing.title,
      legalBasis: editing.legalBasis,
      legalBasisNote: editing.legalBasisNote,
      schemas: schemas as Record<string, Record<string, never>>,
    };
    try {
      const saved = editing.id ? await saveQuestionnaire(editing.id, draft) : await createQuestionnaire(draft);
      setEditing({ ...editing, id: saved.questionnaire.id, schemas, version: saved.current.version });
      setList(await questionnaires());
      setMessage({ kind: 'success', text: t('surveys.saved', { version: saved.current.version }) });
    } catch (failure) {
      failed(failure);
    }
  }

  async function saveSettings(event: React.FormEvent) {
    event.preventDefault();
    if (!settings) return;
    try {
      setSettings(await saveSatisfactionSettings(settings));
      setMessage({ kind: 'success', text: t('surveys.settingsSaved') });
    } catch (failure) {
      failed(failure);
    }
  }

  return (
    <Layout user={user} wide>
      <h1 className="h2">{t('surveys.title')}</h1>
      <p>
        <Link to="/surveys/campaigns">{t('campaigns.title')}</Link>
      </p>
      <div aria-live="polite">
        <Message kind={message?.kind} text={message?.text} errors={message?.errors} />
      </div>

      <OpenList
        id="questionnaires-title"
        title={t('surveys.questionnaires')}
        columns={[
          { header: t('surveys.fields.title'), cell: (each: QuestionnaireSummary) => each.title },
          { header: t('surveys.fields.code'), cell: (each) => each.code },
          { header: t('surveys.fields.version'), cell: (each) => each.currentVersion },
          { header: t('surveys.fields.legalBasis'), cell: (each) => t(`surveys.legalBases.${each.legalBasis}`) },
        ]}
        rows={list}
        rowKey={(each) => each.id}
        action={t('surveys.edit')}
        name={(each) => each.title}
        onOpen={(each) => void open(each.id)}
      >
        <button type="button" className="btn btn-outline-primary" onClick={startNew}>
          {t('surveys.new')}
        </button>
      </OpenList>

      {editing && (
        <section aria-labelledby="editor-title" className="mb-5">
          <h2 id="editor-title" className="h3">
            {editing.id ? t('surveys.editing', { title: editing.title, version: editing.version }) : t('surveys.new')}
          </h2>
          <div className="row g-3 mb-3">
            <div className="col-md-3">
              <label htmlFor="questionnaire-code" className="form-label">
                {t('surveys.fields.code')}
              </label>
              <input
                id="questionnaire-code"
                className="form-control"
                value={editing.code}
                disabled={!!editing.id}
                onChange={(event) => setEditing({ ...editing, code: event.target.value })}
              />
            </div>
            <div className="col-md-5">
              <label htmlFor="questionnaire-title" className="form-label">
                {t('surveys.fields.title')}
              </label>
              <input
                id="questionnaire-title"
                className="form-control"
                value={editing.title}
                onChange={(event) => setEditing({ ...editing, title: event.target.value })}
              />
            </div>
            <div className="col-md-4">
              <LegalBasisField
                id="questionnaire-basis"
                value={editing.legalBasis}
                onChange={(legalBasis) => setEditing({ ...editing, legalBasis })}
              />
            </div>
            <div className="col-12">
              <label htmlFor="questionnaire-note" className="form-label">
                {t('surveys.fields.legalBasisNote')}
              </label>
              <input
                id="questionnaire-note"
                className="form-control"
                value={editing.legalBasisNote}
                onChange={(event) => setEditing({ ...editing, legalBasisNote: event.target.value })}
              />
            </div>
          </div>
          <p className="form-text">{t('surveys.languagesHelp')}</p>
          <div className="btn-group mb-2" role="group" aria-label={t('surveys.languageOfTexts')}>
            {SURVEY_LANGUAGES.map((each) => (
              <button
                key={each}
                type="button"
                className={`btn btn-sm ${each === language ? 'btn-primary' : 'btn-outline-primary'}`}
                aria-pressed={each === language}
                onClick={() => switchTo(each)}
              >
                {t(`language.${each}`)}
              </button>
            ))}
          </div>
          <QuestionnaireEditor
            key={`${editing.id ?? 'new'}-${language}`}
            schema={editing.schemas[language] ?? editing.schemas.it}
            onReady={onReady}
          />
          <button type="button" className="btn btn-primary mt-3" onClick={() => void save()}>
            {t('surveys.save')}
          </button>
        </section>
      )}

      {settings && (
        <section aria-labelledby="satisfaction-title">
          <h2 id="satisfaction-title" className="h3">
            {t('surveys.satisfaction')}
          </h2>
          <form onSubmit={(event) => void saveSettings(event)} className="row g-3">
            <div className="col-12 form-check ms-2">
              <input
                id="satisfaction-enabled"
                type="checkbox"
                className="form-check-input"
                checked={settings.enabled}
                onChange={(event) => setSettings({ ...settings, enabled: event.target.checked })}
              />
              <label htmlFor="satisfaction-enabled" className="form-check-label">
                {t('surveys.enabled')}
              </label>
            </div>
            <div className="col-md-4">
              <label htmlFor="satisfaction-questionnaire" className="form-label">
                {t('surveys.csat')}
              </label>
              <select
                id="satisfaction-questionnaire"
                className="form-select"
                value={settings.questionnaireId ?? ''}
                onChange={(event) => setSettings({ ...settings, questionnaireId: Number(event.target.value) })}
              >
                {list.map((each) => (
                  <option key={each.id} value={each.id}>
                    {each.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-md-2">
              <label htmlFor="satisfaction-score" className="form-label">
                {t('surveys.scoreKey')}
              </label>
              <input
                id="satisfaction-score"
                className="form-control"
                value={settings.scoreKey}
                onChange={(event) => setSettings({ ...settings, scoreKey: event.target.value })}
              />
            </div>
            <div className="col-md-3">
              <label htmlFor="satisfaction-threshold" className="form-label">
                {t('surveys.threshold')}
              </label>
              <input
                id="satisfaction-threshold"
                type="number"
                min={0}
                max={10}
                className="form-control"
                value={settings.lowScoreThreshold}
                onChange={(event) => setSettings({ ...settings, lowScoreThreshold: Number(event.target.value) })}
              />
            </div>
            <div className="col-md-3">
              <label htmlFor="satisfaction-days" className="form-label">
                {t('surveys.answerWithinDays')}
              </label>
              <input
                id="satisfaction-days"
                type="number"
                min={1}
                max={90}
                className="form-control"
                value={settings.answerWithinDays}
                onChange={(event) => setSettings({ ...settings, answerWithinDays: Number(event.target.value) })}
              />
            </div>
            <fieldset className="col-12">
              <legend className="form-label fs-6">{t('surveys.channels')}</legend>
              {CHANNELS.map((channel) => (
                <div key={channel} className="form-check form-check-inline">
                  <input
                    id={`satisfaction-channel-${channel}`}
                    type="checkbox"
                    className="form-check-input"
                    checked={settings.channels.includes(channel)}
                    onChange={(event) =>
                      setSettings({
                        ...settings,
                        channels: event.target.checked
                          ? [...settings.channels, channel]
                          : settings.channels.filter((each) => each !== channel),
                      })
                    }
                  />
                  <label htmlFor={`satisfaction-channel-${channel}`} className="form-check-label">
                    {labels.channel(channel)}
                  </label>
                </div>
              ))}
            </fieldset>
            <div className="col-12">
              <button type="submit" className="btn btn-primary">
                {t('surveys.saveSettings')}
              </button>
            </div>
          </form>
        </section>
      )}
    </Layout>
  );
}
