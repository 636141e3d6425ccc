import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api';
import { calendarDateTime } from '../calendar';
import { trackRequest, type TrackedRequest } from '../citizenRequestApi';
import { Layout } from '../components/Layout';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** A citizen follows a request with its private tracking link: status, expected answer, answer. */
export function CitizenTrackingPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('citizenTracking.title'));
  const { token = '' } = useParams();
  const [request, setRequest] = useState<TrackedRequest>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    trackRequest(token).then(setRequest, (failure) =>
      setProblem(
        failure instanceof ApiError && failure.status === 404 ? t('citizenTracking.notFound') : t('errors.generic'),
      ),
    );
  }, [token, t]);

  return (
    <Layout>
      <h1 className="h2">{t('citizenTracking.title')}</h1>
      {problem && (
        <div className="alert alert-warning" role="alert">
          {problem}
        </div>
      )}
      {!request && !problem && <p role="status">{t('citizenTracking.loading')}</p>}
      {request && (
        <>
          <dl className="row">
            <dt className="col-sm-4">{t('citizenTracking.number')}</dt>
            <dd className="col-sm-8" data-field="request-number">
              {request.number}
            </dd>
            <dt className="col-sm-4">{t('citizenTracking.subject')}</dt>
            <dd className="col-sm-8 text-break">{request.subject}</dd>
            <dt className="col-sm-4">{t('citizenTracking.status')}</dt>
            <dd className="col-sm-8" data-field="request-status" data-code={request.status.code}>
              {t(`citizenTracking.statuses.${request.status.code}`, { defaultValue: request.status.label })}
            </dd>
            <dt className="col-sm-4">{t('citizenTracking.receivedAt')}</dt>
            <dd className="col-sm-8">{calendarDateTime(request.zone, request.receivedAt, i18n.language)}</dd>
            {request.expectedAnswerBy && (
              <>
                <dt className="col-sm-4">{t('citizenTracking.expectedAnswerBy')}</dt>
                <dd className="col-sm-8">{calendarDateTime(request.zone, request.expectedAnswerBy, i18n.language)}</dd>
              </>
            )}
          </dl>
          {request.answer && (
            <section aria-labelledby="answer-title">
              <h2 id="answer-title" className="h4">
                {t('citizenTracking.answer')}
              </h2>
              <p className="text-break" style={{ whiteSpace: 'pre-wrap' }}>
                {request.answer}
              </p>
            </section>
          )}
        </>
      )}
      <p>
        <Link to="/self-service/request">{t('citizenTracking.newRequest')}</Link>
      </p>
    </Layout>
  );
}
