import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  caseFilePath,
  complaint as loadComplaint,
  letter as loadLetter,
  type ComplaintDetail,
  type LetterDetail,
  type WorkItem,
} from '../../api';
import { CaseFile } from '../../components/CaseFile';
import { TaskFormColumn } from './TaskFormColumn';

/** A letter's or a complaint's task (an approval's too: the task says which kind of case): the form beside its case file. */
export function CaseTask({
  work,
  schema,
  kind,
  onError,
}: {
  work: WorkItem;
  schema: unknown;
  kind: 'letter' | 'complaint';
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [letterCase, setLetterCase] = useState<LetterDetail>();
  const [complaintCase, setComplaintCase] = useState<ComplaintDetail>();
  const [caseVersion, setCaseVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const failed = (error: unknown) => !cancelled && onError(error);
    if (kind === 'letter') loadLetter(work.businessKey).then((view) => !cancelled && setLetterCase(view), failed);
    else loadComplaint(work.businessKey).then((view) => !cancelled && setComplaintCase(view), failed);
    return () => {
      cancelled = true;
    };
  }, [work.businessKey, kind, caseVersion, onError]);

  const caseView = letterCase ?? complaintCase;
  if (!caseView) return null;
  return (
    <>
      <h1 className="h2">
        {work.businessKey} · {t(`taskName.${work.taskKey}`, { defaultValue: work.name })}
      </h1>
      <div className="row g-4">
        <TaskFormColumn taskId={work.id} schema={schema} className="col-lg-5" completed={work.businessKey} />
        <aside className="col-lg-7">
          <p>
            <Link to={letterCase ? `/correspondence/${work.businessKey}` : `/complaints/${work.businessKey}`}>
              {letterCase ? letterCase.letter.subject : complaintCase?.complaint.supplierName} · {t('caseFile.open')}
            </Link>
          </p>
          {complaintCase && (
            <p style={{ whiteSpace: 'pre-wrap' }}>
              {complaintCase.complaint.contract}: {complaintCase.complaint.description}
            </p>
          )}
          <CaseFile
            basePath={caseFilePath(kind, work.businessKey)}
            documents={caseView.documents}
            approvals={caseView.approvals}
            timeline={caseView.timeline}
            uploadRoles={work.taskKey === 'userTask_draftAnswer' ? ['REPLY', 'ATTACHMENT'] : []}
            onChanged={() => setCaseVersion((version) => version + 1)}
          />
        </aside>
      </div>
    </>
  );
}

/** A task whose work is done elsewhere: its form beside a link to where (an article, the requests' page). */
function FormBesideLink({ work, schema, to, label }: { work: WorkItem; schema: unknown; to: string; label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="h2">
        {work.businessKey} · {t(`taskName.${work.taskKey}`, { defaultValue: work.name })}
      </h1>
      <div className="row g-4">
        <TaskFormColumn taskId={work.id} schema={schema} className="col-lg-6" completed={work.businessKey} />
        <aside className="col-lg-6">
          <Link to={to}>{label}</Link>
        </aside>
      </div>
    </>
  );
}

/** A knowledge-base task: the form beside a link to the article. */
export function KbTask({ work, schema }: { work: WorkItem; schema: unknown }) {
  const { t } = useTranslation();
  return (
    <FormBesideLink
      work={work}
      schema={schema}
      to={`/kb/edit/${work.businessKey.substring(3)}`}
      label={t('kb.openArticle')}
    />
  );
}

/** A data subject request's task (the DPO's answer): its form beside the way to the request's outcome. */
export function DataSubjectTask({ work, schema }: { work: WorkItem; schema: unknown }) {
  const { t } = useTranslation();
  return <FormBesideLink work={work} schema={schema} to="/data-subjects" label={t('dataSubjects.openRequests')} />;
}
