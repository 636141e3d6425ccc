/**
 * A labelled `<select>` of codes. The caller names each option (`name`), since the codes come from
 * different vocabularies; `empty` adds a first option with no value, for a field that may stay unset.
 */
export function CodeSelect({
  id,
  label,
  value,
  onChange,
  codes,
  name,
  empty,
  invalid = false,
  className = 'mb-2',
}: {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  codes: readonly string[];
  name: (code: string) => string;
  /** The label of an empty first option; none when absent. */
  empty?: string;
  invalid?: boolean;
  /** The wrapper's class: its place in the form's layout. */
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <select
        id={id}
        className={`form-select${invalid ? ' is-invalid' : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {codes.map((code) => (
          <option key={code} value={code}>
            {name(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
