import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { complaints, complaintsExportUrl, type Complaint, type Me } from '../api';
import { when } from '../components/CaseFile';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { useRegister } from '../components/useRegister';

const STATUSES = ['REPORTED', 'DISMISSED', 'NOTICE_SENT', 'UNDER_EVALUATION', 'DECISION_PROPOSED', 'CLOSED'];

/** The register of proceedings: filters by supplier, status and period; CSV and Excel exports. */
export function ComplaintsPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const { filters, rows, error, set } = useRegister<Complaint>(complaints);

  return (
    <Layout user={user}>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
        <h1 className="h2 mb-0">{t('complaints.title')}</h1>
        <div className="d-flex gap-2">
          <Link className="btn btn-primary btn-sm" to="/complaints/new">
            {t('complaints.new')}
          </Link>
          <a className="btn btn-outline-primary btn-sm" href={complaintsExportUrl('xlsx', filters)} download>
            {t('register.excel')}
          </a>
          <a className="btn btn-outline-primary btn-sm" href={complaintsExportUrl('csv', filters)} download>
            {t('register.csv')}
          </a>
        </div>
      </div>
      <form className="row g-2 mb-3" aria-label={t('register.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="col-md-3">
          <label htmlFor="complaint-supplier" className="form-label">
            {t('complaints.supplier')}
          </label>
          <input
            id="complaint-supplier"
            type="text"
            className="form-control"
            value={filters.supplier ?? ''}
            onChange={set('supplier')}
          />
        </div>
        <div className="col-md-3">
          <label htmlFor="complaint-status" className="form-label">
            {t('register.status')}
          </label>
          <select id="complaint-status" className="form-select" value={filters.status ?? ''} onChange={set('status')}>
            <option value="">{t('register.any')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`complaintStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-2">
          <label htmlFor="complaint-from" className="form-label">
            {t('register.from')}
          </label>
          <input
            id="complaint-from"
            type="date"
            className="form-control"
            value={filters.from ?? ''}
            onChange={set('from')}
          />
        </div>
        <div className="col-md-2">
          <label htmlFor="complaint-to" className="form-label">
            {t('register.to')}
          </label>
          <input id="complaint-to" type="date" className="form-control" value={filters.to ?? ''} onChange={set('to')} />
        </div>
      </form>
      <Message text={error} />
      <div className="table-responsive">
        <table className="table align-middle" id="complaints">
          <caption>{t('complaints.caption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('complaints.number')}</th>
              <th scope="col">{t('complaints.reportedAt')}</th>
              <th scope="col">{t('complaints.supplier')}</th>
              <th scope="col">{t('complaints.contract')}</th>
              <th scope="col">{t('register.status')}</th>
              <th scope="col">{t('complaints.counterArgumentsDue')}</th>
              <th scope="col">{t('complaints.decision')}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
