import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { assign, groupTasks, type GroupFigures, type InboxRow } from '../api';
import { ColleaguePicker } from './ColleaguePicker';
import { Message } from './Message';
import { SlaBadge, formatDuration } from './SlaBadge';

/**
 * The open work of every group (queues, levels, offices, head office, secretariat...): waiting, in
 * progress, oldest wait, at risk, breached; a group's waiting tasks open under its row, each linked
 * to its ticket and assignable to one of its candidates. `refreshed` changes at every poll of the
 * board, and the open lists follow.
 */
export function GroupBoard({
  groups,
  refreshed,
  onAssigned,
}: {
  groups: GroupFigures[];
  refreshed: unknown;
  onAssigned: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string>();
  const [tasks, setTasks] = useState<InboxRow[]>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  useEffect(() => {
    if (!open) return;
    let current = true;
    groupTasks(open).then(
      (rows) => current && setTasks(rows),
      () => current && setError(t('errors.generic')),
    );
    return () => {
      current = false;
    };
  }, [open, refreshed, t]);

  const label = (group: GroupFigures) =>
    group.kind === 'QUEUE' || group.kind === 'OFFICE'
      ? i18n.language.startsWith('en')
        ? group.nameEn
        : group.nameIt
      : t(`board.groups.${group.group}`, { defaultValue: group.nameIt });

  async function assignTo(row: InboxRow, userId: string) {
    setError(undefined);
    setDone(undefined);
    try {
      await assign(row.taskId, userId);
      setDone(t('board.assignedTo', { number: row.number ?? row.taskId, user: userId }));
      await onAssigned();
    } catch {
      setError(t('errors.generic'));
    }
  }

  return (
    <section aria-labelledby="groups-title" className="mt-4">
      <h2 id="groups-title" className="h4">
        {t('board.title')}
      </h2>
      <div aria-live="polite">
        <Message kind="success" text={done} />
      </div>
      <Message text={error} />
      <div className="table-responsive">
        <table className="table align-middle" id="groups">
          <caption>{t('board.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('board.group')}</th>
              <th scope="col">{t('supervisor.waiting')}</th>
              <th scope="col">{t('supervisor.inProgress')}</th>
              <th scope="col">{t('supervisor.oldest')}</th>
              <th scope="col">{t('supervisor.atRisk')}</th>
              <th scope="col">{t('supervisor.breached')}</th>
              <th scope="col">{t('inbox.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.group} data-group={group.group}>
                <th scope="row">
                  {group.kind === 'QUEUE' ? (
                    <Link to={`/tickets?queue=${encodeURIComponent(group.group)}`}>{label(group)}</Link>
                  ) : (
                    label(group)
                  )}
                  <span className="d-block small text-muted">{t(`board.kinds.${group.kind}`)}</span>
                </th>
                <td data-figure="waiting">{group.waiting}</td>
                <td data-figure="inProgress">{group.inProgress}</td>
                <td>
                  {group.oldestWaitingSince
                    ? formatDuration(Date.now() - new Date(group.oldestWaitingSince).getTime(), t)
                    : t('supervisor.none')}
                </td>
                <td data-figure="atRisk">
                  <span className={group.atRisk > 0 ? 'badge bg-warning text-dark' : ''}>{group.atRisk}</span>
                </td>
                <td data-figure="breached">
                  <span className={group.breached > 0 ? 'badge bg-danger' : ''}>{group.breached}</span>
                </td>
                <td>
                  {group.waiting > 0 && (
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm"
                      aria-expanded={open === group.group}
                      aria-controls="group-tasks"
                      aria-label={t('board.showWaiting', { group: label(group) })}
                      onClick={() => {
                        setTasks(undefined);
                        setOpen(open === group.group ? undefined : group.group);
                      }}
                    >
                      {open === group.group ? t('board.hide') : t('board.show')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && (
        <section id="group-tasks" aria-labelledby="group-tasks-title">
          <h3 id="group-tasks-title" className="h5">
            {t('board.waitingIn', { group: label(groups.find((group) => group.group === open) ?? groups[0]) })}
          </h3>
          {tasks && tasks.length === 0 && <p>{t('supervisor.none')}</p>}
          {tasks && tasks.length > 0 && (
            <ul className="list-unstyled">
              {tasks.map((row) => (
                <li
                  key={row.taskId}
                  className="border-bottom py-2 d-flex flex-wrap gap-2 align-items-center"
                  data-task={row.number}
                >
                  {row.type ? (
                    <Link to={`/tickets/${row.number}`} className="fw-semibold">
                      {row.number}
                    </Link>
                  ) : (
                    <Link to={`/tasks/${row.taskId}`} className="fw-semibold">
                      {row.number ?? row.taskName}
                    </Link>
                  )}
                  <span className="flex-grow-1">
                    {t(`taskName.${row.taskKey}`, { defaultValue: row.taskName })}
                    {row.subject && <> · {row.subject}</>}
                    {row.requesterName && <> · {row.requesterName}</>}
                  </span>
                  <SlaBadge state={row.slaState} dueAt={row.dueAt} />
                  <ColleaguePicker
                    taskId={row.taskId}
                    number={row.number ?? row.taskId}
                    action={t('board.assign')}
                    onPick={(userId) => assignTo(row, userId)}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
