import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { ApiError } from '../client';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { translatedValidation } from '../components/translateForm';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { answerSurvey, publicSurvey, unsubscribe, type PublicSurvey } from '../surveyApi';
import { answerWebCampaign, webCampaign } from '../campaignApi';

type Outcome = 'answered' | 'alreadyAnswered' | 'closed' | 'unsubscribed';

/**
 * The requester's questionnaire behind a personal link (no login): rendered with form-js's viewer in
 * the reader's language (the questionnaire's own per-language schema), answered once; the link's
 * unsubscribe (from the mail: `?unsubscribe=1`) stops any further survey. With `web`, a campaign's public
 * link instead: anyone may answer while the campaign runs, no unsubscribe (nobody was contacted).
 */
export function PublicSurveyPage({ web = false }: { web?: boolean }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('publicSurvey.title'));
  const { token = '' } = useParams();
  const [search] = useSearchParams();
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<{ submit: () => unknown }>();
  const [survey, setSurvey] = useState<PublicSurvey>();
  const [problem, setProblem] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [sending, setSending] = useState(false);
  const askingToUnsubscribe = search.get('unsubscribe') === '1';

  useEffect(() => {
    let cancelled = false;
    (web ? webCampaign(token, i18n.language) : publicSurvey(token, i18n.language)).then(
      (loaded) => {
        if (cancelled) return;
        setSurvey(loaded);
        if (loaded.status === 'ANSWERED') setOutcome('alreadyAnswered');
        if (loaded.status === 'EXPIRED') setOutcome('closed');
      },
      (failure) =>
        !cancelled &&
        setProblem(
          failure instanceof ApiError && failure.status === 404 ? t('publicSurvey.notFound') : t('errors.generic'),
        ),
    );
    return () => {
      cancelled = true;
    };
  }, [token, i18n.language, t, web]);

  const open = survey?.status === 'SENT' && !outcome;
  useEffect(() => {
    if (!open || !container.current || !survey) return undefined;
    const viewer = new Form({ container: container.current, additionalModules: [translatedValidation(t)] });
    form.current = viewer;
    void viewer.importSchema(survey.schema);
    return () => {
      form.current = undefined;
      viewer.destroy();
    };
  }, [open, survey, t]);

  async function send() {
    if (!form.current) return;
    const { data, errors } = form.current.submit() as {
      data: Record<string, unknown>;
      errors: Record<string, unknown>;
    };
    if (Object.keys(errors).length > 0) {
      setProblem(t('publicSurvey.incomplete'));
      return;
    }
    setSending(true);
    try {
      await (web ? answerWebCampaign(token, data) : answerSurvey(token, data));
      setProblem(undefined);
      setOutcome('answered');
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) setOutcome('alreadyAnswered');
      else if (failure instanceof ApiError && failure.status === 410) setOutcome('closed');
      else setProblem(failure instanceof ApiError ? failure.detail : t('errors.generic'));
    } finally {
      setSending(false);
    }
  }

  async function optOut() {
    try {
      await unsubscribe(token);
      setOutcome('unsubscribed');
    } catch {
      setProblem(t('errors.generic'));
    }
  }

  return (
    <Layout>
      <h1 className="h2">{survey?.questionnaireTitle || t('publicSurvey.title')}</h1>
      <div aria-live="polite">
        {outcome && (
          <div
            className={`alert ${outcome === 'answered' || outcome === 'unsubscribed' ? 'alert-success' : 'alert-info'}`}
            role="status"
            data-outcome={outcome}
          >
            {t(`publicSurvey.outcomes.${outcome}`)}
          </div>
        )}
        <Message text={problem} />
      </div>
      {!survey && !problem && <p role="status">{t('publicSurvey.loading')}</p>}
      {open && (
        <>
          <p>{t('publicSurvey.intro')}</p>
          <div ref={container} className="task-form survey-form" />
          <button type="button" className="btn btn-primary mt-3" onClick={() => void send()} disabled={sending}>
            {t('publicSurvey.send')}
          </button>
        </>
      )}
      {survey && !web && outcome !== 'unsubscribed' && (
        <section aria-labelledby="unsubscribe-title" className="mt-5">
          <h2 id="unsubscribe-title" className="h5">
            {t('publicSurvey.unsubscribeTitle')}
          </h2>
          <p>{t('publicSurvey.unsubscribeText')}</p>
          <button
            type="button"
            className={askingToUnsubscribe ? 'btn btn-primary' : 'btn btn-outline-secondary'}
            onClick={() => void optOut()}
          >
            {t('publicSurvey.unsubscribe')}
          </button>
        </section>
      )}
    </Layout>
  );
}
