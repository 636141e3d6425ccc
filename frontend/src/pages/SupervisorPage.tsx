import { Link } from 'react-router-dom';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { agentBoard, assign, overview, type Me } from '../api';
import { AgentBoard } from '../components/AgentBoard';
import { GroupBoard } from '../components/GroupBoard';
import { Layout } from '../components/Layout';
import { ColleaguePicker } from '../components/ColleaguePicker';
import { Message } from '../components/Message';
import { usePolling } from '../components/usePolling';
import { SlaBadge, formatDuration } from '../components/SlaBadge';

const REFRESH_MS = 10_000;

/** Queues and phone agents in real time, operators' workload, reassignment. Refreshes itself. */
export function SupervisorPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const { data, error, setError, reload: loadQueues } = usePolling(overview, REFRESH_MS, t('errors.generic'));
  const agents = usePolling(agentBoard, REFRESH_MS, t('errors.generic'));
  const reloadAgents = agents.reload;
  const load = useCallback(
    () => Promise.all([loadQueues(), reloadAgents()]).then(() => undefined),
    [loadQueues, reloadAgents],
  );

  async function reassign(taskId: string, userId: string) {
    try {
      await assign(taskId, userId);
    } catch {
      setError(t('errors.generic'));
    }
    await load();
  }

  return (
    <Layout user={user}>
      <div className="d-flex justify-content-between align-items-center mb-3">
        <h1 className="h2 mb-0">{t('supervisor.title')}</h1>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void load()}>
          {t('inbox.refresh')}
        </button>
      </div>
      <Message text={error ?? agents.error} />
      {data && (
        <>
          <h2 className="h4">{t('supervisor.queues')}</h2>
          <div className="table-responsive">
            <table className="table align-middle" id="queues">
              <caption>{t('supervisor.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('supervisor.queue')}</th>
                  <th scope="col">{t('supervisor.waiting')}</th>
                  <th scope="col">{t('supervisor.inProgress')}</th>
                  <th scope="col">{t('supervisor.oldest')}</th>
                  <th scope="col">{t('supervisor.atRisk')}</th>
                  <th scope="col">{t('supervisor.breached')}</th>
                </tr>
              </thead>
              <tbody>
                {data.queues.map((queue) => (
                  <tr key={queue.queue} data-queue={queue.queue}>
                    <th scope="row">{i18n.language.startsWith('en') ? queue.nameEn || queue.nameIt : queue.nameIt}</th>
                    <td data-figure="waiting">{queue.waiting}</td>
                    <td data-figure="inProgress">{queue.inProgress}</td>
                    <td>
                      {queue.oldestWaitingSince
                        ? formatDuration(Date.now() - new Date(queue.oldestWaitingSince).getTime(), t)
                        : t('supervisor.none')}
                    </td>
                    <td data-figure="atRisk">
                      <span className={queue.atRisk > 0 ? 'badge bg-warning text-dark' : ''}>{queue.atRisk}</span>
                    </td>
                    <td data-figure="breached">
                      <span className={queue.breached > 0 ? 'badge bg-danger' : ''}>{queue.breached}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {data && <GroupBoard groups={data.groups ?? []} refreshed={data} onAssigned={load} />}
      {agents.data && <AgentBoard board={agents.data} />}
      {data && (
        <>
          <h2 className="h4 mt-4">{t('supervisor.operators')}</h2>
          {Object.keys(data.tasksPerOperator).length === 0 ? (
            <p>{t('supervisor.none')}</p>
          ) : (
            <ul>
              {Object.entries(data.tasksPerOperator).map(([operator, count]) => (
                <li key={operator}>
                  {operator}: {count} {t('supervisor.tasks').toLowerCase()}
                </li>
              ))}
            </ul>
          )}

          <h2 className="h4 mt-4">{t('supervisor.assigned')}</h2>
          {data.assigned.length === 0 ? (
            <p>{t('supervisor.none')}</p>
          ) : (
            <div className="table-responsive">
              <table className="table align-middle">
                <thead>
                  <tr>
                    <th scope="col">{t('inbox.columns.number')}</th>
                    <th scope="col">{t('inbox.columns.subject')}</th>
                    <th scope="col">{t('supervisor.assignee')}</th>
                    <th scope="col">{t('inbox.columns.sla')}</th>
                    <th scope="col">{t('inbox.columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.assigned.map((row) => (
                    <tr key={row.taskId}>
                      <td>
                        {row.number?.startsWith('RS-') ? (
                          <Link to={`/tickets/${row.number}`}>{row.number}</Link>
                        ) : (
                          row.number
                        )}
                      </td>
                      <td>{row.subject}</td>
                      <td>{row.assignee}</td>
                      <td>
                        <SlaBadge state={row.slaState} dueAt={row.slaDueAt ?? row.dueAt} />
                      </td>
                      <td>
                        <ColleaguePicker
                          taskId={row.taskId}
                          number={row.number ?? row.taskId}
                          holder={row.assignee}
                          action={t('supervisor.reassign')}
                          onPick={(userId) => reassign(row.taskId, userId)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Layout>
  );
}
