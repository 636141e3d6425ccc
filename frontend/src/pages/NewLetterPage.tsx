import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError, registerLetter, type FieldError, type Me, type RegisterLetter } from '../api';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { useLabels } from '../lib/labels';

const OFFICES = ['office-tributi', 'office-anagrafe', 'office-urp'];

/** Registration of a letter by the secretariat (or an outgoing letter by an office). */
export function NewLetterPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const [fields, setFields] = useState<Record<string, string>>({
    direction: 'INCOMING',
    sendBy: 'EMAIL',
    office: OFFICES[0],
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string>();
  const set = (key: string) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [key]: event.target.value }));

  async function submit() {
    setErrors([]);
    setMessage(undefined);
    const request = {
      direction: fields.direction,
      subject: fields.subject ?? '',
      classification: fields.classification,
      correspondent: {
        name: fields.name ?? '',
        email: fields.email,
        fiscalCode: fields.fiscalCode,
        vatNumber: fields.vatNumber,
      },
      recipientAddress: fields.recipientAddress,
      office: fields.office,
      sendBy: fields.sendBy,
      ticketNumber: fields.ticketNumber,
      text: fields.text,
    } as unknown as RegisterLetter;
    try {
      const created = await registerLetter(request);
      navigate(`/correspondence/${created.letter.protocolNumber}`);
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
      <label htmlFor={`letter-${key}`} className="form-label">
        {label}
      </label>
      <input id={`letter-${key}`} type={type} className="form-control" value={fields[key] ?? ''} onChange={set(key)} />
    </div>
  );

  return (
    <Layout user={user}>
      <h1 className="h2">{t('correspondence.new')}</h1>
      <Message text={message} errors={errors} />
      <form
        className="row g-3"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="col-md-6">
          <label htmlFor="letter-direction-new" className="form-label">
            {t('correspondence.direction')}
          </label>
          <select
            id="letter-direction-new"
            className="form-select"
            value={fields.direction}
            onChange={set('direction')}
          >
            <option value="INCOMING">{t('direction.INCOMING')}</option>
            <option value="OUTGOING">{t('direction.OUTGOING')}</option>
          </select>
        </div>
        {text('subject', t('correspondence.subject'))}
        {text('classification', t('correspondence.classification'))}
        {text('name', t('correspondence.correspondentName'))}
        {text('email', t('correspondence.correspondentEmail'), 'email')}
        {text('fiscalCode', t('correspondence.fiscalCode'))}
        {text('vatNumber', t('correspondence.vatNumber'))}
        {text('recipientAddress', t('correspondence.recipientAddress'), 'email')}
        <div className="col-md-6">
          <label htmlFor="letter-office" className="form-label">
            {t('correspondence.office')}
          </label>
          <select id="letter-office" className="form-select" value={fields.office} onChange={set('office')}>
            {OFFICES.map((office) => (
              <option key={office} value={office}>
                {labels.office(office)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-6">
          <label htmlFor="letter-sendBy" className="form-label">
            {t('correspondence.sendBy')}
          </label>
          <select id="letter-sendBy" className="form-select" value={fields.sendBy} onChange={set('sendBy')}>
            {['EMAIL', 'PEC', 'POST'].map((value) => (
              <option key={value} value={value}>
                {t(`sendBy.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {text('ticketNumber', t('correspondence.ticketNumber'))}
        <div className="col-12">
          <label htmlFor="letter-text" className="form-label">
            {t('correspondence.text')}
          </label>
          <textarea
            id="letter-text"
            className="form-control"
            rows={5}
            value={fields.text ?? ''}
            onChange={set('text')}
          />
        </div>
        <div className="col-12">
          <button type="submit" className="btn btn-primary">
            {t('correspondence.register')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
