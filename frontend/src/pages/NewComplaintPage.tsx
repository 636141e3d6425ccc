import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError, reportBreach, type FieldError, type Me, type ReportBreach } from '../api';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';

/** A report of an alleged breach by a supplier, entered by staff. */
export function NewComplaintPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string>();
  const set = (key: string) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [key]: event.target.value }));

  async function submit() {
    setErrors([]);
    setMessage(undefined);
    const request = {
      supplier: { name: fields.supplierName ?? '', email: fields.supplierPec, vatNumber: fields.vatNumber },
      contract: fields.contract ?? '',
      description: fields.description ?? '',
      reporter: fields.reporterName ? { name: fields.reporterName, email: fields.reporterEmail } : undefined,
      ticketNumber: fields.ticketNumber,
    } as unknown as ReportBreach;
    try {
      const created = await reportBreach(request);
      navigate(`/complaints/${created.complaint.caseNumber}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setErrors(error.errors);
        setMessage(t('task.invalid'));
      } else {
        setMessage(t('errors.generic'));
      }
    }
  }

  const text = (key: string, label: string, type = 'text') => (
    <div className="col-md-6">
      <label htmlFor={`complaint-${key}`} className="form-label">
        {label}
      </label>
      <input
        id={`complaint-${key}`}
        type={type}
        className="form-control"
        value={fields[key] ?? ''}
        onChange={set(key)}
      />
    </div>
  );

  return (
    <Layout user={user}>
      <h1 className="h2">{t('complaints.new')}</h1>
      <Message text={message} errors={errors} />
      <form
        className="row g-3"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {text('supplierName', t('complaints.supplier'))}
        {text('supplierPec', t('complaints.supplierPec'), 'email')}
        {text('vatNumber', t('correspondence.vatNumber'))}
        {text('contract', t('complaints.contract'))}
        <div className="col-12">
          <label htmlFor="complaint-description" className="form-label">
            {t('complaints.description')}
          </label>
          <textarea
            id="complaint-description"
            className="form-control"
            rows={5}
            value={fields.description ?? ''}
            onChange={set('description')}
          />
        </div>
        {text('reporterName', t('complaints.reporterName'))}
        {text('reporterEmail', t('complaints.reporterEmail'), 'email')}
        {text('ticketNumber', t('correspondence.ticketNumber'))}
        <div className="col-12">
          <button type="submit" className="btn btn-primary">
            {t('complaints.report')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
