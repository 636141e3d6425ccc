// The application's own texts for the browser tests, read from src/locales/<language>.json, so that a
// test runs in every language and does not break when a wording changes. `t('bulk.select', { number })`
// fills {{placeholders}} as i18next does; plurals take the key's _one/_other form by `count`.
import { readFileSync } from 'node:fs';

export function locale(language) {
  const messages = JSON.parse(readFileSync(new URL(`../src/locales/${language}.json`, import.meta.url), 'utf8'));
  const lookup = (key) => key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), messages);
  return function t(key, values = {}) {
    let message = lookup(key);
    if (typeof message !== 'string' && typeof values.count === 'number') {
      message = lookup(`${key}_${new Intl.PluralRules(language).select(values.count)}`) ?? lookup(`${key}_other`);
    }
    if (typeof message !== 'string') throw new Error(`no text '${key}' in ${language}.json`);
    return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(values[name] ?? ''));
  };
}

/** A text with its placeholders as wildcards, for matching what the page shows. */
export function pattern(text) {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
