import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { complaints, complaintsExportUrl, type Complaint, type Me } from '../api';
import { when } from '../components/CaseFile';
import { Layout } from '../components/Layout';
import {
  FilterInput,
  FilterSelect,
  PeriodFilters,
  RegisterFilterForm,
  RegisterHeader,
  RegisterTable,
} from '../components/Register';
import { useRegister } from '../components/useRegister';

const STATUSES = ['REPORTED', 'DISMISSED', 'NOTICE_SENT', 'UNDER_EVALUATION', 'DECISION_PROPOSED', 'CLOSED'];

/** The register of proceedings: filters by supplier, status and period; CSV and Excel exports. */
export function ComplaintsPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const { filters, rows, error, set } = useRegister<Complaint>(complaints);

  return (
    <Layout user={user}>
      <RegisterHeader
        title={t('complaints.title')}
        newPath="/complaints/new"
        newLabel={t('complaints.new')}
        downloads={[
          { href: complaintsExportUrl('xlsx', filters), label: t('register.excel') },
          { href: complaintsExportUrl('csv', filters), label: t('register.csv') },
        ]}
      />
      <RegisterFilterForm>
        <FilterInput
          id="complaint-supplier"
          label={t('complaints.supplier')}
          value={filters.supplier}
          onChange={set('supplier')}
          width="col-md-3"
        />
        <FilterSelect
          id="complaint-status"
          label={t('register.status')}
          value={filters.status}
          onChange={set('status')}
          choices={STATUSES.map((status) => ({ value: status, label: t(`complaintStatus.${status}`) }))}
          width="col-md-3"
        />
        <PeriodFilters idPrefix="complaint" filters={filters} set={set} />
      </RegisterFilterForm>
      <RegisterTable
        id="complaints"
        caption={t('complaints.caption', { count: rows.length })}
        error={error}
        headers={[
          t('complaints.number'),
          t('complaints.reportedAt'),
          t('complaints.supplier'),
          t('complaints.contract'),
          t('register.status'),
          t('complaints.counterArgumentsDue'),
          t('complaints.decision'),
        ]}
      >
        {rows.map((row) => (
          <tr key={row.caseNumber}>
            <th scope="row">
              <Link to={`/complaints/${row.caseNumber}`}>{row.caseNumber}</Link>
            </th>
            <td>{when(row.reportedAt, i18n.language)}</td>
            <td>{row.supplierName}</td>
            <td>{row.contract}</td>
            <td>{t(`complaintStatus.${row.status}`)}</td>
            <td>{when(row.counterArgumentsDueAt, i18n.language)}</td>
            <td>
              {row.decision ? t(`complaintDecision.${row.decision}`) : '—'}
              {row.penaltyAmount != null && (
                <> · {row.penaltyAmount.toLocaleString(i18n.language, { style: 'currency', currency: 'EUR' })}</>
              )}
            </td>
          </tr>
        ))}
      </RegisterTable>
    </Layout>
  );
}
