import { useTranslation } from 'react-i18next';

/** What the citizen's browser and the referring service told us with a web request. */
const SHOWN = ['page', 'errorCode', 'service', 'browser', 'os'] as const;

/** The web request's context on the ticket page: page, error code, service, browser, OS. */
export function TicketContext({ context }: { context?: Record<string, string> | null }) {
  const { t } = useTranslation();
  const shown = SHOWN.filter((key) => context?.[key]);
  if (!context || shown.length === 0) return null;
  return (
    <section aria-labelledby="ticket-context-title" className="mb-2">
      <h2 id="ticket-context-title" className="h6 mb-1">
        {t('ticketContext.title')}
      </h2>
      <dl className="row mb-0 small" data-slot="ticket-context">
        {shown.map((key) => (
          <div key={key} className="col-12 col-md-4 d-flex gap-2">
            <dt>{t(`ticketContext.${key}`)}</dt>
            <dd className="mb-1 text-break" data-field={`context-${key}`}>
              {context[key]}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
