import i18n from '../i18n';
import level1 from '../../../forms/ticket/ticket-level1.form?raw';
import { translateForm, translateValidationMessage } from './translateForm';

describe('translateForm', () => {
  const schema = JSON.parse(level1);

  it('renders the Italian form as written', async () => {
    await i18n.changeLanguage('it');
    const form = translateForm(schema, i18n.t) as typeof schema;
    expect(form).toEqual(schema);
  });

  it('translates labels, options and texts to English without touching keys and values', async () => {
    await i18n.changeLanguage('en');
    const form = translateForm(schema, i18n.t) as typeof schema;
    const decision = form.components.find((c: { key?: string }) => c.key === 'level1Decision');

    expect(decision.label).toBe('Outcome');
    expect(decision.values).toEqual([
      { label: 'Solved (one-call solution)', value: 'SOLVE' },
      { label: 'Escalate to level 2', value: 'ESCALATE' },
      { label: 'Ask the requester for missing data', value: 'REQUEST_DATA' },
      { label: 'Data still incomplete: invite to call and close', value: 'CLOSE_INCOMPLETE' },
    ]);
    expect(form.components[0].text).toMatch(/^### Service request – level 1/);
    expect(schema.components[0].text).toMatch(/^### Richiesta di servizio/);
  });
});

describe('every Camunda Form', () => {
  const forms = import.meta.glob('../../../forms/**/*.form', {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>;

  it('has an English wording for each label, option and text', async () => {
    await i18n.changeLanguage('en');
    const missing: string[] = [];
    for (const source of Object.values(forms)) {
      const form = JSON.parse(source);
      for (const component of form.components) {
        const name = component.key ?? component.id;
        const base = `forms.${form.id}.${name}`;
        if (component.label && !i18n.exists(`${base}.label`, { lng: 'en' })) missing.push(`${base}.label`);
        if (component.text && !i18n.exists(`${base}.text`, { lng: 'en' })) missing.push(`${base}.text`);
        for (const option of component.values ?? []) {
          if (!i18n.exists(`${base}.values.${option.value}`, { lng: 'en' }))
            missing.push(`${base}.values.${option.value}`);
        }
      }
    }
    expect(Object.keys(forms).length).toBeGreaterThanOrEqual(5);
    expect(missing).toEqual([]);
  });
});

describe('form-js validation messages', () => {
  it('are in the user language, with their figures', async () => {
    await i18n.changeLanguage('it');
    expect(translateValidationMessage('Field is required.', i18n.t)).toBe('Campo obbligatorio.');
    expect(translateValidationMessage('Field must have minimum length of 5.', i18n.t)).toBe(
      'Scrivi almeno 5 caratteri.',
    );
    expect(translateValidationMessage('Something form-js may say one day.', i18n.t)).toBe(
      'Something form-js may say one day.',
    );
    await i18n.changeLanguage('en');
    expect(translateValidationMessage('Field must be a valid email.', i18n.t)).toBe('Enter a valid e-mail address.');
  });
});
