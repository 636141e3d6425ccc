import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentNotices, type PublicNotice } from '../noticesApi';

/** A deadline (a date without time) in the reader's language. */
function day(value: string, language: string): string {
  const [year, month, date] = value.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString(language, { timeZone: 'UTC', dateStyle: 'long' });
}

/**
 * The current notices of the notice board (published, valid now), for citizens: outages first. With
 * `topic`, that topic's and those for every topic; with `kinds`, only those kinds (the request
 * form shows only outages). `onRemind` adds a "remind me" button to notices with a deadline.
 */
export function NoticeBoard({
  topic,
  kinds,
  headingLevel = 2,
  remindable,
  onRemind,
  onLoaded,
}: {
  topic?: string;
  kinds?: readonly PublicNotice['kind'][];
  headingLevel?: 2 | 3;
  remindable?: (notice: PublicNotice) => 'subscribe' | 'subscribed' | undefined;
  onRemind?: (notice: PublicNotice) => void;
  onLoaded?: (notices: PublicNotice[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<PublicNotice[]>([]);
  const kindKey = kinds?.join(',');

  useEffect(() => {
    let live = true;
    currentNotices(i18n.language, { topic, audience: 'CITIZENS' }).then(
      (found) => {
        if (!live) return;
        const shown = kindKey ? found.filter((each) => kindKey.split(',').includes(each.kind)) : found;
        setItems(shown);
        onLoaded?.(shown);
      },
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
    // onLoaded is a callback of the parent: a new one must not fetch again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n.language, topic, kindKey]);

  if (items.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="notice-board" className="mb-4">
      <Heading id="notice-board" className="h4">
        {t('noticeBoard.title')}
      </Heading>
      <ul className="list-unstyled">
        {items.map((notice) => (
          <li
            key={notice.id}
            className={`alert ${notice.kind === 'OUTAGE' ? 'alert-warning' : notice.kind === 'DEADLINE' ? 'alert-info' : 'alert-light border'} mb-2`}
            lang={notice.language}
          >
            <p className="fw-bold mb-1">
              {/* the kind in words, not by colour alone; in the page's language */}
              <span className="badge bg-secondary me-2" lang={i18n.language}>
                {t(`noticeBoard.kind.${notice.kind}`)}
              </span>
              {notice.title}
            </p>
            <p className="mb-1" style={{ whiteSpace: 'pre-line' }}>
              {notice.body}
            </p>
            {notice.deadline && (
              <p className="mb-1 small" lang={i18n.language}>
                {t('noticeBoard.deadline', { date: day(notice.deadline, i18n.language) })}
              </p>
            )}
            {notice.deadline && onRemind && remindable?.(notice) === 'subscribe' && (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                lang={i18n.language}
                onClick={() => onRemind(notice)}
              >
                {t('noticeBoard.remindMe')}
                <span className="visually-hidden">: {notice.title}</span>
              </button>
            )}
            {notice.deadline && remindable?.(notice) === 'subscribed' && (
              <p className="mb-0 small" lang={i18n.language}>
                {t('noticeBoard.reminderOn')}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
