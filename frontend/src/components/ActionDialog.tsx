import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog: labelled by its title, focus moved into it on open and back to the opener on
 * close, Escape closes it.
 */
export function ActionDialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea, button:not([data-close])');
    first?.focus();
    return () => opener?.focus();
  }, []);
  return (
    <div className="ticket-action-backdrop" style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,.4)', zIndex: 1050 }}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="card shadow mx-auto mt-5 p-3"
        style={{ maxWidth: '40rem', maxHeight: '85vh', overflowY: 'auto' }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <div className="d-flex justify-content-between align-items-start">
          <h2 id={titleId} className="h4">
            {title}
          </h2>
          <button type="button" className="btn btn-sm btn-outline-secondary" data-close onClick={onClose}>
            {t('ticketActions.close')}
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
