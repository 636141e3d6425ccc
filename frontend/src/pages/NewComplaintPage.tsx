import { useTranslation } from 'react-i18next';
import { reportBreach, type Me, type ReportBreach } from '../api';
import { EntryFormBody, useEntryForm } from '../components/EntryForm';
import { Layout } from '../components/Layout';

/** A report of an alleged breach by a supplier, entered by staff. */
export function NewComplaintPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const { fields, text, textArea, submit, message, errors } = useEntryForm('complaint');

  const report = () =>
    submit(async () => {
      const request = {
        supplier: { name: fields.supplierName ?? '', email: fields.supplierPec, vatNumber: fields.vatNumber },
        contract: fields.contract ?? '',
        description: fields.description ?? '',
        reporter: fields.reporterName ? { name: fields.reporterName, email: fields.reporterEmail } : undefined,
        ticketNumber: fields.ticketNumber,
      } as unknown as ReportBreach;
      const created = await reportBreach(request);
      return `/complaints/${created.complaint.caseNumber}`;
    });

  return (
    <Layout user={user}>
      <EntryFormBody
        title={t('complaints.new')}
        submitLabel={t('complaints.report')}
        message={message}
        errors={errors}
        onSubmit={() => void report()}
      >
        {text('supplierName', t('complaints.supplier'))}
        {text('supplierPec', t('complaints.supplierPec'), 'email')}
        {text('vatNumber', t('correspondence.vatNumber'))}
        {text('contract', t('complaints.contract'))}
        {textArea('description', t('complaints.description'))}
        {text('reporterName', t('complaints.reporterName'))}
        {text('reporterEmail', t('complaints.reporterEmail'), 'email')}
        {text('ticketNumber', t('correspondence.ticketNumber'))}
      </EntryFormBody>
    </Layout>
  );
}
