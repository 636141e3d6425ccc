import { useTranslation } from 'react-i18next';
import type { FieldError } from '../api';

/**
 * A message where the user is looking: errors are announced at once, successes politely; field
 * errors listed under the field's label (`fields.<path>` in the locales), not the API's path.
 */
export function Message({
  kind = 'danger',
  text,
  errors = [],
}: {
  kind?: 'danger' | 'success';
  text?: string;
  errors?: FieldError[];
}) {
  const { t } = useTranslation();
  if (!text) return null;
  const fieldLabel = (field: string) => {
    const label: unknown = t(`fields.${field}`, { defaultValue: field, returnObjects: true });
    return typeof label === 'string' ? label : field;
  };
  return (
    <div className={`alert alert-${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      {text}
      {errors.length > 0 && (
        <ul className="mb-0">
          {errors.map((error) => (
            <li key={error.field}>
              <strong>{fieldLabel(error.field)}</strong>: {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
