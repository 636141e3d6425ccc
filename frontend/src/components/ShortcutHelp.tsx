import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './inbox.css';

/** The shortcuts of the inbox and of the ticket's task, as the help overlay lists them. */
const GROUPS: { name: 'inbox' | 'task'; keys: [string, string][] }[] = [
  {
    name: 'inbox',
    keys: [
      ['j', 'next'],
      ['k', 'previous'],
      ['Enter / o', 'open'],
      ['t', 'take'],
      ['x', 'select'],
    ],
  },
  {
    name: 'task',
    keys: [
      ['r', 'reply'],
      ['n', 'note'],
      ['t', 'take'],
      ['Ctrl + Enter', 'complete'],
    ],
  },
];

/**
 * The keyboard shortcuts, opened with "?": a modal dialog that takes the focus, keeps it inside
 * (its only control is the close button), closes with Esc and gives the focus back.
 */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- a click beside the dialog closes it for the mouse; Escape and the close button do for the keyboard
    <div className="shortcut-help-backdrop" onClick={onClose}>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape closes the dialog (the WAI-ARIA dialog pattern) */}
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        className="shortcut-help card shadow"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === '?') {
            event.preventDefault();
            onClose();
          } else if (event.key === 'Tab') {
            // the close button is the only control: the focus stays on it
            event.preventDefault();
            close.current?.focus();
          }
        }}
      >
        <div className="card-body">
          <h2 id={`${id}-title`} className="h4">
            {t('shortcuts.title')}
          </h2>
          {GROUPS.map((group) => (
            <table key={group.name} className="table table-sm mb-3">
              <caption className="caption-top fw-semibold">{t(`shortcuts.${group.name}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('shortcuts.key')}</th>
                  <th scope="col">{t('shortcuts.action')}</th>
                </tr>
              </thead>
              <tbody>
                {group.keys.map(([key, action]) => (
                  <tr key={key}>
                    <td>
                      <kbd>{key}</kbd>
                    </td>
                    <td>{t(`shortcuts.actions.${group.name}.${action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          <p className="small mb-2">{t('shortcuts.notWhileTyping')}</p>
          <button ref={close} type="button" className="btn btn-primary btn-sm" onClick={onClose}>
            {t('shortcuts.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
