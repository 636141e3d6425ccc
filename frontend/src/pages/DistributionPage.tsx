import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client, ApiError, type FieldError } from '../client';
import type { Me } from '../api';
import type { components } from '../openapi';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
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

/** A message after an action: its text, whether it worked, the fields it named. */
type Report = (text: string, ok: boolean, errors?: FieldError[]) => void;

const loadBoard = () => answer(client.GET('/api/supervisor/board'));

/** A small select of a table cell, its label read by screen readers only. */
function LabelledSelect<T extends string>({
  id,
  label,
  value,
  options,
  optionLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="form-select form-select-sm"
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
      onSaved(
        error instanceof ApiError ? error.detail : t('errors.generic'),
        false,
        error instanceof ApiError ? error.errors : [],
      );
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
      onMessage(
        error instanceof ApiError ? error.detail : t('errors.generic'),
        false,
        error instanceof ApiError ? error.errors : [],
      );
    }
  };

  return (
    <section aria-labelledby="skills-title" className="mt-4">
      <h2 id="skills-title" className="h4">
        {t('distribution.skills.title')}
      </h2>
      <div className="row g-2 align-items-end mb-3">
        <div className="col-auto">
          <label className="form-label" htmlFor="skills-operator">
            {t('distribution.skills.operator')}
          </label>
          <select
            id="skills-operator"
            className="form-select"
            value={chosen}
            onChange={(e) => setOperator(e.target.value)}
          >
            {operators.map((each) => (
              <option key={each}>{each}</option>
            ))}
          </select>
        </div>
      </div>
      <table className="table table-sm">
        <caption>{t('distribution.skills.caption', { operator: chosen })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('distribution.skills.kind')}</th>
            <th scope="col">{t('distribution.skills.code')}</th>
            <th scope="col">{t('distribution.skills.proficiency')}</th>
            <th scope="col">{t('distribution.skills.changed')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('distribution.skills.actions')}</span>
            </th>
          </tr>
        </thead>
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
          <label className="form-label" htmlFor="skill-kind">
            {t('distribution.skills.kind')}
          </label>
          <select
            id="skill-kind"
            className="form-select"
            value={kind}
            onChange={(e) => setKind(e.target.value as SkillKind)}
          >
            {KINDS.map((each) => (
              <option key={each} value={each}>
                {t(`distribution.kind.${each}`)}
              </option>
            ))}
          </select>
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
          <label className="form-label" htmlFor="skill-proficiency">
            {t('distribution.skills.proficiency')}
          </label>
          <select
            id="skill-proficiency"
            className="form-select"
            value={proficiency}
            onChange={(e) => setProficiency(e.target.value)}
          >
            {[1, 2, 3, 4, 5].map((level) => (
              <option key={level}>{level}</option>
            ))}
          </select>
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
              <thead>
                <tr>
                  <th scope="col">{t('distribution.board.queue')}</th>
                  <th scope="col">{t('distribution.board.policy')}</th>
                  <th scope="col">{t('distribution.board.mode')}</th>
                  <th scope="col">{t('distribution.board.timeout')}</th>
                  <th scope="col">{t('distribution.board.waiting')}</th>
                  <th scope="col">{t('distribution.board.oldestWait')}</th>
                  <th scope="col">{t('distribution.board.atRisk')}</th>
                  <th scope="col">{t('distribution.board.breached')}</th>
                  <th scope="col">{t('distribution.board.openOffers')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('distribution.skills.actions')}</span>
                  </th>
                </tr>
              </thead>
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
              <thead>
                <tr>
                  <th scope="col">{t('distribution.board.operator')}</th>
                  <th scope="col">{t('distribution.board.presence')}</th>
                  {CHANNELS.map((channel) => (
                    <th scope="col" key={channel}>
                      {t(`distribution.channel.${channel}`)}
                    </th>
                  ))}
                  <th scope="col">{t('distribution.board.operatorQueues')}</th>
                </tr>
              </thead>
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
