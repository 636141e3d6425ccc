import { useTranslation } from 'react-i18next';
import { registerLetter, type Me, type RegisterLetter } from '../api';
import { EntryFormBody, useEntryForm } from '../components/EntryForm';
import { Layout } from '../components/Layout';
import { useLabels } from '../lib/labels';

const OFFICES = ['office-tributi', 'office-anagrafe', 'office-urp'];

/** Registration of a letter by the secretariat (or an outgoing letter by an office). */
export function NewLetterPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { fields, set, text, textArea, submit, message, errors } = useEntryForm('letter', {
    direction: 'INCOMING',
    sendBy: 'EMAIL',
    office: OFFICES[0],
  });

  const register = () =>
    submit(async () => {
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
      const created = await registerLetter(request);
      return `/correspondence/${created.letter.protocolNumber}`;
    });

  return (
    <Layout user={user}>
      <EntryFormBody
        title={t('correspondence.new')}
        submitLabel={t('correspondence.register')}
        message={message}
        errors={errors}
        onSubmit={() => void register()}
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
        {textArea('text', t('correspondence.text'))}
      </EntryFormBody>
    </Layout>
  );
}
