import type { ReactNode } from 'react';

/** A table's column headers, one `th scope="col"` each. */
export function TableHead({ headers }: { headers: ReactNode[] }) {
  return (
    <thead>
      <tr>
        {headers.map((header, index) => (
          <th scope="col" key={index}>
            {header}
          </th>
        ))}
      </tr>
    </thead>
  );
}
