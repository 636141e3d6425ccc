import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../api';
import { calendarDateTime } from '../calendar';
import {
  isTicket,
  markAllNotificationsRead,
  markNotificationRead,
  notificationText,
  useNotifications,
  type AppNotification,
} from '../lib/notifications';

/**
 * The bell in the header: a button named with the unread count that opens the latest
 * notifications, each linking to its ticket (and its open task), marked read one by one or all.
 */
export function NotificationBell({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const { data, failed } = useNotifications();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const unread = data?.unread ?? 0;

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const read = (notification: AppNotification) => {
    if (!notification.read) void markNotificationRead(notification.id).catch(() => undefined);
  };
  const follow = (notification: AppNotification) => {
    read(notification);
    setOpen(false);
  };

  return (
    <div className="position-relative">
      <button
        ref={button}
        type="button"
        className="btn btn-sm btn-outline-light d-flex align-items-center gap-1"
        aria-expanded={open}
        aria-controls="notifications-panel"
        aria-label={t('notifications.bell', { count: unread })}
        onClick={() => setOpen((value) => !value)}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M8 16a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2zm.995-14.901a1 1 0 1 0-1.99 0A5.002 5.002 0 0 0 3 6c0 1.098-.5 6-2 7h14c-1.5-1-2-5.902-2-7 0-2.42-1.72-4.44-4.005-4.901z"
          />
        </svg>
        {unread > 0 && (
          <span className="badge bg-white text-primary" aria-hidden="true" data-testid="bell-count">
            {unread}
          </span>
        )}
      </button>
      <div
        ref={panel}
        id="notifications-panel"
        hidden={!open}
        className="position-absolute end-0 mt-2 p-3 bg-white text-dark shadow rounded"
        style={{ width: 'min(26rem, 90vw)', zIndex: 1050, maxHeight: '70vh', overflowY: 'auto' }}
      >
        <div className="d-flex justify-content-between align-items-center mb-2">
          <h2 className="h6 mb-0">{t('notifications.title')}</h2>
          {unread > 0 && (
            <button
              type="button"
              className="btn btn-link btn-sm p-0"
              onClick={() => void markAllNotificationsRead().catch(() => undefined)}
            >
              {t('notifications.markAllRead')}
            </button>
          )}
        </div>
        {failed && !data && <p className="text-danger small mb-0">{t('notifications.failed')}</p>}
        {data && data.items.length === 0 && <p className="small mb-0">{t('notifications.empty')}</p>}
        {open && data && data.items.length > 0 && (
          <ul className="list-unstyled mb-0">
            {data.items.map((notification) => (
              <li
                key={notification.id}
                className={`border-top pt-2 mt-2 ${notification.read ? '' : 'fw-semibold'}`}
                data-notification={notification.kind}
              >
                <p className="mb-1">
                  {notificationText(t, notification, user.zone, i18n.language)}
                  {!notification.read && <span className="badge bg-primary ms-2">{t('notifications.unread')}</span>}
                </p>
                <p className="small text-secondary mb-1">
                  {calendarDateTime(user.zone, notification.createdAt, i18n.language)}
                </p>
                <div className="d-flex flex-wrap gap-3 small">
                  {isTicket(notification) && (
                    <Link to={`/tickets/${notification.ticketNumber}`} onClick={() => follow(notification)}>
                      {t('notifications.openTicket', { number: notification.ticketNumber })}
                    </Link>
                  )}
                  {notification.taskId && (
                    <Link to={`/tasks/${notification.taskId}`} onClick={() => follow(notification)}>
                      {t('notifications.openTask', { number: notification.ticketNumber })}
                    </Link>
                  )}
                  {!notification.read && (
                    <button type="button" className="btn btn-link btn-sm p-0" onClick={() => read(notification)}>
                      {notification.ticketNumber
                        ? t('notifications.markRead', { number: notification.ticketNumber })
                        : t('notifications.markReadAlert')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** A row's badge in the inbox when the ticket has unread notifications ("Nuova risposta"). */
export function UnreadBadge({ number }: { number?: string | null }) {
  const { t } = useTranslation();
  const { data } = useNotifications(Boolean(number));
  const unread = data?.unreadTickets.find((ticket) => ticket.ticketNumber === number);
  if (!unread || unread.kinds.length === 0) return null;
  const labels = [...new Set(unread.kinds.map((kind) => t(`notifications.badge.${kind}`)))];
  return (
    <span className="d-inline-flex flex-wrap gap-1 ms-1">
      {labels.map((label) => (
        <span key={label} className="badge bg-primary">
          {label}
        </span>
      ))}
    </span>
  );
}
