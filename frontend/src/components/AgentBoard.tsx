import { useTranslation } from 'react-i18next';
import type { AgentBoard as Board, AgentState } from '../api';
import { formatDuration } from './SlaBadge';

const COLOURS: Record<AgentState, string> = {
  LOGGED_OUT: 'secondary',
  AVAILABLE: 'success',
  ON_CALL: 'primary',
  WRAP_UP: 'dark',
  PAUSED: 'warning',
};

/**
 * The phone agents by state: one tile per state (zero included), then who is in which state and for
 * how long. The page refreshes the board with its other tiles.
 */
export function AgentBoard({ board, now = Date.now() }: { board: Board; now?: number }) {
  const { t, i18n } = useTranslation();
  const exact = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <section aria-labelledby="agent-board-title" className="mt-4">
      <h2 className="h4" id="agent-board-title">
        {t('agentBoard.title')}
      </h2>
      <ul className="row list-unstyled g-3 mb-3" aria-label={t('agentBoard.totals')}>
        {board.counts.map(({ state, agents }) => (
          <li key={state} className="col-6 col-md">
            <div className={`card card-bg h-100 border-start border-4 border-${COLOURS[state]}`}>
              <div className="card-body p-3">
                <div className="small">{t(`agentBoard.state.${state}`)}</div>
                <div className="h3 mb-0" data-agent-state={state}>
                  {agents}
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {board.agents.length === 0 ? (
        <p>{t('agentBoard.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm align-middle" id="agents">
            <caption>{t('agentBoard.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agentBoard.agent')}</th>
                <th scope="col">{t('agentBoard.stateColumn')}</th>
                <th scope="col">{t('agentBoard.since')}</th>
                <th scope="col">{t('agentBoard.queue')}</th>
                <th scope="col">{t('agentBoard.call')}</th>
              </tr>
            </thead>
            <tbody>
              {board.agents.map((agent) => (
                <tr key={agent.agent} data-agent={agent.agent}>
                  <th scope="row">{agent.agent}</th>
                  <td data-figure="state">
                    <span className={`badge bg-${COLOURS[agent.state]}`}>
                      {t(`agentBoard.stateOne.${agent.state}`)}
                    </span>
                  </td>
                  <td>
                    <time dateTime={agent.since} title={exact.format(new Date(agent.since))}>
                      {formatDuration(Math.max(0, now - new Date(agent.since).getTime()), t)}
                    </time>
                  </td>
                  <td>{agent.queue ?? '—'}</td>
                  <td>{agent.state === 'ON_CALL' && agent.callId ? agent.callId : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
