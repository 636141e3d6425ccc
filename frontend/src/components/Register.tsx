import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../api';
import { Layout } from './Layout';
import { Message } from './Message';
import { useRegister, type RegisterFilters } from './useRegister';
import { TableHead } from './TableHead';

/** A register's title with its "new" link and its download links (CSV, Excel), as the registers show them. */
function RegisterHeader({
  title,
  newPath,
  newLabel,
  downloads,
}: {
  title: string;
  newPath: string;
  newLabel: string;
  downloads: { href: string; label: string }[];
}) {
  return (
    <div className="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
      <h1 className="h2 mb-0">{title}</h1>
      <div className="d-flex gap-2">
        <Link className="btn btn-primary btn-sm" to={newPath}>
          {newLabel}
        </Link>
        {downloads.map((download) => (
          <a key={download.href} className="btn btn-outline-primary btn-sm" href={download.href} download>
            {download.label}
          </a>
        ))}
      </div>
    </div>
  );
}

type Change = (event: { target: { value: string } }) => void;

/** The filters' form of a register (the fields change the rows at once: nothing to submit). */
function RegisterFilterForm({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <form className="row g-2 mb-3" aria-label={t('register.filters')} onSubmit={(event) => event.preventDefault()}>
      {children}
    </form>
  );
}

/** A labelled filter field of a register: a text or a date input. */
export function FilterInput({
  id,
  label,
  type = 'text',
  value,
  onChange,
  width = 'col-md-2',
}: {
  id: string;
  label: string;
  type?: 'text' | 'date';
  value?: string;
  onChange: Change;
  width?: string;
}) {
  return (
    <div className={width}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <input id={id} type={type} className="form-control" value={value ?? ''} onChange={onChange} />
    </div>
  );
}

/** A labelled filter select of a register, "any" first, then the choices by their labels. */
export function FilterSelect({
  id,
  label,
  value,
  onChange,
  choices,
  width = 'col-md-2',
}: {
  id: string;
  label: string;
  value?: string;
  onChange: Change;
  choices: { value: string; label: string }[];
  width?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={width}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <select id={id} className="form-select" value={value ?? ''} onChange={onChange}>
        <option value="">{t('register.any')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The period filters (from, to) of a register, by the filters' keys `from` and `to`. */
function PeriodFilters({ idPrefix, filters, set }: { idPrefix: string; filters: RegisterFilters; set: FilterSetter }) {
  const { t } = useTranslation();
  return (
    <>
      <FilterInput
        id={`${idPrefix}-from`}
        label={t('register.from')}
        type="date"
        value={filters.from}
        onChange={set('from')}
      />
      <FilterInput id={`${idPrefix}-to`} label={t('register.to')} type="date" value={filters.to} onChange={set('to')} />
    </>
  );
}

/**
 * A register's table, after its filters: the filters' error, then the rows with a caption saying
 * how many and the column headers.
 */
function RegisterTable({
  id,
  caption,
  headers,
  error,
  children,
}: {
  id: string;
  caption: string;
  headers: string[];
  error?: string;
  children: ReactNode;
}) {
  return (
    <>
      <Message text={error} />
      <div className="table-responsive">
        <table className="table align-middle" id={id}>
          <caption>{caption}</caption>
          <TableHead headers={headers} />
          <tbody>{children}</tbody>
        </table>
      </div>
    </>
  );
}

/** The change handler of a register's filter field, by the filters' key. */
export type FilterSetter = (key: string) => Change;

/** A select of a register filtering by the key `status`, the statuses labelled by `${labelKey}.${status}`. */
export function StatusFilter({
  id,
  statuses,
  labelKey,
  filters,
  set,
  width,
}: {
  id: string;
  statuses: string[];
  labelKey: string;
  filters: RegisterFilters;
  set: FilterSetter;
  width?: string;
}) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      id={id}
      label={t('register.status')}
      value={filters.status}
      onChange={set('status')}
      choices={statuses.map((status) => ({ value: status, label: t(`${labelKey}.${status}`) }))}
      width={width}
    />
  );
}

/**
 * A register's page: its header, its filters (the page's own, then the period) and its table of
 * the rows the server returns for them.
 */
export function RegisterPage<T>({
  user,
  load,
  title,
  newPath,
  newLabel,
  downloads,
  idPrefix,
  fields,
  tableId,
  caption,
  headers,
  row,
}: {
  user: Me;
  /** A stable function (a module-level API call), see {@link useRegister}. */
  load: (filters: RegisterFilters) => Promise<T[]>;
  title: string;
  newPath: string;
  newLabel: string;
  downloads: (filters: RegisterFilters) => { href: string; label: string }[];
  /** The prefix of the filter fields' ids. */
  idPrefix: string;
  /** The page's own filter fields, before the period. */
  fields: (filters: RegisterFilters, set: FilterSetter) => ReactNode;
  tableId: string;
  caption: (count: number) => string;
  headers: string[];
  row: (row: T) => ReactNode;
}) {
  const { filters, rows, error, set } = useRegister<T>(load);
  return (
    <Layout user={user}>
      <RegisterHeader title={title} newPath={newPath} newLabel={newLabel} downloads={downloads(filters)} />
      <RegisterFilterForm>
        {fields(filters, set)}
        <PeriodFilters idPrefix={idPrefix} filters={filters} set={set} />
      </RegisterFilterForm>
      <RegisterTable id={tableId} caption={caption(rows.length)} error={error} headers={headers}>
        {rows.map(row)}
      </RegisterTable>
    </Layout>
  );
}
