// The analysts' studio (issue 24): deployed models and drafts, the bpmn.io editors, the checks on save
// (the server's and bpmnlint's) shown on the diagram and in a list, and deployment under four eyes.
// The route loads this page lazily, and the page loads the editors lazily: the operators' bundle does
// not carry bpmn-js, dmn-js or form-js's editor.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api';
import { calendarDateTime } from '../../calendar';
import { answer, client } from '../../client';
import type { components } from '../../openapi';
import { Layout } from '../../components/Layout';
import { Message } from '../../components/Message';
import { useStudioMessages } from './useStudioMessages';
import type { EditorHandle, ModelKind, Problem } from './ModelEditor';
import type { AllowedBean } from './AllowlistPicker';
import { DecisionTestsPanel } from './DecisionTestsPanel';
import { ListSection } from './ListSection';
import { ModelDiffView } from './ModelDiffView';
import { StudioRunPanel } from './StudioRunPanel';

type DeployedModel = components['schemas']['DeployedModel'];
type Draft = components['schemas']['Draft'];
type DeployRequest = components['schemas']['DeployRequest'];
type ModelDiff = components['schemas']['ModelDiff'];
type DecisionTestResult = components['schemas']['DecisionTestResult'];

const ModelEditor = lazy(() => import('./ModelEditor').then((m) => ({ default: m.ModelEditor })));

interface Opened {
  kind: ModelKind;
  content: string;
  /** the draft being edited, once saved */
  draftId?: number;
  key?: string;
  baseVersion?: number;
  title: string;
  /** a decision table's tests (JSON) */
  tests?: string;
}

const KIND_BY_EXTENSION: Record<string, ModelKind> = { bpmn: 'BPMN', dmn: 'DMN', form: 'FORM' };

export function StudioPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const [models, setModels] = useState<DeployedModel[]>([]);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [requests, setRequests] = useState<DeployRequest[]>([]);
  const [versions, setVersions] = useState<Record<string, string>>({});
  const [opened, setOpened] = useState<Opened>();
  const [editorKey, setEditorKey] = useState(0);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problem[]>();
  const [loadMs, setLoadMs] = useState<number>();
  const { error, setError, fieldErrors, setFieldErrors, done, setDone, fail } = useStudioMessages();
  const [comments, setComments] = useState<Record<number, string>>({});
  const [against, setAgainst] = useState<Record<string, string>>({});
  const [beans, setBeans] = useState<AllowedBean[]>([]);
  const [tests, setTests] = useState('');
  const [testResults, setTestResults] = useState<DecisionTestResult[]>();
  const [diff, setDiff] = useState<{ title: string; diff: ModelDiff }>();
  const editor = useRef<EditorHandle>(null);
  const diffHeading = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(() => {
    Promise.all([
      answer(client.GET('/api/studio/models')),
      answer(client.GET('/api/studio/drafts')),
      answer(client.GET('/api/studio/deploy-requests')),
    ]).then(([m, d, r]) => {
      setModels(m);
      setDrafts(d);
      setRequests(r);
    }, fail);
  }, [fail]);

  useEffect(reload, [reload]);

  useEffect(() => {
    answer(client.GET('/api/studio/beans')).then(setBeans, () => setBeans([]));
  }, []);

  useEffect(() => {
    if (diff) diffHeading.current?.focus();
  }, [diff]);

  const showDiff = (title: string, request: Promise<ModelDiff>) =>
    request.then((body) => setDiff({ title, diff: body }), fail);

  const draftDiff = (draftId: number, title: string) =>
    showDiff(title, answer(client.GET('/api/studio/drafts/{id}/diff', { params: { path: { id: draftId } } })));

  const versionsDiff = (from: DeployedModel, to: DeployedModel) =>
    showDiff(
      `${to.name || to.key}: ${t('studio.versionN', { version: from.version })} → ${t('studio.versionN', { version: to.version })}`,
      answer(
        client.GET('/api/studio/diff', {
          params: { query: { kind: to.kind as ModelKind, from: from.id, to: to.id } },
        }),
      ),
    );

  /** The deployed models by kind and key, newest version first. */
  const groups = useMemo(() => {
    const byKey = new Map<string, DeployedModel[]>();
    for (const model of models) {
      const id = `${model.kind}:${model.key}`;
      byKey.set(id, [...(byKey.get(id) ?? []), model]);
    }
    return [...byKey.entries()].map(([id, all]) => ({ id, all: [...all].sort((a, b) => b.version - a.version) }));
  }, [models]);

  const open = (next: Opened) => {
    setOpened(next);
    setEditorKey((k) => k + 1);
    setProblems(undefined);
    setLoadMs(undefined);
    setError(undefined);
    setDone(undefined);
    setNote('');
    setTests(next.tests ?? '');
    setTestResults(undefined);
  };

  const openDeployed = (model: DeployedModel) =>
    answer(client.GET('/api/studio/models/{kind}/{id}', { params: { path: { kind: model.kind, id: model.id } } })).then(
      (body) =>
        open({
          kind: model.kind as ModelKind,
          content: body.content,
          key: model.key,
          baseVersion: model.version || undefined,
          title: `${model.name ?? model.key} (${t('studio.versionN', { version: model.version })})`,
          tests: body.tests ?? undefined,
        }),
      fail,
    );

  const openDraft = (draft: Draft) =>
    answer(client.GET('/api/studio/drafts/{id}', { params: { path: { id: draft.id } } })).then((body) => {
      open({
        kind: body.kind as ModelKind,
        content: body.content,
        draftId: body.id,
        key: body.key,
        baseVersion: body.baseVersion ?? undefined,
        title: t('studio.draftN', { id: body.id, key: body.key }),
        tests: body.tests ?? undefined,
      });
      setNote(body.changeNote);
    }, fail);

  const uploadFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const kind = KIND_BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''];
    if (!kind) {
      setError(t('studio.unknownFile'));
      return;
    }
    open({ kind, content: await file.text(), title: file.name });
  };

  const save = async () => {
    if (!opened || !editor.current) return;
    setError(undefined);
    setFieldErrors([]);
    try {
      const content = await editor.current.content();
      // baseVersion is left out for a new model (the API then stores none)
      const body = {
        kind: opened.kind,
        content,
        baseVersion: opened.baseVersion as number,
        changeNote: note,
        tests: opened.kind === 'DMN' && tests.trim() ? tests : (undefined as unknown as string),
      };
      const saved = opened.draftId
        ? await answer(client.PUT('/api/studio/drafts/{id}', { params: { path: { id: opened.draftId } }, body }))
        : await answer(client.POST('/api/studio/drafts', { body }));
      const linted = await editor.current.lint();
      const all: Problem[] = [...saved.problems, ...linted];
      setProblems(all);
      setTestResults(saved.tests);
      editor.current.mark(all);
      setOpened({ ...opened, content, draftId: saved.draft.id, key: saved.draft.key, tests });
      setDone(t('studio.saved', { count: all.length }));
      reload();
    } catch (e) {
      fail(e);
    }
  };

  const askDeploy = async () => {
    if (!opened?.draftId) return;
    try {
      await answer(
        client.POST('/api/studio/drafts/{id}/deploy-requests', { params: { path: { id: opened.draftId } } }),
      );
      setError(undefined);
      setDone(t('studio.asked'));
      reload();
    } catch (e) {
      fail(e);
    }
  };

  const decide = async (request: DeployRequest, decision: 'APPROVE' | 'REJECT') => {
    try {
      await answer(
        client.POST('/api/studio/deploy-requests/{id}/decision', {
          params: { path: { id: request.id } },
          body: { decision, comments: comments[request.id] ?? '' },
        }),
      );
      setError(undefined);
      setDone(decision === 'APPROVE' ? t('studio.approved') : t('studio.rejected'));
      reload();
    } catch (e) {
      fail(e);
    }
  };

  const when = (at?: string | null) => (at ? calendarDateTime(user.zone, at, i18n.language) : '—');

  return (
    <Layout user={user}>
      <h1 className="h2">{t('studio.title')}</h1>
      <p>{t('studio.intro')}</p>
      <Message text={error} errors={fieldErrors} />
      <Message kind="success" text={done} />

      <ListSection
        id="studio-models"
        title={t('studio.deployed')}
        responsive
        headers={[
          t('studio.kindLabel'),
          t('studio.name'),
          t('studio.version'),
          <span key="actions" className="visually-hidden">
            {t('studio.actions')}
          </span>,
        ]}
        after={
          <>
            <label className="form-label" htmlFor="studio-upload">
              {t('studio.upload')}
            </label>
            <input
              id="studio-upload"
              type="file"
              accept=".bpmn,.dmn,.form"
              className="form-control form-control-sm"
              onChange={uploadFile}
            />
          </>
        }
      >
        {groups.map(({ id, all }) => {
          const chosen = all.find((m) => m.id === versions[id]) ?? all[0];
          return (
            <tr key={id} data-model={chosen.key}>
              <td>{t(`studio.kind.${chosen.kind}`)}</td>
              <th scope="row">
                {chosen.name || chosen.key} <code className="small">{chosen.key}</code>
              </th>
              <td>
                {chosen.kind === 'FORM' ? (
                  '—'
                ) : (
                  <select
                    className="form-select form-select-sm"
                    aria-label={t('studio.versionOf', { name: chosen.name || chosen.key })}
                    value={chosen.id}
                    onChange={(e) => setVersions({ ...versions, [id]: e.target.value })}
                  >
                    {all.map((m) => (
                      <option key={m.id} value={m.id}>
                        {t('studio.versionN', { version: m.version })} · {when(m.deployedAt)}
                      </option>
                    ))}
                  </select>
                )}
              </td>
              <td>
                <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => openDeployed(chosen)}>
                  {t('studio.open')}
                </button>
                {all.length > 1 && (
                  <CompareVersions
                    chosen={chosen}
                    all={all}
                    value={against[id]}
                    onChange={(value) => setAgainst({ ...against, [id]: value })}
                    onCompare={(from) => versionsDiff(from, chosen)}
                    when={when}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </ListSection>

      <ListSection
        id="studio-drafts"
        title={t('studio.drafts')}
        empty={t('studio.noDrafts')}
        count={drafts.length}
        headers={[
          t('studio.name'),
          t('studio.author'),
          t('studio.savedAt'),
          t('studio.note'),
          <span key="actions" className="visually-hidden">
            {t('studio.actions')}
          </span>,
        ]}
      >
        {drafts.map((draft) => (
          <tr key={draft.id} data-draft={draft.id}>
            <th scope="row">
              {t(`studio.kind.${draft.kind}`)} <code>{draft.key}</code>
            </th>
            <td>{draft.author}</td>
            <td>{when(draft.updatedAt)}</td>
            <td>{draft.changeNote}</td>
            <td>
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => openDraft(draft)}>
                {t('studio.open')}
              </button>
            </td>
          </tr>
        ))}
      </ListSection>

      {opened && (
        <section aria-labelledby="studio-editor" className="mb-4">
          <h2 id="studio-editor" className="h4">
            {opened.title}
          </h2>
          <Suspense fallback={<p role="status">{t('studio.loading')}</p>}>
            <ModelEditor
              key={editorKey}
              ref={editor}
              kind={opened.kind}
              content={opened.content}
              beans={beans}
              onLoaded={setLoadMs}
              onError={(message) => setError(t('studio.cannotOpen', { message }))}
            />
          </Suspense>
          {loadMs !== undefined && (
            <p className="small text-muted" data-load-ms={loadMs}>
              {t('studio.loadedIn', { ms: loadMs })}
            </p>
          )}
          <div className="row g-2 align-items-end mt-2">
            <div className="col-md-8">
              <label className="form-label" htmlFor="studio-note">
                {t('studio.note')}
              </label>
              <input id="studio-note" className="form-control" value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <div className="col-md-4 d-flex gap-2">
              <button type="button" className="btn btn-primary" onClick={save}>
                {t('studio.save')}
              </button>
              <button type="button" className="btn btn-outline-primary" onClick={askDeploy} disabled={!opened.draftId}>
                {t('studio.askDeploy')}
              </button>
              <button
                type="button"
                className="btn btn-outline-secondary"
                disabled={!opened.draftId}
                onClick={() => opened.draftId && draftDiff(opened.draftId, opened.title)}
              >
                {t('studio.diff.show')}
              </button>
            </div>
          </div>
          {opened.kind === 'DMN' && <DecisionTestsPanel tests={tests} results={testResults} onChange={setTests} />}
          {problems && (
            <div className="mt-3" aria-live="polite">
              <h3 className="h5">{t('studio.problems', { count: problems.length })}</h3>
              {problems.length === 0 ? (
                <p>{t('studio.noProblems')}</p>
              ) : (
                <ul className="studio-problems">
                  {problems.map((problem, index) => (
                    <li key={index} data-problem={problem.elementId ?? ''}>
                      <span className="badge bg-secondary me-1">{t(`studio.source.${problem.source}`)}</span>
                      {problem.elementId ? (
                        <button
                          type="button"
                          className="btn btn-link btn-sm p-0 me-1 align-baseline"
                          onClick={() => editor.current?.focus(problem.elementId!)}
                        >
                          {problem.elementId}
                        </button>
                      ) : null}
                      {problem.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {opened.kind === 'BPMN' && (
            <StudioRunPanel
              key={editorKey}
              editor={editor}
              modelKey={opened.key}
              draftId={opened.draftId}
              onRestored={(draft) => {
                reload();
                openDraft(draft);
              }}
            />
          )}
        </section>
      )}

      <ListSection
        id="studio-requests"
        title={t('studio.requests')}
        empty={t('studio.noRequests')}
        count={requests.length}
        headers={[t('studio.name'), t('studio.askedBy'), t('studio.change'), t('studio.decision')]}
      >
        {requests.map((request) => (
          <tr key={request.id} data-request={request.id} data-request-draft={request.draftId}>
            <th scope="row">
              {t(`studio.kind.${request.kind}`)} <code>{request.key}</code>
              <div className="small text-muted">{request.resources.join(', ')}</div>
            </th>
            <td>
              {request.requestedBy}
              <div className="small">{when(request.requestedAt)}</div>
            </td>
            <td>
              <div style={{ whiteSpace: 'pre-wrap' }}>{request.diffSummary}</div>
              <button
                type="button"
                className="btn btn-link btn-sm p-0"
                onClick={() =>
                  draftDiff(request.draftId, t('studio.diff.ofRequest', { id: request.id, key: request.key }))
                }
              >
                {t('studio.diff.show')}
              </button>
            </td>
            <td>
              <RequestDecision
                request={request}
                user={user.userId}
                comment={comments[request.id] ?? ''}
                onComment={(value) => setComments({ ...comments, [request.id]: value })}
                onDecide={(decision) => decide(request, decision)}
                when={when}
              />
            </td>
          </tr>
        ))}
      </ListSection>

      {diff && (
        <section aria-labelledby="studio-diff" className="mb-4" data-diff-view>
          <h2 id="studio-diff" className="h4" tabIndex={-1} ref={diffHeading}>
            {t('studio.diff.title', { title: diff.title })}
          </h2>
          <ModelDiffView diff={diff.diff} headingId="studio-diff" />
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setDiff(undefined)}>
            {t('studio.diff.close')}
          </button>
        </section>
      )}
    </Layout>
  );
}

/** Another deployed version to compare the chosen one with, and the button that compares. */
function CompareVersions({
  chosen,
  all,
  value,
  onChange,
  onCompare,
  when,
}: {
  chosen: DeployedModel;
  all: DeployedModel[];
  value?: string;
  onChange: (id: string) => void;
  onCompare: (from: DeployedModel) => void;
  when: (at?: string | null) => string;
}) {
  const { t } = useTranslation();
  const others = all.filter((m) => m.id !== chosen.id);
  const from = others.find((m) => m.id === value) ?? others.find((m) => m.version < chosen.version) ?? others[0];
  const id = `studio-against-${chosen.key}`;
  return (
    <div className="d-flex gap-1 align-items-center mt-1">
      <label className="visually-hidden" htmlFor={id}>
        {t('studio.diff.against', { name: chosen.name || chosen.key })}
      </label>
      <select id={id} className="form-select form-select-sm" value={from.id} onChange={(e) => onChange(e.target.value)}>
        {others.map((m) => (
          <option key={m.id} value={m.id}>
            {t('studio.versionN', { version: m.version })} · {when(m.deployedAt)}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-outline-secondary btn-sm text-nowrap" onClick={() => onCompare(from)}>
        {t('studio.diff.compare')}
      </button>
    </div>
  );
}

/** A request's four-eyes decision: what was decided, or (for another analyst) approve / reject. */
function RequestDecision({
  request,
  user,
  comment,
  onComment,
  onDecide,
  when,
}: {
  request: DeployRequest;
  user: string;
  comment: string;
  onComment: (value: string) => void;
  onDecide: (decision: 'APPROVE' | 'REJECT') => void;
  when: (at?: string | null) => string;
}) {
  const { t } = useTranslation();
  if (request.decision) {
    return (
      <>
        {t(`studio.decided.${request.decision}`, { user: request.decidedBy })}
        <div className="small">{when(request.decidedAt)}</div>
        {request.comments && <div className="small">{request.comments}</div>}
      </>
    );
  }
  if (request.requestedBy === user) return <>{t('studio.waiting')}</>;
  return (
    <div className="d-flex flex-column gap-1">
      <label className="visually-hidden" htmlFor={`studio-comment-${request.id}`}>
        {t('studio.comment')}
      </label>
      <input
        id={`studio-comment-${request.id}`}
        className="form-control form-control-sm"
        placeholder={t('studio.comment')}
        value={comment}
        onChange={(e) => onComment(e.target.value)}
      />
      <div className="d-flex gap-1">
        <button type="button" className="btn btn-success btn-sm" onClick={() => onDecide('APPROVE')}>
          {t('studio.approve')}
        </button>
        <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => onDecide('REJECT')}>
          {t('studio.reject')}
        </button>
      </div>
    </div>
  );
}
