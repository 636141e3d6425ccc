// One titled list of the studio (drafts, deployment requests): a section with its heading, a line
// when there is nothing, else a table with the given column headers (issue 27, D2).
import type { ReactNode } from 'react';

export function ListSection({
  id,
  title,
  empty,
  headers,
  count,
  children,
}: {
  id: string;
  title: string;
  /** said when count is 0 */
  empty: string;
  headers: ReactNode[];
  count: number;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mb-4">
      <h2 id={id} className="h4">
        {title}
      </h2>
      {count === 0 ? (
        <p>{empty}</p>
      ) : (
        <table className="table table-sm align-middle">
          <thead>
            <tr>
              {headers.map((header, index) => (
                <th key={index} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
    </section>
  );
}
