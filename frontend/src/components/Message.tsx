import { useTranslation } from 'react-i18next';
import type { FieldError } from '../api';

/**
 * A message where the user is looking: errors are announced at once, successes politely; field
 * errors listed under the field's label (`fields.<path>` in the locales), not the API's path.
 *
 * The live region (role alert or status) is always there, empty until there is something to say:
 * screen readers announce what is put into a region they already know, not always a region that
 * appears together with its text. Render the Message unconditionally and change its text.
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
  const fieldLabel = (field: string) => {
    const label: unknown = t(`fields.${field}`, { defaultValue: field, returnObjects: true });
    return typeof label === 'string' ? label : field;
  };
  return (
    <div role={kind === 'danger' ? 'alert' : 'status'} className={text ? `alert alert-${kind}` : undefined}>
      {text}
      {text && errors.length > 0 && (
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
