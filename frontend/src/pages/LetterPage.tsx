import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { letter as loadLetter, type LetterDetail, type Me } from '../api';
import { CaseFile, when } from '../components/CaseFile';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';

/** A letter: its registration data, documents, approvals and timeline. */
export function LetterPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const { number = '' } = useParams();
  const [detail, setDetail] = useState<LetterDetail>();
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    loadLetter(number).then(setDetail, () => setError(t('errors.generic')));
  }, [number, t]);
  useEffect(reload, [reload]);
  const open = detail && !['SENT', 'ARCHIVED'].includes(detail.letter.status);
  const canUpload = ['SECRETARIAT', 'OFFICE', 'HEAD_OFFICE', 'MANAGER'].some((role) => user.roles.includes(role));

  return (
    <Layout user={user}>
      <p>
        <Link to="/correspondence">{t('correspondence.back')}</Link>
      </p>
      <Message text={error} />
      {detail && (
        <>
          <h1 className="h2">
            {detail.letter.protocolNumber} · {detail.letter.subject}
          </h1>
          <dl className="row">
            <dt className="col-sm-3">{t('register.status')}</dt>
            <dd className="col-sm-9">{t(`letterStatus.${detail.letter.status}`)}</dd>
            <dt className="col-sm-3">{t('correspondence.direction')}</dt>
            <dd className="col-sm-9">{t(`direction.${detail.letter.direction}`)}</dd>
            <dt className="col-sm-3">{t('correspondence.correspondent')}</dt>
            <dd className="col-sm-9">{detail.letter.correspondentName}</dd>
            <dt className="col-sm-3">{t('correspondence.classification')}</dt>
            <dd className="col-sm-9">{detail.letter.classification ?? '—'}</dd>
            <dt className="col-sm-3">{t('correspondence.office')}</dt>
            <dd className="col-sm-9">{detail.letter.office}</dd>
            <dt className="col-sm-3">{t('correspondence.sendBy')}</dt>
            <dd className="col-sm-9">
              {t(`sendBy.${detail.letter.sendBy}`)} {detail.letter.recipientAddress}
            </dd>
            <dt className="col-sm-3">{t('correspondence.registeredAt')}</dt>
            <dd className="col-sm-9">
              {when(detail.letter.registeredAt, i18n.language)} · {detail.letter.registeredBy}
            </dd>
            <dt className="col-sm-3">{t('correspondence.answerDue')}</dt>
            <dd className="col-sm-9">
              {when(detail.letter.answerDueAt, i18n.language)}{' '}
              {detail.letter.overdue && <span className="badge bg-danger">{t('register.overdue')}</span>}
            </dd>
            <dt className="col-sm-3">{t('correspondence.sentAt')}</dt>
            <dd className="col-sm-9">{when(detail.letter.sentAt, i18n.language)}</dd>
          </dl>
          <CaseFile
            basePath={`/api/correspondence/${detail.letter.protocolNumber}`}
            documents={detail.documents}
            approvals={detail.approvals}
            timeline={detail.timeline}
            uploadRoles={open && canUpload ? ['REPLY', 'ORIGINAL', 'ATTACHMENT'] : []}
            onChanged={reload}
          />
        </>
      )}
    </Layout>
  );
}
