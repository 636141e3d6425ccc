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
