import type { ReactNode } from 'react';
import { TableHead } from './TableHead';

/**
 * A section with its heading and a table (the heading is also the table's caption, for screen
 * readers); {@code columns} are the header cells, {@code children} the rows.
 */
export function TableSection({
  id,
  title,
  columns,
  className,
  tableClassName = 'table table-sm',
  before,
  children,
}: {
  id: string;
  title: string;
  columns: ReactNode[];
  className?: string;
  tableClassName?: string;
  /** What stands between the heading and the table (an empty list's sentence, filters). */
  before?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="h4" tabIndex={-1}>
        {title}
      </h2>
      {before}
      <div className="table-responsive">
        <table className={tableClassName}>
          <caption className="visually-hidden">{title}</caption>
          <TableHead headers={columns} />
          <tbody>{children}</tbody>
        </table>
      </div>
    </section>
  );
}
