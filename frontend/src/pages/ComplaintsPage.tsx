import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { complaints, complaintsExportUrl, type Complaint, type Me } from '../api';
import { when } from '../components/CaseFile';
import { FilterInput, RegisterPage, StatusFilter } from '../components/Register';

const STATUSES = ['REPORTED', 'DISMISSED', 'NOTICE_SENT', 'UNDER_EVALUATION', 'DECISION_PROPOSED', 'CLOSED'];

/** The register of proceedings: filters by supplier, status and period; CSV and Excel exports. */
export function ComplaintsPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();

  return (
    <RegisterPage<Complaint>
      user={user}
      load={complaints}
      title={t('complaints.title')}
      newPath="/complaints/new"
      newLabel={t('complaints.new')}
      downloads={(filters) => [
        { href: complaintsExportUrl('xlsx', filters), label: t('register.excel') },
        { href: complaintsExportUrl('csv', filters), label: t('register.csv') },
      ]}
      idPrefix="complaint"
      fields={(filters, set) => (
        <>
          <FilterInput
            id="complaint-supplier"
            label={t('complaints.supplier')}
            value={filters.supplier}
            onChange={set('supplier')}
            width="col-md-3"
          />
          <StatusFilter
            id="complaint-status"
            statuses={STATUSES}
            labelKey="complaintStatus"
            filters={filters}
            set={set}
            width="col-md-3"
          />
        </>
      )}
      tableId="complaints"
      caption={(count) => t('complaints.caption', { count })}
      headers={[
        t('complaints.number'),
        t('complaints.reportedAt'),
        t('complaints.supplier'),
        t('complaints.contract'),
        t('register.status'),
        t('complaints.counterArgumentsDue'),
        t('complaints.decision'),
      ]}
      row={(row) => (
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
      )}
    />
  );
}
