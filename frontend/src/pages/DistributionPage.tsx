import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client, ApiError, type FieldError } from '../client';
import type { Me } from '../api';
import type { components } from '../openapi';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { TableHead } from '../components/TableHead';
import { usePolling } from '../components/usePolling';
import { formatDuration } from '../components/SlaBadge';
import { useLabels } from '../lib/labels';

type Board = components['schemas']['DistributionBoard'];
type QueueRow = components['schemas']['QueueRow'];
type Skill = components['schemas']['OperatorSkill'];
type Policy = QueueRow['policy'];
type Mode = QueueRow['mode'];
type SkillKind = Skill['kind'];

const REFRESH_MS = 10_000;
const POLICIES: Policy[] = ['FIFO', 'LONGEST_IDLE', 'SKILLS'];
const MODES: Mode[] = ['PULL', 'PUSH'];
const KINDS: SkillKind[] = ['LANGUAGE', 'TOPIC', 'LEVEL'];
const CHANNELS = ['PHONE', 'CHAT', 'OFFLINE'] as const;
const PROFICIENCIES = ['1', '2', '3', '4', '5'];

/** A message after an action: its text, whether it worked, the fields it named. */
type Report = (text: string, ok: boolean, errors?: FieldError[]) => void;

const loadBoard = () => answer(client.GET('/api/supervisor/board'));

/** Reports a failed action: the server's problem and the fields it named, or the generic error. */
function reportFailure(report: Report, error: unknown, generic: string) {
  report(error instanceof ApiError ? error.detail : generic, false, error instanceof ApiError ? error.errors : []);
}

/**
 * A labelled select; in a table cell (`small`) a small one whose label is read by screen readers
 * only.
 */
function LabelledSelect<T extends string>({
  id,
  label,
  value,
  options,
  optionLabel = (option) => option,
  onChange,
  small = false,
}: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  optionLabel?: (option: T) => string;
  onChange: (value: T) => void;
  small?: boolean;
}) {
  return (
    <>
      <label className={small ? 'visually-hidden' : 'form-label'} htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={small ? 'form-select form-select-sm' : 'form-select'}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((each) => (
          <option key={each} value={each}>
            {optionLabel(each)}
          </option>
        ))}
      </select>
    </>
  );
}

/** One queue's policy, editable live. */
function PolicyRow({ row, onSaved }: { row: QueueRow; onSaved: Report }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [policy, setPolicy] = useState<Policy>(row.policy);
  const [mode, setMode] = useState<Mode>(row.mode);
  const [timeout, setTimeout] = useState(String(row.offerTimeoutSeconds));
  const id = `policy-${row.queue}`;
  const name = labels.queue(row.queue) === row.queue ? row.name : labels.queue(row.queue);
  const save = async () => {
    try {
      await answer(
        client.PUT('/api/distribution/policies/{queue}', {
          params: { path: { queue: row.queue } },
          body: { policy, mode, offerTimeoutSeconds: Number(timeout), missedOffersToPause: undefined },
        }),
      );
      onSaved(t('distribution.board.saved', { queue: name }), true);
    } catch (error) {
      reportFailure(onSaved, error, t('errors.generic'));
    }
  };
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <LabelledSelect
          id={`${id}-policy`}
          label={t('distribution.board.policy')}
          value={policy}
          options={POLICIES}
          optionLabel={(each) => t(`distribution.policy.${each}`)}
          onChange={setPolicy}
          small
        />
      </td>
      <td>
        <LabelledSelect
          id={`${id}-mode`}
          label={t('distribution.board.mode')}
          value={mode}
          options={MODES}
          optionLabel={(each) => t(`distribution.mode.${each}`)}
          onChange={setMode}
          small
        />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${id}-timeout`}>
          {t('distribution.board.timeout')}
        </label>
        <input
          id={`${id}-timeout`}
          type="number"
          min={5}
          max={600}
          className="form-control form-control-sm"
          value={timeout}
          onChange={(e) => setTimeout(e.target.value)}
        />
      </td>
      <td>{row.waiting}</td>
      <td>{row.oldestWaitSeconds == null ? '—' : formatDuration(row.oldestWaitSeconds * 1000, t)}</td>
      <td>{row.atRisk}</td>
      <td>{row.breached}</td>
      <td>{row.openOffers}</td>
      <td>
        <button type="button" className="btn btn-sm btn-primary" onClick={() => void save()}>
          {t('distribution.board.save', { queue: name })}
        </button>
      </td>
    </tr>
  );
}

/** An operator's skills: listed, set and removed by a supervisor. */
function SkillsEditor({ operators, onMessage }: { operators: string[]; onMessage: Report }) {
  const { t } = useTranslation();
  const [operator, setOperator] = useState('');
  const [skills, setSkills] = useState<Skill[]>([]);
  const [kind, setKind] = useState<SkillKind>('LANGUAGE');
  const [code, setCode] = useState('');
  const [proficiency, setProficiency] = useState('3');
  const chosen = operator || operators[0] || '';

  const load = useCallback(async () => {
    if (!chosen) return;
    setSkills(await answer(client.GET('/api/distribution/skills', { params: { query: { operator: chosen } } })));
  }, [chosen]);
  useEffect(() => {
    load().catch(() => onMessage(t('errors.generic'), false));
  }, [load, onMessage, t]);

  const set = async (skillKind: SkillKind, skillCode: string, level: number | undefined) => {
    try {
      setSkills(
        await answer(
          client.PUT('/api/distribution/operators/{operator}/skills', {
            params: { path: { operator: chosen } },
            body: { kind: skillKind, code: skillCode, proficiency: level },
          }),
        ),
      );
      onMessage(t('distribution.skills.saved'), true);
    } catch (error) {
      reportFailure(onMessage, error, t('errors.generic'));
    }
  };

  return (
    <section aria-labelledby="skills-title" className="mt-4">
      <h2 id="skills-title" className="h4">
        {t('distribution.skills.title')}
      </h2>
      <div className="row g-2 align-items-end mb-3">
        <div className="col-auto">
          <LabelledSelect
            id="skills-operator"
            label={t('distribution.skills.operator')}
            value={chosen}
            options={operators}
            onChange={setOperator}
          />
        </div>
      </div>
      <table className="table table-sm">
        <caption>{t('distribution.skills.caption', { operator: chosen })}</caption>
        <TableHead
          headers={[
            t('distribution.skills.kind'),
            t('distribution.skills.code'),
            t('distribution.skills.proficiency'),
            t('distribution.skills.changed'),
            <span className="visually-hidden">{t('distribution.skills.actions')}</span>,
          ]}
        />
        <tbody>
          {skills.map((skill) => (
            <tr key={`${skill.kind}-${skill.code}`}>
              <td>{t(`distribution.kind.${skill.kind}`)}</td>
              <td>{skill.code}</td>
              <td>{skill.proficiency}</td>
              <td>{skill.updatedBy}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-sm btn-outline-danger"
                  onClick={() => void set(skill.kind, skill.code, undefined)}
                >
                  {t('distribution.skills.remove', { skill: skill.code })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="row g-2 align-items-end"
        onSubmit={(event) => {
          event.preventDefault();
          void set(kind, code.trim(), Number(proficiency));
        }}
      >
        <div className="col-auto">
          <LabelledSelect
            id="skill-kind"
            label={t('distribution.skills.kind')}
            value={kind}
            options={KINDS}
            optionLabel={(each) => t(`distribution.kind.${each}`)}
            onChange={setKind}
          />
        </div>
        <div className="col-auto">
          <label className="form-label" htmlFor="skill-code">
            {t('distribution.skills.code')}
          </label>
          <input
            id="skill-code"
            className="form-control"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
          />
        </div>
        <div className="col-auto">
          <LabelledSelect
            id="skill-proficiency"
            label={t('distribution.skills.proficiency')}
            value={proficiency}
            options={PROFICIENCIES}
            onChange={setProficiency}
          />
        </div>
        <div className="col-auto">
          <button type="submit" className="btn btn-primary">
            {t('distribution.skills.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Work distribution for supervisors: every queue's policy and work, every operator, skills. */
export function DistributionPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const { data, error } = usePolling<Board>(loadBoard, REFRESH_MS, t('errors.generic'));
  const [message, setMessage] = useState<{ text: string; errors: FieldError[]; ok: boolean }>();
  const labels = useLabels();
  const report = useCallback<Report>((text, ok, errors = []) => setMessage({ text, errors, ok }), []);
  return (
    <Layout user={user} wide>
      <h1 className="h2">{t('distribution.board.title')}</h1>
      <Message text={error} />
      <Message kind={message?.ok ? 'success' : 'danger'} text={message?.text} errors={message?.errors} />
      {data && (
        <>
          <h2 className="h4">{t('distribution.board.queues')}</h2>
          <div className="table-responsive">
            <table className="table align-middle">
              <caption>{t('distribution.board.queuesCaption')}</caption>
              <TableHead
                headers={[
                  t('distribution.board.queue'),
                  t('distribution.board.policy'),
                  t('distribution.board.mode'),
                  t('distribution.board.timeout'),
                  t('distribution.board.waiting'),
                  t('distribution.board.oldestWait'),
                  t('distribution.board.atRisk'),
                  t('distribution.board.breached'),
                  t('distribution.board.openOffers'),
                  <span className="visually-hidden">{t('distribution.skills.actions')}</span>,
                ]}
              />
              <tbody>
                {data.queues.map((row) => (
                  <PolicyRow
                    key={`${row.queue}-${row.policy}-${row.mode}-${row.offerTimeoutSeconds}`}
                    row={row}
                    onSaved={report}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <h2 className="h4">{t('distribution.board.operators')}</h2>
          <div className="table-responsive">
            <table className="table align-middle">
              <caption>{t('distribution.board.operatorsCaption')}</caption>
              <TableHead
                headers={[
                  t('distribution.board.operator'),
                  t('distribution.board.presence'),
                  ...CHANNELS.map((channel) => t(`distribution.channel.${channel}`)),
                  t('distribution.board.operatorQueues'),
                ]}
              />
              <tbody>
                {data.operators.map((row) => (
                  <tr key={row.operator}>
                    <th scope="row">{row.operator}</th>
                    <td>
                      {t(`distribution.state.${row.state}`)}
                      {row.reason ? ` (${t(`distribution.reason.${row.reason}`, { defaultValue: row.reason })})` : ''}
                    </td>
                    {CHANNELS.map((channel) => (
                      <td key={channel}>
                        {t('distribution.board.load', {
                          load: row.load[channel] ?? 0,
                          capacity: row.capacity[channel] ?? 0,
                        })}
                      </td>
                    ))}
                    <td>{row.queues.map((queue) => labels.queue(queue)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <SkillsEditor operators={data.operators.map((row) => row.operator)} onMessage={report} />
        </>
      )}
    </Layout>
  );
}
