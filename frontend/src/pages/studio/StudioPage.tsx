// The analysts' studio (issue 24): deployed models and drafts, the bpmn.io editors, the checks on save
// (the server's and bpmnlint's) shown on the diagram and in a list, and deployment under four eyes.
// The route loads this page lazily, and the page loads the editors lazily: the operators' bundle does
// not carry bpmn-js, dmn-js or form-js's editor.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api';
import { calendarDateTime } from '../../calendar';
import { ApiError, answer, client, type FieldError } from '../../client';
import type { components } from '../../openapi';
import { Layout } from '../../components/Layout';
import { Message } from '../../components/Message';
import type { EditorHandle, ModelKind, Problem } from './ModelEditor';
import { StudioRunPanel } from './StudioRunPanel';

type DeployedModel = components['schemas']['DeployedModel'];
type Draft = components['schemas']['Draft'];
type DeployRequest = components['schemas']['DeployRequest'];

const ModelEditor = lazy(() => import('./ModelEditor').then((m) => ({ default: m.ModelEditor })));

interface Opened {
  kind: ModelKind;
  content: string;
  /** the draft being edited, once saved */
  draftId?: number;
  key?: string;
  baseVersion?: number;
  title: string;
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
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string>();
  const [comments, setComments] = useState<Record<number, string>>({});
  const editor = useRef<EditorHandle>(null);

  const fail = useCallback(
    (e: unknown) => {
      setDone(undefined);
      setError(e instanceof ApiError ? e.detail || t('errors.generic') : t('errors.generic'));
      setFieldErrors(e instanceof ApiError ? e.errors : []);
    },
    [t],
  );

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
      const body = { kind: opened.kind, content, baseVersion: opened.baseVersion as number, changeNote: note };
      const saved = opened.draftId
        ? await answer(client.PUT('/api/studio/drafts/{id}', { params: { path: { id: opened.draftId } }, body }))
        : await answer(client.POST('/api/studio/drafts', { body }));
      const linted = await editor.current.lint();
      const all: Problem[] = [...saved.problems, ...linted];
      setProblems(all);
      editor.current.mark(all);
      setOpened({ ...opened, content, draftId: saved.draft.id, key: saved.draft.key });
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

      <section aria-labelledby="studio-models" className="mb-4">
        <h2 id="studio-models" className="h4">
          {t('studio.deployed')}
        </h2>
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <thead>
              <tr>
                <th scope="col">{t('studio.kindLabel')}</th>
                <th scope="col">{t('studio.name')}</th>
                <th scope="col">{t('studio.version')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('studio.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        onClick={() => openDeployed(chosen)}
                      >
                        {t('studio.open')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
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
      </section>

      <section aria-labelledby="studio-drafts" className="mb-4">
        <h2 id="studio-drafts" className="h4">
          {t('studio.drafts')}
        </h2>
        {drafts.length === 0 ? (
          <p>{t('studio.noDrafts')}</p>
        ) : (
          <table className="table table-sm align-middle">
            <thead>
              <tr>
                <th scope="col">{t('studio.name')}</th>
                <th scope="col">{t('studio.author')}</th>
                <th scope="col">{t('studio.savedAt')}</th>
                <th scope="col">{t('studio.note')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('studio.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        )}
      </section>

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
            </div>
          </div>
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

      <section aria-labelledby="studio-requests">
        <h2 id="studio-requests" className="h4">
          {t('studio.requests')}
        </h2>
        {requests.length === 0 ? (
          <p>{t('studio.noRequests')}</p>
        ) : (
          <table className="table table-sm align-middle">
            <thead>
              <tr>
                <th scope="col">{t('studio.name')}</th>
                <th scope="col">{t('studio.askedBy')}</th>
                <th scope="col">{t('studio.change')}</th>
                <th scope="col">{t('studio.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id} data-request={request.id}>
                  <th scope="row">
                    {t(`studio.kind.${request.kind}`)} <code>{request.key}</code>
                    <div className="small text-muted">{request.resources.join(', ')}</div>
                  </th>
                  <td>
                    {request.requestedBy}
                    <div className="small">{when(request.requestedAt)}</div>
                  </td>
                  <td style={{ whiteSpace: 'pre-wrap' }}>{request.diffSummary}</td>
                  <td>
                    {request.decision ? (
                      <>
                        {t(`studio.decided.${request.decision}`, { user: request.decidedBy })}
                        <div className="small">{when(request.decidedAt)}</div>
                        {request.comments && <div className="small">{request.comments}</div>}
                      </>
                    ) : request.requestedBy === user.userId ? (
                      t('studio.waiting')
                    ) : (
                      <div className="d-flex flex-column gap-1">
                        <label className="visually-hidden" htmlFor={`studio-comment-${request.id}`}>
                          {t('studio.comment')}
                        </label>
                        <input
                          id={`studio-comment-${request.id}`}
                          className="form-control form-control-sm"
                          placeholder={t('studio.comment')}
                          value={comments[request.id] ?? ''}
                          onChange={(e) => setComments({ ...comments, [request.id]: e.target.value })}
                        />
                        <div className="d-flex gap-1">
                          <button
                            type="button"
                            className="btn btn-success btn-sm"
                            onClick={() => decide(request, 'APPROVE')}
                          >
                            {t('studio.approve')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-outline-danger btn-sm"
                            onClick={() => decide(request, 'REJECT')}
                          >
                            {t('studio.reject')}
                          </button>
                        </div>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
