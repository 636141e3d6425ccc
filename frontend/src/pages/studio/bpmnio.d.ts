// The bpmn.io packages the studio uses that ship no TypeScript types: the parts we call, typed loosely.
declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const CamundaPlatformPropertiesProviderModule: ModuleDeclaration;
}
declare module 'dmn-js/lib/Modeler' {
  export default class DmnModeler {
    constructor(options: { container: HTMLElement; common?: unknown });
    importXML(xml: string): Promise<unknown>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    destroy(): void;
  }
}
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(definitions: unknown): Promise<Record<string, { id?: string; message: string; category: string }[]>>;
  }
}
declare module 'bpmnlint/lib/resolver/static-resolver' {
  export default class StaticResolver {
    constructor(cache: Record<string, unknown>);
  }
}
declare module 'bpmnlint/rules/*' {
  const rule: unknown;
  export default rule;
}
declare module 'bpmnlint-plugin-camunda-compat/rules/camunda-platform/*' {
  const rule: unknown;
  export default rule;
}
declare module 'bpmn-js-token-simulation/lib/modeler' {
  import type { ModuleDeclaration } from 'didi';
  const TokenSimulationModule: ModuleDeclaration;
  export default TokenSimulationModule;
}
