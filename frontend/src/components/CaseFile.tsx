import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addCaseDocument, ApiError, type ApprovalRecord, type CaseDocument, type TimelineEntry } from '../api';
import { Message } from './Message';

export function when(value: string | undefined | null, language: string) {
  return value ? new Date(value).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' }) : '—';
}

/**
 * A letter's or complaint's case file: its documents by role and version (with their SHA-256), the
 * four-eyes approvals (who approved which bytes, when) and the timeline; optionally a form to add a
 * document with one of the given roles.
 */
export function CaseFile({
  basePath,
  documents,
  approvals,
  timeline,
  uploadRoles = [],
  onChanged,
}: {
  basePath: string;
  documents: CaseDocument[];
  approvals: ApprovalRecord[];
  timeline: TimelineEntry[];
  uploadRoles?: string[];
  onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [role, setRole] = useState(uploadRoles[0] ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);

  async function upload() {
    if (!file) return;
    setSending(true);
    setMessage(undefined);
    try {
      await addCaseDocument(basePath, role, file);
      setFile(null);
      onChanged?.();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.detail : t('errors.generic'));
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <section className="mb-4" aria-labelledby="documents-title">
        <h2 id="documents-title" className="h4">
          {t('caseFile.documents')}
        </h2>
        {documents.length === 0 ? (
          <p>{t('caseFile.noDocuments')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <thead>
                <tr>
                  <th scope="col">{t('caseFile.role')}</th>
                  <th scope="col">{t('caseFile.version')}</th>
                  <th scope="col">{t('caseFile.file')}</th>
                  <th scope="col">{t('caseFile.sha256')}</th>
                  <th scope="col">{t('caseFile.added')}</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((document) => (
                  <tr
                    key={`${document.role}-${document.version}`}
                    className={document.current ? undefined : 'text-muted'}
                  >
                    <td>{t(`documentRole.${document.role}`, { defaultValue: document.role })}</td>
                    <td>
                      v{document.version} {document.current ? `(${t('caseFile.current')})` : ''}
                    </td>
                    <td>
                      <a href={`${basePath}/documents/${document.documentId}`}>{document.fileName}</a>
                    </td>
                    <td>
                      <code className="small text-break">{document.sha256}</code>
                    </td>
                    <td>
                      {when(document.addedAt, i18n.language)} · {document.addedBy}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {uploadRoles.length > 0 && (
          <form
            className="row g-2 align-items-end"
            onSubmit={(event) => {
              event.preventDefault();
              void upload();
            }}
          >
            <div className="col-auto">
              <label htmlFor="document-role" className="form-label">
                {t('caseFile.role')}
              </label>
              <select id="document-role" className="form-select" value={role} onChange={(e) => setRole(e.target.value)}>
                {uploadRoles.map((value) => (
                  <option key={value} value={value}>
                    {t(`documentRole.${value}`, { defaultValue: value })}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-auto">
              <label htmlFor="document-file" className="form-label">
                {t('caseFile.file')}
              </label>
              <input
                id="document-file"
                type="file"
                className="form-control"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </div>
            <div className="col-auto">
              <button type="submit" className="btn btn-outline-primary" disabled={!file || sending}>
                {t('caseFile.upload')}
              </button>
            </div>
            <Message text={message} />
          </form>
        )}
      </section>
      <section className="mb-4" aria-labelledby="approvals-title">
        <h2 id="approvals-title" className="h4">
          {t('caseFile.approvals')}
        </h2>
        {approvals.length === 0 ? (
          <p>{t('caseFile.noApprovals')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <thead>
                <tr>
                  <th scope="col">{t('caseFile.step')}</th>
                  <th scope="col">{t('caseFile.version')}</th>
                  <th scope="col">{t('caseFile.sha256')}</th>
                  <th scope="col">{t('caseFile.submittedBy')}</th>
                  <th scope="col">{t('caseFile.decision')}</th>
                  <th scope="col">{t('caseFile.decidedBy')}</th>
                  <th scope="col">{t('caseFile.comments')}</th>
                </tr>
              </thead>
              <tbody>
                {approvals.map((approval) => (
                  <tr key={approval.id}>
                    <td>{t(`approvalStep.${approval.step}`, { defaultValue: approval.step })}</td>
                    <td>v{approval.documentVersion}</td>
                    <td>
                      <code className="small text-break">{approval.sha256}</code>
                    </td>
                    <td>{approval.submittedBy ?? '—'}</td>
                    <td>
                      {approval.decision
                        ? t(`approvalDecision.${approval.decision}`, { defaultValue: approval.decision })
                        : t('caseFile.pending')}
                    </td>
                    <td>
                      {approval.decidedBy ? `${approval.decidedBy} · ${when(approval.decidedAt, i18n.language)}` : '—'}
                    </td>
                    <td>{approval.comments ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="mb-4" aria-labelledby="case-timeline-title">
        <h2 id="case-timeline-title" className="h4">
          {t('caseFile.timeline')}
        </h2>
        <ol className="list-unstyled" id="case-timeline">
          {timeline.map((entry) => (
            <li key={entry.id} className="border-start border-primary ps-3 pb-2" data-kind={entry.kind}>
              <strong>{t(`caseEvent.${entry.kind}`, { defaultValue: entry.kind })}</strong> ·{' '}
              {when(entry.occurredAt, i18n.language)}
              {entry.actor && <> · {entry.actor}</>}
              {entry.detail && <div className="small text-break">{entry.detail}</div>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
