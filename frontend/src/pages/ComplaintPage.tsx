import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, complaint as loadComplaint, supplierReply, type ComplaintDetail, type Me } from '../api';
import { CaseFile, when } from '../components/CaseFile';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';

/** A complaint: the report, the proceeding's deadlines and decision, its case file and timeline. */
export function ComplaintPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const { number = '' } = useParams();
  const [detail, setDetail] = useState<ComplaintDetail>();
  const [error, setError] = useState<string>();
  const [reply, setReply] = useState('');
  const reload = useCallback(() => {
    loadComplaint(number).then(setDetail, () => setError(t('errors.generic')));
  }, [number, t]);
  useEffect(reload, [reload]);
  const c = detail?.complaint;
  const open = c && !['CLOSED', 'DISMISSED'].includes(c.status);
  const canReply = ['SECRETARIAT', 'HEAD_OFFICE'].some((role) => user.roles.includes(role));
  const canUpload = ['SECRETARIAT', 'OFFICE', 'HEAD_OFFICE', 'MANAGER'].some((role) => user.roles.includes(role));

  async function sendReply() {
    try {
      await supplierReply(number, reply);
      setReply('');
      reload();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.detail : t('errors.generic'));
    }
  }

  return (
    <Layout user={user}>
      <p>
        <Link to="/complaints">{t('complaints.back')}</Link>
      </p>
      <Message text={error} />
      {detail && c && (
        <>
          <h1 className="h2">
            {c.caseNumber} · {c.supplierName}
          </h1>
          <dl className="row">
            <dt className="col-sm-3">{t('register.status')}</dt>
            <dd className="col-sm-9">{t(`complaintStatus.${c.status}`)}</dd>
            <dt className="col-sm-3">{t('complaints.contract')}</dt>
            <dd className="col-sm-9">{c.contract}</dd>
            <dt className="col-sm-3">{t('complaints.description')}</dt>
            <dd className="col-sm-9" style={{ whiteSpace: 'pre-wrap' }}>
              {c.description}
            </dd>
            <dt className="col-sm-3">{t('complaints.reporter')}</dt>
            <dd className="col-sm-9">{c.reporterName ?? c.reportedBy}</dd>
            <dt className="col-sm-3">{t('complaints.reportedAt')}</dt>
            <dd className="col-sm-9">{when(c.reportedAt, i18n.language)}</dd>
            <dt className="col-sm-3">{t('complaints.counterArgumentsDue')}</dt>
            <dd className="col-sm-9">{when(c.counterArgumentsDueAt, i18n.language)}</dd>
            <dt className="col-sm-3">{t('complaints.decision')}</dt>
            <dd className="col-sm-9">
              {c.decision ? t(`complaintDecision.${c.decision}`) : '—'}
              {c.penaltyAmount != null && (
                <> · {c.penaltyAmount.toLocaleString(i18n.language, { style: 'currency', currency: 'EUR' })}</>
              )}
              {c.decisionReasons && <div className="small">{c.decisionReasons}</div>}
              {c.dismissalReason && <div className="small">{c.dismissalReason}</div>}
            </dd>
          </dl>
          {open && canReply && c.noticeSentAt && (
            <form
              className="mb-4"
              onSubmit={(event) => {
                event.preventDefault();
                void sendReply();
              }}
            >
              <label htmlFor="supplier-reply" className="form-label">
                {t('complaints.supplierReply')}
              </label>
              <textarea
                id="supplier-reply"
                className="form-control mb-2"
                rows={3}
                value={reply}
                onChange={(e) => setReply(e.target.value)}
              />
              <button type="submit" className="btn btn-outline-primary" disabled={!reply.trim()}>
                {t('complaints.recordReply')}
              </button>
            </form>
          )}
          <CaseFile
            basePath={`/api/complaints/${c.caseNumber}`}
            documents={detail.documents}
            approvals={detail.approvals}
            timeline={detail.timeline}
            uploadRoles={open && canUpload ? ['EVIDENCE', 'COUNTER_ARGUMENTS'] : []}
            onChanged={reload}
          />
        </>
      )}
    </Layout>
  );
}
