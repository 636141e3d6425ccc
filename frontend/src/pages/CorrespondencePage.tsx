import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { letters, lettersCsvUrl, type Letter, type Me } from '../api';
import { when } from '../components/CaseFile';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { useRegister } from '../components/useRegister';

const STATUSES = ['REGISTERED', 'IN_APPROVAL', 'SENT', 'ARCHIVED'];

/** The register of correspondence: letters by protocol number, with filters and the CSV export. */
export function CorrespondencePage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const { filters, rows, error, set } = useRegister<Letter>(letters);

  return (
    <Layout user={user}>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
        <h1 className="h2 mb-0">{t('correspondence.title')}</h1>
        <div className="d-flex gap-2">
          <Link className="btn btn-primary btn-sm" to="/correspondence/new">
            {t('correspondence.new')}
          </Link>
          <a className="btn btn-outline-primary btn-sm" href={lettersCsvUrl(filters)} download>
            {t('register.csv')}
          </a>
        </div>
      </div>
      <form className="row g-2 mb-3" aria-label={t('register.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="col-md-3">
          <label htmlFor="letter-q" className="form-label">
            {t('correspondence.search')}
          </label>
          <input id="letter-q" type="text" className="form-control" value={filters.q ?? ''} onChange={set('q')} />
        </div>
        <div className="col-md-2">
          <label htmlFor="letter-status" className="form-label">
            {t('register.status')}
          </label>
          <select id="letter-status" className="form-select" value={filters.status ?? ''} onChange={set('status')}>
            <option value="">{t('register.any')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`letterStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-2">
          <label htmlFor="letter-direction" className="form-label">
            {t('correspondence.direction')}
          </label>
          <select
            id="letter-direction"
            className="form-select"
            value={filters.direction ?? ''}
            onChange={set('direction')}
          >
            <option value="">{t('register.any')}</option>
            <option value="INCOMING">{t('direction.INCOMING')}</option>
            <option value="OUTGOING">{t('direction.OUTGOING')}</option>
          </select>
        </div>
        <div className="col-md-2">
          <label htmlFor="letter-from" className="form-label">
            {t('register.from')}
          </label>
          <input
            id="letter-from"
            type="date"
            className="form-control"
            value={filters.from ?? ''}
            onChange={set('from')}
          />
        </div>
        <div className="col-md-2">
          <label htmlFor="letter-to" className="form-label">
            {t('register.to')}
          </label>
          <input id="letter-to" type="date" className="form-control" value={filters.to ?? ''} onChange={set('to')} />
        </div>
      </form>
      <Message text={error} />
      <div className="table-responsive">
        <table className="table align-middle" id="letters">
          <caption>{t('correspondence.caption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('correspondence.number')}</th>
              <th scope="col">{t('correspondence.registeredAt')}</th>
              <th scope="col">{t('correspondence.direction')}</th>
              <th scope="col">{t('correspondence.subject')}</th>
              <th scope="col">{t('correspondence.correspondent')}</th>
              <th scope="col">{t('correspondence.office')}</th>
              <th scope="col">{t('register.status')}</th>
              <th scope="col">{t('correspondence.answerDue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.protocolNumber} className={row.overdue ? 'table-danger' : undefined}>
                <th scope="row">
                  <Link to={`/correspondence/${row.protocolNumber}`}>{row.protocolNumber}</Link>
                </th>
                <td>{when(row.registeredAt, i18n.language)}</td>
                <td>{t(`direction.${row.direction}`)}</td>
                <td>{row.subject}</td>
                <td>{row.correspondentName}</td>
                <td>{row.office}</td>
                <td>{t(`letterStatus.${row.status}`)}</td>
                <td>
                  {when(row.answerDueAt, i18n.language)}{' '}
                  {row.overdue && <span className="badge bg-danger">{t('register.overdue')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
