// One titled list of the studio (deployed models, drafts, deployment requests): a
// section with its heading, a line when there is nothing (if `empty` is given), else a table with
// the given column headers (issue 27, D2 and D6).
import type { ReactNode } from 'react';
import { TableHead } from '../../components/TableHead';

export function ListSection({
  id,
  title,
  empty,
  headers,
  count = 0,
  responsive = false,
  after,
  children,
}: {
  id: string;
  title: string;
  /** said when count is 0; without it the table is shown even when empty */
  empty?: string;
  headers: ReactNode[];
  count?: number;
  /** the table scrolls sideways on a narrow screen */
  responsive?: boolean;
  /** what follows the table in the section (an upload field) */
  after?: ReactNode;
  children: ReactNode;
}) {
  const table = <ListTable headers={headers}>{children}</ListTable>;
  return (
    <section aria-labelledby={id} className="mb-4">
      <h2 id={id} className="h4">
        {title}
      </h2>
      {empty !== undefined && count === 0 ? (
        <p>{empty}</p>
      ) : responsive ? (
        <div className="table-responsive">{table}</div>
      ) : (
        table
      )}
      {after}
    </section>
  );
}

/** The studio's list table: the column headers, then the rows. */
export function ListTable({ headers, children }: { headers: ReactNode[]; children: ReactNode }) {
  return (
    <table className="table table-sm align-middle">
      <TableHead headers={headers} />
      <tbody>{children}</tbody>
    </table>
  );
}
