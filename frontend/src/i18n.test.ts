import italian from './locales/it.json';
import english from './locales/en.json';
import french from './locales/fr.json';

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

describe('French', () => {
  it('has exactly the keys of Italian, none empty, with the same placeholders', () => {
    expect(keys(french).sort()).toEqual(keys(italian).sort());
    const value = (messages: unknown, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const key of keys(french)) {
      expect(value(french, key).trim(), key).not.toBe('');
      expect(placeholders(value(french, key)), key).toEqual(placeholders(value(italian, key)));
    }
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
