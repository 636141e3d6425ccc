// What a change does (issue 24, item 3): the elements added, removed and changed between two versions,
// grouped by process or decision, each with its changed properties before and after; for a process,
// both diagrams with the changes marked. The diff is computed by the server (the same one the
// deployment request records), so that processes, decision tables and forms share one.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../openapi';
import './studio.css';

type ModelDiff = components['schemas']['ModelDiff'];
type ModelChange = components['schemas']['ModelChange'];

const DiffDiagrams = lazy(() => import('./DiffDiagrams').then((m) => ({ default: m.DiffDiagrams })));

function groupByScope(changes: ModelChange[]) {
  const groups = new Map<string, ModelChange[]>();
  for (const change of changes) {
    const scope = change.scope ?? '';
    groups.set(scope, [...(groups.get(scope) ?? []), change]);
  }
  return [...groups.entries()];
}

export function ModelDiffView({ diff, headingId }: { diff: ModelDiff; headingId: string }) {
  const { t } = useTranslation();
  const beforeLabel =
    diff.fromVersion != null ? t('studio.versionN', { version: diff.fromVersion }) : t('studio.diff.latest');
  const afterLabel =
    diff.draftId != null
      ? t('studio.draftN', { id: diff.draftId, key: diff.key })
      : t('studio.versionN', { version: diff.toVersion });
  return (
    <div className="studio-diff" data-diff={diff.key}>
      <p className="small">
        {diff.before == null
          ? t('studio.diff.newModel', { to: afterLabel })
          : t('studio.diff.between', { from: beforeLabel, to: afterLabel })}
      </p>
      {diff.kind === 'BPMN' && (
        <Suspense fallback={<p role="status">{t('studio.loading')}</p>}>
          <DiffDiagrams
            before={diff.before}
            after={diff.after}
            changes={diff.changes}
            beforeLabel={beforeLabel}
            afterLabel={afterLabel}
          />
        </Suspense>
      )}
      {diff.changes.length === 0 ? (
        <p>{t('studio.diff.none')}</p>
      ) : (
        groupByScope(diff.changes).map(([scope, changes]) => (
          <section key={scope} aria-labelledby={`${headingId}-${scope}`}>
            <h4 id={`${headingId}-${scope}`} className="h6 mt-3">
              {scope ? t(`studio.diff.scope.${diff.kind}`, { scope }) : t('studio.diff.changes')}
            </h4>
            <ul className="list-unstyled studio-diff-list">
              {changes.map((change) => (
                <li key={change.elementId} data-change={change.change} data-element={change.elementId} className="mb-2">
                  <span className={`badge studio-diff-badge-${change.change.toLowerCase()} me-1`}>
                    {t(`studio.diff.change.${change.change}`)}
                  </span>
                  <code>{change.elementId}</code> <span className="text-muted small">({change.type})</span>{' '}
                  {change.name}
                  {change.properties.length > 0 && (
                    <table className="table table-sm small mt-1 mb-0">
                      <thead>
                        <tr>
                          <th scope="col">{t('studio.diff.property')}</th>
                          <th scope="col">{t('studio.diff.before')}</th>
                          <th scope="col">{t('studio.diff.after')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {change.properties.map((p) => (
                          <tr key={p.property}>
                            <th scope="row">
                              <code>{p.property}</code>
                            </th>
                            <td>{p.before == null ? '—' : <del>{p.before}</del>}</td>
                            <td>{p.after == null ? '—' : <ins>{p.after}</ins>}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
