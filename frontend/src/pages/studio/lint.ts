// bpmnlint in the browser: the recommended rules of bpmnlint and the Camunda 7.24 compatibility rules
// of bpmnlint-plugin-camunda-compat, resolved from a static table (no bundler plugin needed).
import { Linter } from 'bpmnlint';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import fakeJoin from 'bpmnlint/rules/fake-join';
import labelRequired from 'bpmnlint/rules/label-required';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import historyTimeToLive from 'bpmnlint-plugin-camunda-compat/rules/camunda-platform/history-time-to-live';

export interface LintProblem {
  elementId?: string;
  message: string;
  source: 'LINT';
  category: string;
}

const RULES: Record<string, unknown> = {
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'fake-join': fakeJoin,
  'label-required': labelRequired,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-start': noImplicitStart,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'superfluous-gateway': superfluousGateway,
};

const cache: Record<string, unknown> = {
  'rule:bpmnlint-plugin-camunda-compat/history-time-to-live': historyTimeToLive,
};
for (const [name, rule] of Object.entries(RULES)) cache[`rule:bpmnlint/${name}`] = rule;

const config = {
  rules: {
    ...Object.fromEntries(Object.keys(RULES).map((name) => [name, name === 'fake-join' ? 'warn' : 'error'])),
    'camunda-compat/history-time-to-live': ['error', { platform: 'camunda-platform', version: '7.24' }],
  },
};

/** Lints the model's definitions (the modeler's `getDefinitions()`). */
export async function lint(definitions: unknown): Promise<LintProblem[]> {
  const linter = new Linter({ config, resolver: new StaticResolver(cache) });
  const results = await linter.lint(definitions);
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((report) => ({
      elementId: report.id,
      message: `${report.message} (${rule})`,
      source: 'LINT' as const,
      category: report.category,
    })),
  );
}
