import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { letters, lettersCsvUrl, type Letter, type Me } from '../api';
import { when } from '../components/CaseFile';
import { FilterInput, FilterSelect, RegisterPage, StatusFilter } from '../components/Register';

const STATUSES = ['REGISTERED', 'IN_APPROVAL', 'SENT', 'ARCHIVED'];
const DIRECTIONS = ['INCOMING', 'OUTGOING'];

/** The register of correspondence: letters by protocol number, with filters and the CSV export. */
export function CorrespondencePage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();

  return (
    <RegisterPage<Letter>
      user={user}
      load={letters}
      title={t('correspondence.title')}
      newPath="/correspondence/new"
      newLabel={t('correspondence.new')}
      downloads={(filters) => [{ href: lettersCsvUrl(filters), label: t('register.csv') }]}
      idPrefix="letter"
      fields={(filters, set) => (
        <>
          <FilterInput
            id="letter-q"
            label={t('correspondence.search')}
            value={filters.q}
            onChange={set('q')}
            width="col-md-3"
          />
          <StatusFilter id="letter-status" statuses={STATUSES} labelKey="letterStatus" filters={filters} set={set} />
          <FilterSelect
            id="letter-direction"
            label={t('correspondence.direction')}
            value={filters.direction}
            onChange={set('direction')}
            choices={DIRECTIONS.map((direction) => ({ value: direction, label: t(`direction.${direction}`) }))}
          />
        </>
      )}
      tableId="letters"
      caption={(count) => t('correspondence.caption', { count })}
      headers={[
        t('correspondence.number'),
        t('correspondence.registeredAt'),
        t('correspondence.direction'),
        t('correspondence.subject'),
        t('correspondence.correspondent'),
        t('correspondence.office'),
        t('register.status'),
        t('correspondence.answerDue'),
      ]}
      row={(row) => (
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
      )}
    />
  );
}
