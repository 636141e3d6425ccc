import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, reportDeliveries, runReportDelivery, type Me, type ReportDeliveries } from '../api';
import { Message } from '../components/Message';
import { calendarDateTime } from '../calendar';

const STATUS_CLASS: Record<string, string> = {
  QUEUED: 'badge bg-primary',
  SENT: 'badge bg-success',
  NOT_SENT: 'badge bg-danger',
  FAILED: 'badge bg-danger',
};

/** Who may send a report set now: the API allows managers and supervisors. */
const SENDERS = ['MANAGER', 'SUPERVISOR'];

/** The report sets sent by mail on a schedule, the latest deliveries, and "send now". */
export function ServiceLevelsDeliveries({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<ReportDeliveries | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [sending, setSending] = useState<string | undefined>();
  const canSend = SENDERS.some((role) => user.roles.includes(role));
  // the schedules run on the service calendar's zone: their times are shown in it, as labelled
  const when = (value: string | undefined | null) => (value ? calendarDateTime(user.zone, value, i18n.language) : '—');

  const load = useCallback(
    () =>
      reportDeliveries()
        .then(setData)
        .catch(() => setError(t('errors.generic'))),
    [t],
  );

  useEffect(() => {
    load();
  }, [load]);

  const sendNow = async (scheduleId: string) => {
    setSending(scheduleId);
    setError(undefined);
    setNotice(undefined);
    try {
      const delivery = await runReportDelivery(scheduleId);
      if (delivery.status === 'FAILED') {
        setError(t('deliveries.failed', { period: delivery.period, error: delivery.error ?? '' }));
      } else {
        setNotice(t('deliveries.queued', { period: delivery.period }));
      }
      await load();
    } catch (e) {
      setError(e instanceof ApiError && e.detail ? e.detail : t('errors.generic'));
    } finally {
      setSending(undefined);
    }
  };

  return (
    <section className="mt-5" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title" className="h3">
        {t('deliveries.title')}
      </h2>
      <Message text={error} />
      <Message kind="success" text={notice} />
      {data && (
        <>
          <p className="text-muted">{t('deliveries.intro', { zone: data.zone })}</p>
          {!data.scheduling && <p className="text-muted">{t('deliveries.schedulingOff')}</p>}
          <div className="table-responsive">
            <table className="table align-middle" id="delivery-schedules">
              <caption>{t('deliveries.schedulesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('deliveries.schedule')}</th>
                  <th scope="col">{t('deliveries.report')}</th>
                  <th scope="col">{t('deliveries.recipients')}</th>
                  <th scope="col">{t('deliveries.nextRun')}</th>
                  {canSend && <th scope="col">{t('deliveries.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {data.schedules.map((schedule) => (
                  <tr key={schedule.id} data-schedule={schedule.id}>
                    <th scope="row">
                      {schedule.description || schedule.id}
                      <div className="small text-muted">
                        <code>{schedule.id}</code> · <code>{schedule.cron}</code>
                      </div>
                    </th>
                    <td>{t(`deliveries.report_${schedule.report}`)}</td>
                    <td>{schedule.recipients.join(', ')}</td>
                    <td>{when(schedule.nextRun)}</td>
                    {canSend && (
                      <td>
                        <button
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          disabled={sending !== undefined}
                          aria-label={t('deliveries.sendNowFor', { schedule: schedule.description || schedule.id })}
                          onClick={() => sendNow(schedule.id)}
                        >
                          {t('deliveries.sendNow')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.deliveries.length === 0 ? (
            <p>{t('deliveries.none')}</p>
          ) : (
            <div className="table-responsive">
              <table className="table table-sm align-middle" id="deliveries">
                <caption>{t('deliveries.deliveriesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('deliveries.createdAt')}</th>
                    <th scope="col">{t('deliveries.schedule')}</th>
                    <th scope="col">{t('deliveries.period')}</th>
                    <th scope="col">{t('deliveries.kind')}</th>
                    <th scope="col">{t('deliveries.recipients')}</th>
                    <th scope="col">{t('deliveries.status')}</th>
                    <th scope="col">{t('deliveries.error')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.deliveries.map((delivery) => (
                    <tr key={delivery.id} data-delivery={delivery.id}>
                      <td>{when(delivery.createdAt)}</td>
                      <td>{delivery.scheduleId}</td>
                      <th scope="row">{delivery.period}</th>
                      <td>
                        {delivery.manual
                          ? t('deliveries.manual', { user: delivery.requestedBy ?? '' })
                          : t('deliveries.scheduled')}
                      </td>
                      <td>{delivery.recipients.join(', ')}</td>
                      <td>
                        <span className={STATUS_CLASS[delivery.status] ?? 'badge bg-secondary'}>
                          {t(`deliveries.status_${delivery.status}`)}
                        </span>
                      </td>
                      <td>{delivery.error ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
