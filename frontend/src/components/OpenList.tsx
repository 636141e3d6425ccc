import type { ReactNode } from 'react';
import { TableHead } from './TableHead';

/**
 * A titled list whose rows each have a button that opens the row (campaigns, questionnaires): a
 * section with its heading, a table captioned with the title, one column a cell, and the button's
 * accessible name the action followed by the row's name. {@code children} follow the table.
 */
export function OpenList<T>({
  id,
  title,
  columns,
  rows,
  rowKey,
  action,
  name,
  onOpen,
  children,
}: {
  id: string;
  title: string;
  columns: { header: string; cell: (row: T) => ReactNode }[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** the button's text, also the hidden header of its column */
  action: string;
  name: (row: T) => string;
  onOpen: (row: T) => void;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mb-5">
      <h2 id={id} className="h3">
        {title}
      </h2>
      <table className="table table-sm">
        <caption className="visually-hidden">{title}</caption>
        <TableHead
          headers={[
            ...columns.map((column) => column.header),
            <span key="action" className="visually-hidden">
              {action}
            </span>,
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(row)}</td>
              ))}
              <td>
                <button
                  type="button"
                  className="btn btn-sm btn-outline-primary"
                  aria-label={`${action} ${name(row)}`}
                  onClick={() => onOpen(row)}
                >
                  {action}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </section>
  );
}
