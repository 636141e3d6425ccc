import { useEffect, useRef } from 'react';

/**
 * Keyboard shortcuts, one mechanism for every page. A shortcut is named by its key as
 * `KeyboardEvent.key` spells it, lower case for letters (`j`, `enter`, `?`), optionally with `ctrl+`
 * (Ctrl, or ⌘ on a Mac): `ctrl+enter`.
 *
 * Single keys never fire while the user types (an input, a textarea, a select, anything
 * contenteditable) nor on an element that handles the key itself (Enter on a link or a button);
 * combinations with Ctrl do, because they type nothing: Ctrl+Enter completes the form being filled.
 */
export type Shortcuts = Record<string, (event: KeyboardEvent) => void>;

const NOT_TYPING_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'image',
  'file',
  'range',
  'color',
]);

/** The element takes typed text: shortcuts of single keys would steal its characters. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable=""], [contenteditable="true"]')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TYPING_INPUTS.has((target as HTMLInputElement).type);
  return false;
}

/** The element does something with Enter or Space by itself. */
function handlesKeys(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('a[href], button, input, select, textarea, summary, [role="button"], [role="link"]') !== null
  );
}

/** The shortcut's name for a key press, or undefined when it has modifiers no shortcut uses. */
export function shortcutName(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): string | undefined {
  if (event.altKey || !event.key) return undefined;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key.toLowerCase();
  return event.ctrlKey || event.metaKey ? `ctrl+${key}` : key;
}

/**
 * Listens on the document while the component is mounted (and `enabled`); the handlers may change
 * on every render without re-subscribing.
 */
export function useShortcuts(shortcuts: Shortcuts, enabled = true) {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    if (!enabled) return undefined;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const name = shortcutName(event);
      if (!name) return;
      // letters are typed in lower case: J is j with Shift; "?" needs Shift anyway
      if (event.shiftKey && /^[a-z]$/.test(name)) return;
      const handler = current.current[name];
      if (!handler) return;
      const combination = name.startsWith('ctrl+');
      if (!combination && isTyping(event.target)) return;
      if (name === 'enter' && handlesKeys(event.target)) return;
      // a dialog open on top (the help, a confirmation) keeps its keys for itself, Ctrl+Enter
      // included: it must not complete the task behind the dialog
      if (
        name !== 'escape' &&
        document.querySelector('[role="dialog"][aria-modal="true"], dialog[open][aria-modal="true"]')
      )
        return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
