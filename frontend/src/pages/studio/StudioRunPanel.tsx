// Try before deploy and running instances (issue 24, items 5 and 6), under the BPMN editor of the studio:
// the token simulation's walk-through toggle, the dry run of a saved draft on the throwaway engine (its path
// drawn on the diagram), the running instances per version (counts on the diagram), their migration to
// another version (plan, validation, preview, batch, result per instance) and the restore of an older
// version as a draft, deployed again under four eyes.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client } from '../../client';
import type { components } from '../../openapi';
import { Message } from '../../components/Message';
import { ListTable } from './ListSection';
import { useStudioMessages } from './useStudioMessages';
import type { Diagram, EditorHandle } from './ModelEditor';
import './studioRun.css';

type RunningVersion = components['schemas']['RunningVersion'];
type MigrationPreview = components['schemas']['MigrationPreview'];
type MigrationRun = components['schemas']['MigrationRun'];
type DryRunResult = components['schemas']['DryRunResult'];
type Draft = components['schemas']['Draft'];

interface Overlays {
  add(
    id: string,
    type: string,
    overlay: { position: { bottom?: number; top?: number; left: number }; html: HTMLElement },
  ): void;
  remove(filter: { type: string }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}
interface EventBus {
  on(event: string, callback: (event: { active: boolean }) => void): void;
  off(event: string, callback: (event: { active: boolean }) => void): void;
}

/** Draws numbered or counted badges on the diagram's elements; clears what this panel drew before. */
function draw(diagram: Diagram | undefined, type: 'studio-path' | 'studio-count', badges: [string, string][]) {
  if (!diagram) return;
  const overlays = diagram.get<Overlays>('overlays');
  const registry = diagram.get<ElementRegistry>('elementRegistry');
  overlays.remove({ type: 'studio-path' });
  overlays.remove({ type: 'studio-count' });
  for (const [id, text] of badges) {
    const element = registry.get(id);
    if (!element) continue;
    const badge = document.createElement('span');
    badge.className = `studio-badge ${type}`;
    badge.textContent = text;
    badge.dataset.element = id;
    overlays.add(id, type, { position: { bottom: 0, left: -8 }, html: badge });
  }
}

export function StudioRunPanel({
  editor,
  modelKey,
  draftId,
  onRestored,
}: {
  editor: RefObject<EditorHandle>;
  modelKey?: string;
  draftId?: number;
  onRestored: (draft: Draft) => void;
}) {
  const { t } = useTranslation();
  const { error, setError, fieldErrors, setFieldErrors, done, setDone, fail } = useStudioMessages();
  const [simulating, setSimulating] = useState(false);
  const [sample, setSample] = useState('{\n  \n}');
  const [dryRun, setDryRun] = useState<DryRunResult>();
  const [versions, setVersions] = useState<RunningVersion[]>([]);
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [preview, setPreview] = useState<MigrationPreview>();
  const [run, setRun] = useState<MigrationRun>();
  const busy = useRef(false);
  // the editor's handle may come without a diagram (DMN, forms, a stand-in in tests)
  const diagramOf = () => (typeof editor.current?.diagram === 'function' ? editor.current.diagram() : undefined);

  const ok = (text: string) => {
    setError(undefined);
    setFieldErrors([]);
    setDone(text);
  };

  const loadRunning = useCallback(() => {
    if (!modelKey) return;
    answer(client.GET('/api/studio/running/{key}', { params: { path: { key: modelKey } } })).then((all) => {
      setVersions(all);
      setTarget((current) => current || all[0]?.definitionId || '');
      setSource((current) => current || all.find((v, i) => i > 0 && v.instances > 0)?.definitionId || '');
    }, fail);
  }, [modelKey, fail]);

  useEffect(loadRunning, [loadRunning]);

  // the token simulation's own toggle and ours stay in step
  useEffect(() => {
    const diagram = diagramOf();
    if (!diagram) return;
    const bus = diagram.get<EventBus>('eventBus');
    const listener = (event: { active: boolean }) => setSimulating(event.active);
    bus.on('tokenSimulation.toggleMode', listener);
    return () => bus.off('tokenSimulation.toggleMode', listener);
  });

  const toggleSimulation = () => {
    const diagram = diagramOf();
    diagram?.get<{ toggleMode(active?: boolean): void }>('toggleMode').toggleMode(!simulating);
  };

  const startDryRun = async () => {
    if (!draftId || busy.current) return;
    let variables: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(sample.trim() || '{}');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      variables = parsed as Record<string, unknown>;
    } catch {
      setDone(undefined);
      setError(t('studioRun.sampleInvalid'));
      setFieldErrors([]);
      return;
    }
    busy.current = true;
    try {
      const result = await answer(
        client.POST('/api/studio/drafts/{id}/dry-run', { params: { path: { id: draftId } }, body: { variables } }),
      );
      setDryRun(result);
      draw(
        diagramOf(),
        'studio-path',
        result.path.map((id, index) => [id, String(index + 1)]),
      );
      ok(result.ended ? t('studioRun.dryRunEnded') : t('studioRun.dryRunStopped'));
    } catch (e) {
      fail(e);
    } finally {
      busy.current = false;
    }
  };

  const showCounts = (version: RunningVersion) =>
    draw(
      diagramOf(),
      'studio-count',
      version.activities.map((a) => [a.activityId, String(a.instances)]),
    );

  const askPreview = () =>
    answer(client.GET('/api/studio/migrations/preview', { params: { query: { source, target } } })).then((p) => {
      setPreview(p);
      setRun(undefined);
      ok(p.valid ? t('studioRun.planValid') : t('studioRun.planInvalid', { count: p.problems.length }));
    }, fail);

  const migrate = () =>
    answer(client.POST('/api/studio/migrations', { body: { source, target } })).then((started) => {
      setRun(started);
      ok(t('studioRun.migrationStarted'));
    }, fail);

  const refreshRun = () =>
    run &&
    answer(client.GET('/api/studio/migrations/{id}', { params: { path: { id: run.id } } })).then((r) => {
      setRun(r);
      loadRunning();
    }, fail);

  const restore = (version: RunningVersion) =>
    answer(
      client.POST('/api/studio/models/{kind}/{id}/restore', {
        params: { path: { kind: 'BPMN', id: version.definitionId } },
      }),
    ).then((saved) => {
      ok(t('studioRun.restored', { version: version.version }));
      onRestored(saved.draft);
    }, fail);

  const versionLabel = (id: string) => {
    const version = versions.find((v) => v.definitionId === id);
    return version ? t('studio.versionN', { version: version.version }) : id;
  };

  return (
    <div className="studio-run mt-4">
      <Message text={error} errors={fieldErrors} />
      <Message kind="success" text={done} />

      <section aria-labelledby="studio-try" className="mb-4">
        <h3 id="studio-try" className="h5">
          {t('studioRun.tryTitle')}
        </h3>
        <p className="small">{t('studioRun.tryIntro')}</p>
        <button
          type="button"
          className="btn btn-outline-secondary btn-sm mb-2"
          aria-pressed={simulating}
          onClick={toggleSimulation}
        >
          {simulating ? t('studioRun.simulationOff') : t('studioRun.simulationOn')}
        </button>
        <div className="mb-2">
          <label className="form-label" htmlFor="studio-sample">
            {t('studioRun.sample')}
          </label>
          <textarea
            id="studio-sample"
            className="form-control font-monospace"
            rows={4}
            value={sample}
            aria-describedby="studio-sample-help"
            onChange={(e) => setSample(e.target.value)}
          />
          <div id="studio-sample-help" className="form-text">
            {t('studioRun.sampleHelp')}
          </div>
        </div>
        <button type="button" className="btn btn-primary btn-sm" onClick={startDryRun} disabled={!draftId}>
          {t('studioRun.dryRun')}
        </button>
        {!draftId && <p className="small text-muted mt-1">{t('studioRun.saveFirst')}</p>}
        {dryRun && (
          <div className="mt-2" data-dry-run={dryRun.ended ? 'ended' : 'stopped'}>
            <h4 className="h6">{t('studioRun.path')}</h4>
            <ol className="small" data-path={dryRun.path.join(' ')}>
              {dryRun.path.map((id, index) => (
                <li key={index}>
                  <code>{id}</code>
                </li>
              ))}
            </ol>
            {dryRun.waitingAt.length > 0 && (
              <p className="small">{t('studioRun.waitingAt', { activities: dryRun.waitingAt.join(', ') })}</p>
            )}
            {dryRun.error && <p className="small text-danger">{t('studioRun.stoppedOn', { message: dryRun.error })}</p>}
            <h4 className="h6">{t('studioRun.calls')}</h4>
            {dryRun.calls.length === 0 ? (
              <p className="small">{t('studioRun.noCalls')}</p>
            ) : (
              <ul className="small">
                {dryRun.calls.map((call, index) => (
                  <li key={index}>
                    <code>{call}</code>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>

      {modelKey && (
        <section aria-labelledby="studio-running">
          <h3 id="studio-running" className="h5">
            {t('studioRun.runningTitle')}
          </h3>
          <ListTable
            headers={[
              t('studio.version'),
              t('studioRun.instances'),
              t('studioRun.where'),
              <span key="actions" className="visually-hidden">
                {t('studio.actions')}
              </span>,
            ]}
          >
            {versions.map((version) => (
              <tr key={version.definitionId} data-version={version.version}>
                <th scope="row">{t('studio.versionN', { version: version.version })}</th>
                <td data-instances={version.instances}>{version.instances}</td>
                <td className="small">
                  {version.activities.map((a) => `${a.activityId}: ${a.instances}`).join(', ') || '—'}
                </td>
                <td className="d-flex gap-1">
                  <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => showCounts(version)}>
                    {t('studioRun.showCounts')}
                  </button>
                  {version !== versions[0] && (
                    <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => restore(version)}>
                      {t('studioRun.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </ListTable>

          <h4 className="h6">{t('studioRun.migrateTitle')}</h4>
          <div className="row g-2 align-items-end">
            <div className="col-md-4">
              <label className="form-label" htmlFor="studio-migrate-source">
                {t('studioRun.from')}
              </label>
              <select
                id="studio-migrate-source"
                className="form-select form-select-sm"
                value={source}
                onChange={(e) => setSource(e.target.value)}
              >
                <option value="">—</option>
                {versions.map((v) => (
                  <option key={v.definitionId} value={v.definitionId}>
                    {t('studio.versionN', { version: v.version })} ({v.instances})
                  </option>
                ))}
              </select>
            </div>
            <div className="col-md-4">
              <label className="form-label" htmlFor="studio-migrate-target">
                {t('studioRun.to')}
              </label>
              <select
                id="studio-migrate-target"
                className="form-select form-select-sm"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              >
                {versions.map((v) => (
                  <option key={v.definitionId} value={v.definitionId}>
                    {t('studio.versionN', { version: v.version })}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-md-4 d-flex gap-2">
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={askPreview} disabled={!source}>
                {t('studioRun.preview')}
              </button>
              <button
                type="button"
                className="btn btn-primary btn-sm"
                onClick={migrate}
                disabled={
                  !preview?.valid || preview.sourceDefinitionId !== source || preview.targetDefinitionId !== target
                }
              >
                {t('studioRun.migrate')}
              </button>
            </div>
          </div>

          {preview && (
            <div className="mt-2" data-plan={preview.valid ? 'valid' : 'invalid'}>
              <p className="small">
                {t('studioRun.planFor', {
                  from: versionLabel(preview.sourceDefinitionId),
                  to: versionLabel(preview.targetDefinitionId),
                  count: preview.instances.length,
                })}
              </p>
              {preview.problems.length > 0 && (
                <ul className="small text-danger" aria-label={t('studioRun.validation')}>
                  {preview.problems.map((problem, index) => (
                    <li key={index} data-problem={problem.activityId ?? ''}>
                      {problem.message}
                    </li>
                  ))}
                </ul>
              )}
              <details>
                <summary className="small">{t('studioRun.mappings', { count: preview.mappings.length })}</summary>
                <ul className="small">
                  {preview.mappings.map((m) => (
                    <li key={m.sourceActivityId}>
                      <code>{m.sourceActivityId}</code> → <code>{m.targetActivityId}</code>
                    </li>
                  ))}
                </ul>
              </details>
              <ul className="small">
                {preview.instances.map((instance) => (
                  <li key={instance.processInstanceId}>
                    {instance.businessKey ?? instance.processInstanceId}: {instance.activityIds.join(', ')}
                  </li>
                ))}
              </ul>
            </div>
          )}

          {run && (
            <div className="mt-2" data-migration={run.id}>
              <p className="small" aria-live="polite">
                {run.progress.finished
                  ? t('studioRun.batchFinished', { total: run.progress.total })
                  : t('studioRun.batchProgress', {
                      completed: run.progress.completed,
                      total: run.progress.total,
                      failed: run.progress.failed,
                    })}
              </p>
              <button type="button" className="btn btn-outline-secondary btn-sm mb-2" onClick={refreshRun}>
                {t('studioRun.refresh')}
              </button>
              <ul className="small">
                {run.instances.map((instance) => (
                  <li key={instance.processInstanceId} data-instance-status={instance.status}>
                    {instance.businessKey ?? instance.processInstanceId}: {t(`studioRun.status.${instance.status}`)}
                  </li>
                ))}
              </ul>
              {run.progress.failedJobs.length > 0 && (
                <ul className="small text-danger" aria-label={t('studioRun.failedJobs')}>
                  {run.progress.failedJobs.map((job) => (
                    <li key={job.jobId}>{job.message}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
