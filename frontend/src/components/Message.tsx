import type { FieldError } from '../api';

/** A message above a page's content: errors are announced at once, successes politely; field errors listed. */
export function Message({
  kind = 'danger',
  text,
  errors = [],
}: {
  kind?: 'danger' | 'success';
  text?: string;
  errors?: FieldError[];
}) {
  if (!text) return null;
  return (
    <div className={`alert alert-${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      {text}
      {errors.length > 0 && (
        <ul className="mb-0">
          {errors.map((error) => (
            <li key={error.field}>
              <strong>{error.field}</strong>: {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
