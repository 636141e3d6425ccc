import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { linkCall, tasksOf, type Me, type ScreenPop } from '../api';
import { useServerEvent } from '../lib/events';

const PHONE_ROLES = ['LEVEL1', 'LEVEL2', 'LEVEL3', 'SUPERVISOR'];

/** The logged-in operator's screen pops, from the tab's event stream (reconnects by itself). */
export function useScreenPops(enabled: boolean): [ScreenPop | undefined, () => void] {
  const [pop, setPop] = useState<ScreenPop>();
  useServerEvent('screen-pop', (data) => setPop(JSON.parse(data) as ScreenPop), enabled);
  return [pop, () => setPop(undefined)];
}

function waited(seconds: number) {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}′ ${seconds % 60}″` : `${seconds}″`;
}

/**
 * The pop-up of a call offered to, answered by or transferred to the operator: who calls (if known),
 * channel, queue, time waited, the caller's open tickets and latest contacts; opens the intake form
 * prefilled or the ticket. A modal dialog: focus moves into it and back where it was when closed;
 * Escape closes it.
 */
export function ScreenPopDialog({
  pop,
  onClose,
  onOpenIntake,
  onOpenTicket,
}: {
  pop: ScreenPop;
  onClose: () => void;
  onOpenIntake: (pop: ScreenPop) => void;
  onOpenTicket: (pop: ScreenPop, number: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // a native modal dialog (ActionDialog) makes the rest of the page inert, this pop included:
    // an incoming call comes first, the dialog is closed (its work is not started until confirmed)
    document.querySelectorAll<HTMLDialogElement>('dialog[open]').forEach((dialog) => dialog.close());
    const previous = document.activeElement as HTMLElement | null;
    heading.current?.focus();
    return () => previous?.focus?.();
  }, [pop.callId, pop.reason]);

  const caller = pop.caller?.name ?? pop.caller?.fiscalCode ?? pop.callerNumber ?? t('phone.pop.hiddenNumber');
  return (
    <div
      className="sportello-pop-backdrop"
      style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,.35)', zIndex: 1050 }}
    >
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape closes the dialog (the WAI-ARIA dialog pattern) */}
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="screen-pop-title"
        aria-describedby="screen-pop-summary"
        className="card shadow"
        style={{
          position: 'fixed',
          top: '10%',
          left: '50%',
          transform: 'translateX(-50%)',
          width: 'min(40rem, 95vw)',
          maxHeight: '80vh',
          overflowY: 'auto',
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <div className="card-body">
          <h2 id="screen-pop-title" className="h4 card-title" tabIndex={-1} ref={heading}>
            {t(`phone.pop.title.${pop.reason}`, { defaultValue: t('phone.pop.title.OFFERED') })}: {caller}
          </h2>
          <dl id="screen-pop-summary" className="row mb-2">
            <dt className="col-sm-4">{t('phone.pop.number')}</dt>
            <dd className="col-sm-8">{pop.callerNumber ?? t('phone.pop.hiddenNumber')}</dd>
            <dt className="col-sm-4">{t('phone.pop.channel')}</dt>
            <dd className="col-sm-8">{t(`intake.channels.${pop.channel}`, { defaultValue: pop.channel })}</dd>
            {pop.queue && (
              <>
                <dt className="col-sm-4">{t('phone.pop.queue')}</dt>
                <dd className="col-sm-8">{pop.queue}</dd>
              </>
            )}
            <dt className="col-sm-4">{t('phone.pop.waited')}</dt>
            <dd className="col-sm-8">{waited(pop.waitedSeconds)}</dd>
            {!pop.caller && (
              <>
                <dt className="col-sm-4">{t('phone.pop.caller')}</dt>
                <dd className="col-sm-8">
                  {pop.callersWithNumber > 1
                    ? t('phone.pop.sharedNumber', { count: pop.callersWithNumber })
                    : t('phone.pop.unknownCaller')}
                </dd>
              </>
            )}
            {pop.ticketNumber && (
              <>
                <dt className="col-sm-4">{t('phone.pop.ticket')}</dt>
                <dd className="col-sm-8">{pop.ticketNumber}</dd>
              </>
            )}
          </dl>
          {pop.caller && (
            <>
              <h3 className="h6">{t('phone.pop.openTickets')}</h3>
              {pop.openTickets.length === 0 ? (
                <p>{t('task.noOpenTickets')}</p>
              ) : (
                <ul>
                  {pop.openTickets.map((open) => (
                    <li key={open.number}>
                      {open.number} · {open.subject ?? t('phone.pop.restricted')} ·{' '}
                      {t(`status.${open.status}`, { defaultValue: open.status })}{' '}
                      <button
                        type="button"
                        className="btn btn-link btn-sm p-0 align-baseline"
                        onClick={() => onOpenTicket(pop, open.number)}
                      >
                        {t('phone.pop.attach', { number: open.number })}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <h3 className="h6">{t('phone.pop.history')}</h3>
              {pop.history.length === 0 ? (
                <p>{t('task.noHistory')}</p>
              ) : (
                <ul className="list-unstyled small">
                  {pop.history.map((item, index) => (
                    <li key={index}>
                      {new Date(item.occurredAt).toLocaleString(i18n.language)} · {item.channel} · {item.ticketNumber} ·{' '}
                      {item.summary ?? t('phone.pop.restricted')}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <div className="d-flex flex-wrap gap-2 mt-3">
            {pop.ticketNumber ? (
              <button type="button" className="btn btn-primary" onClick={() => onOpenTicket(pop, pop.ticketNumber!)}>
                {t('phone.pop.openTicket', { number: pop.ticketNumber })}
              </button>
            ) : (
              <button type="button" className="btn btn-primary" onClick={() => onOpenIntake(pop)}>
                {t('phone.pop.openIntake')}
              </button>
            )}
            <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
              {t('phone.pop.close')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

/** Listens for the operator's calls and shows the pop-up; mounted once, inside the router. */
export function ScreenPopHost({ user }: { user: Me }) {
  const navigate = useNavigate();
  const [pop, dismiss] = useScreenPops(user.roles.some((role) => PHONE_ROLES.includes(role)));
  if (!pop) return null;
  return (
    <ScreenPopDialog
      pop={pop}
      onClose={dismiss}
      onOpenIntake={(call) => {
        dismiss();
        const query = new URLSearchParams({ callId: call.callId });
        if (call.callerNumber) query.set('phone', call.callerNumber);
        if (call.caller?.fiscalCode) query.set('fiscalCode', call.caller.fiscalCode);
        navigate(`/tickets/new?${query.toString()}`);
      }}
      onOpenTicket={async (call, number) => {
        dismiss();
        if (call.ticketNumber !== number) await linkCall(call.callId, number).catch(() => undefined);
        const tasks = await tasksOf(number).catch(() => undefined);
        const first = tasks?.items[0];
        navigate(first ? `/tasks/${first.id}` : '/inbox');
      }}
    />
  );
}
