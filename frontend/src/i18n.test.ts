import italian from './locales/it.json';
import english from './locales/en.json';
import { LANGUAGES, supportedLanguage } from './i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('translations', () => {
  it('English has exactly the keys of Italian, the default language', () => {
    expect(keys(english).sort()).toEqual(keys(italian).sort());
  });

  it('no translation is empty', () => {
    for (const [name, messages] of Object.entries({ italian, english })) {
      const empty = keys(messages).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, name).toEqual([]);
    }
  });
});

/** Every locale file there is (a language is added by its file first), by language code. */
const locales = Object.fromEntries(
  Object.entries(
    import.meta.glob('./locales/*.json', { import: 'default', eager: true }) as Record<string, Record<string, unknown>>,
  ).map(([path, messages]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), messages]),
);

function text(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

const placeholders = (value: unknown) =>
  [...String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('every language', () => {
  it('has a locale file for each language of the application, German and French included', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['it', 'en', 'de', 'fr']));
    expect(Object.keys(locales)).toEqual(expect.arrayContaining([...LANGUAGES]));
  });

  it.each(Object.keys(locales))(
    '%s has exactly the keys of Italian, none empty, with the same placeholders',
    (language) => {
      const messages = locales[language];
      expect(keys(messages).sort()).toEqual(keys(italian).sort());
      const empty = keys(messages).filter((key) => {
        const value = text(messages, key);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
      const different = keys(italian).filter(
        (key) => placeholders(text(messages, key)).join() !== placeholders(text(italian, key)).join(),
      );
      expect(different).toEqual([]);
    },
  );

  it('takes a language code with its region, and nothing it does not have', () => {
    expect(supportedLanguage('de-IT')).toBe('de');
    expect(supportedLanguage('EN')).toBe('en');
    expect(supportedLanguage('es')).toBeUndefined();
    expect(supportedLanguage(null)).toBeUndefined();
  });

  it.each(Object.keys(locales))('%s names every language of the switcher', (language) => {
    expect(LANGUAGES.filter((each) => typeof text(locales[language], `language.${each}`) !== 'string')).toEqual([]);
  });
});

describe('the Camunda Forms', () => {
  const forms = import.meta.glob('../../forms/**/*.form', { query: '?raw', import: 'default', eager: true }) as Record<
    string,
    string
  >;

  interface Component {
    id?: string;
    key?: string;
    label?: string;
    text?: string;
    values?: { value: string }[];
    components?: Component[];
  }

  /** The keys translateForm looks up for a form: every label, text and option, nested ones too. */
  function formKeys(form: { id: string; components?: Component[] }): string[] {
    const walk = (component: Component): string[] => {
      const base = `forms.${form.id}.${component.key ?? component.id}`;
      return [
        ...(component.label ? [`${base}.label`] : []),
        ...(component.text ? [`${base}.text`] : []),
        ...(component.values ?? []).map((option) => `${base}.values.${option.value}`),
        ...(component.components ?? []).flatMap(walk),
      ];
    };
    return (form.components ?? []).flatMap(walk);
  }

  it.each(Object.keys(locales))('have a %s wording for each label, option and text', (language) => {
    const wanted = Object.values(forms).flatMap((source) => formKeys(JSON.parse(source)));
    expect(Object.keys(forms).length).toBeGreaterThanOrEqual(13);
    expect(wanted.length).toBeGreaterThan(50);
    expect(wanted.filter((key) => typeof text(locales[language], key) !== 'string')).toEqual([]);
  });
});

describe('source code', () => {
  const sources = import.meta.glob(['./**/*.tsx', './**/*.ts', '!./**/*.test.*'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>;

  it('uses only keys that exist in the translations', () => {
    const known = new Set(keys(italian));
    const used = Object.values(sources).flatMap((source) =>
      [...source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)].map((match) => match[1]),
    );
    expect(used.length).toBeGreaterThan(10);
    const plural = (key: string) => known.has(`${key}_one`) && known.has(`${key}_other`);
    expect(used.filter((key) => !known.has(key) && !plural(key))).toEqual([]);
  });
});
