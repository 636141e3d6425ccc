// The application's own texts for the browser tests, read from src/locales/<language>.json, so that a
// test runs in every language and does not break when a wording changes. `t('bulk.select', { number })`
// fills {{placeholders}} as i18next does; plurals take the key's _one/_other form by `count`.
import { readFileSync } from 'node:fs';

export function locale(language) {
  const messages = JSON.parse(readFileSync(new URL(`../src/locales/${language}.json`, import.meta.url), 'utf8'));
  const lookup = (key) => key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), messages);
  const text = (key, values) => {
    let message = lookup(key);
    if (typeof message !== 'string' && typeof values.count === 'number') {
      message = lookup(`${key}_${new Intl.PluralRules(language).select(values.count)}`) ?? lookup(`${key}_other`);
    }
    if (typeof message !== 'string') throw new Error(`no text '${key}' in ${language}.json`);
    return message;
  };
  function t(key, values = {}) {
    return text(key, values).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(values[name] ?? ''));
  }
  /** The key's text as a pattern: the placeholders given filled in, the others matching anything. */
  t.like = (key, values = {}) =>
    new RegExp(
      text(key, values)
        .split(/(\{\{\s*\w+\s*\}\})/)
        .map((part) => {
          const name = /^\{\{\s*(\w+)\s*\}\}$/.exec(part)?.[1];
          if (!name) return escape(part);
          return name in values ? escape(String(values[name])) : '.*';
        })
        .join(''),
    );
  return t;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text with its placeholders as wildcards, for matching what the page shows. */
export function pattern(text) {
  return new RegExp(escape(text));
}
