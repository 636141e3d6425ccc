import type { TFunction } from 'i18next';

interface FormComponent {
  id?: string;
  key?: string;
  type?: string;
  text?: string;
  label?: string;
  values?: { label: string; value: string }[];
  components?: FormComponent[];
}

/**
 * A Camunda Form in the user's language: labels, option labels and texts come from
 * `forms.<form id>.<field key or id>` in the locale files, falling back to the form's own wording.
 */
export function translateForm(schema: unknown, t: TFunction): unknown {
  const form = structuredClone(schema) as { id?: string; components?: FormComponent[] };
  const prefix = `forms.${form.id}`;
  const translate = (component: FormComponent) => {
    const name = component.key ?? component.id;
    if (component.label) component.label = t(`${prefix}.${name}.label`, { defaultValue: component.label });
    if (component.text) component.text = t(`${prefix}.${name}.text`, { defaultValue: component.text });
    component.values?.forEach((option) => {
      option.label = t(`${prefix}.${name}.values.${option.value}`, { defaultValue: option.label });
    });
    component.components?.forEach(translate);
  };
  form.components?.forEach(translate);
  return form;
}

/** form-js's own validation messages (1.x writes them in English only) and their keys here. */
const VALIDATION_MESSAGES: [RegExp, string, (match: RegExpMatchArray) => Record<string, string>][] = [
  [/^Field is required\.$/, 'required', () => ({})],
  [/^Value is not a number\.$/, 'notANumber', () => ({})],
  [/^Value is expected to be an integer\.$/, 'integer', () => ({})],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'decimals', (m) => ({ count: m[1] })],
  [
    /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    'increment',
    (m) => ({ previous: m[1], next: m[2] }),
  ],
  [/^Field must match pattern .+\.$/, 'pattern', () => ({})],
  [/^Field must have minimum value of (.+)\.$/, 'min', (m) => ({ value: m[1] })],
  [/^Field must have maximum value of (.+)\.$/, 'max', (m) => ({ value: m[1] })],
  [/^Field must have minimum length of (.+)\.$/, 'minLength', (m) => ({ value: m[1] })],
  [/^Field must have maximum length of (.+)\.$/, 'maxLength', (m) => ({ value: m[1] })],
  [/^Field must be a valid {1,2}international phone number\./, 'phone', () => ({})],
  [/^Field must be a valid email\.$/, 'email', () => ({})],
];

/** One of form-js's validation messages in the user's language (`formValidation.*`); others as they are. */
export function translateValidationMessage(message: string, t: TFunction): string {
  for (const [pattern, key, values] of VALIDATION_MESSAGES) {
    const match = message.match(pattern);
    if (match) return t(`formValidation.${key}`, values(match));
  }
  return message;
}

interface Validator {
  validateField?: (...args: unknown[]) => string[];
  validateFieldInstance?: (...args: unknown[]) => string[];
}

/**
 * A form-js module (for `additionalModules`) that translates the viewer's validation messages: it
 * wraps the viewer's own validator, so that every check stays form-js's and only the words change.
 */
export function translatedValidation(t: TFunction) {
  class TranslatedValidation {
    static $inject = ['validator'];
    constructor(validator: Validator) {
      for (const name of ['validateField', 'validateFieldInstance'] as const) {
        const original = validator[name]?.bind(validator);
        if (original) {
          validator[name] = (...args: unknown[]) =>
            original(...args).map((message) => translateValidationMessage(message, t));
        }
      }
    }
  }
  return { __init__: ['translatedValidation'], translatedValidation: ['type', TranslatedValidation] };
}
