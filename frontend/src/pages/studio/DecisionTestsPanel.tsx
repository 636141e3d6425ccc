// A decision table's tests (issue 24, item 7): sample inputs and the outputs expected, kept with the
// table as JSON (see docs/studio.md), edited here and run by the server with the engine's DMN engine
// on every save and before deployment; a failing test is a problem that blocks the request.
import { useTranslation } from 'react-i18next';
import type { components } from '../../openapi';

type DecisionTestResult = components['schemas']['DecisionTestResult'];

export function DecisionTestsPanel({
  tests,
  results,
  onChange,
}: {
  tests: string;
  results?: DecisionTestResult[];
  onChange: (tests: string) => void;
}) {
  const { t } = useTranslation();
  const failed = results?.filter((r) => !r.passed).length ?? 0;
  return (
    <div className="mt-3" data-decision-tests>
      <label className="form-label" htmlFor="studio-tests">
        {t('studio.tests.label')}
      </label>
      <textarea
        id="studio-tests"
        className="form-control font-monospace small"
        rows={10}
        spellCheck={false}
        aria-describedby="studio-tests-help"
        value={tests}
        onChange={(e) => onChange(e.target.value)}
      />
      <div id="studio-tests-help" className="form-text">
        {t('studio.tests.help')}
      </div>
      {results && results.length > 0 && (
        <div aria-live="polite">
          <h3 className="h6 mt-2">{t('studio.tests.results', { passed: results.length - failed, failed })}</h3>
          <table className="table table-sm small">
            <thead>
              <tr>
                <th scope="col">{t('studio.tests.case')}</th>
                <th scope="col">{t('studio.tests.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((result, index) => (
                <tr key={index} data-test-passed={result.passed}>
                  <th scope="row">{result.name}</th>
                  <td>
                    {result.passed ? (
                      <span className="badge bg-success">{t('studio.tests.passed')}</span>
                    ) : (
                      <>
                        <span className="badge bg-danger me-1">{t('studio.tests.failed')}</span>
                        {result.message}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
