// The bpmn.io editors, loaded only when the studio opens a model: bpmn-js with the Camunda 7 properties
// panel, dmn-js, form-js's editor. Their licence asks to keep the bpmn.io watermark: it stays.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import './studio.css';
import { lint } from './lint';
import { AllowlistPicker, type AllowedBean, type PickedElement } from './AllowlistPicker';

export type ModelKind = 'BPMN' | 'DMN' | 'FORM';

export interface Problem {
  elementId?: string | null;
  message: string;
  source: string;
}

export interface EditorHandle {
  /** The model as it is now (XML, or the form's JSON). */
  content(): Promise<string>;
  /** bpmnlint's findings (BPMN only). */
  lint(): Promise<Problem[]>;
  /** Marks the problems on the diagram (BPMN): a red outline and a badge on each element. */
  mark(problems: Problem[]): void;
  /** Scrolls to the element and selects it. */
  focus(elementId: string): void;
  /** The BPMN modeler (for overlays drawn by other panels), if a BPMN model is open. */
  diagram(): Diagram | undefined;
}

export interface Diagram {
  get<T = unknown>(name: string): T;
  importXML(xml: string): Promise<unknown>;
  saveXML(options: { format: boolean }): Promise<{ xml?: string }>;
  getDefinitions(): unknown;
  destroy(): void;
}
interface Canvas {
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
  scrollToElement(element: unknown): void;
}
interface Overlays {
  add(id: string, type: string, overlay: { position: { top: number; right: number }; html: HTMLElement }): void;
  remove(filter: { type: string }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}
interface Shape {
  id: string;
  type: string;
  businessObject: ModdleElement;
}
interface ModdleElement {
  get(name: string): unknown;
  extensionElements?: ModdleElement;
  $parent?: ModdleElement;
}
interface Modeling {
  updateProperties(element: Shape, properties: Record<string, unknown>): void;
  updateModdleProperties(element: Shape, target: ModdleElement, properties: Record<string, unknown>): void;
}
interface Moddle {
  create(type: string, properties: Record<string, unknown>): ModdleElement;
}
interface EventBus {
  on(event: string, callback: (e: { newSelection?: Shape[]; element?: Shape }) => void): void;
}
interface DmnEditor {
  importXML(xml: string): Promise<unknown>;
  saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
  destroy(): void;
}
interface FormEditorLike {
  importSchema(schema: unknown): Promise<unknown>;
  saveSchema(): unknown;
  destroy(): void;
}

/** One editor for one model; `onLoaded` gets the milliseconds it took to load and show it. */
export const ModelEditor = forwardRef<
  EditorHandle,
  {
    kind: ModelKind;
    content: string;
    /** the allowlisted beans, offered next to the properties panel (BPMN) */
    beans?: AllowedBean[];
    onLoaded?: (ms: number) => void;
    onError?: (message: string) => void;
  }
>(function ModelEditor({ kind, content, beans = [], onLoaded, onError }, ref) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const bpmn = useRef<Diagram>();
  const dmn = useRef<DmnEditor>();
  const form = useRef<FormEditorLike>();
  const marked = useRef<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [selected, setSelected] = useState<PickedElement>();
  const selectedShape = useRef<Shape>();

  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    const container = canvasRef.current!;
    (async () => {
      if (kind === 'BPMN') {
        const [{ default: Modeler }, panel, camunda, { default: TokenSimulation }] = await Promise.all([
          import('bpmn-js/lib/Modeler'),
          import('bpmn-js-properties-panel'),
          import('camunda-bpmn-moddle/resources/camunda.json'),
          import('bpmn-js-token-simulation/lib/modeler'),
        ]);
        if (cancelled) return;
        const modeler = new Modeler({
          container,
          propertiesPanel: { parent: panelRef.current },
          additionalModules: [
            panel.BpmnPropertiesPanelModule,
            panel.BpmnPropertiesProviderModule,
            panel.CamundaPlatformPropertiesProviderModule,
            TokenSimulation,
          ],
          moddleExtensions: { camunda: camunda.default },
        }) as unknown as Diagram;
        bpmn.current = modeler;
        const pick = (shape?: Shape) => {
          selectedShape.current = shape;
          setSelected(
            shape
              ? {
                  id: shape.id,
                  type: shape.type,
                  delegateExpression: (shape.businessObject.get('camunda:delegateExpression') as string) ?? undefined,
                }
              : undefined,
          );
        };
        const events = modeler.get<EventBus>('eventBus');
        events.on('selection.changed', (e) => pick(e.newSelection?.length === 1 ? e.newSelection[0] : undefined));
        events.on('element.changed', (e) => {
          if (e.element && e.element === selectedShape.current) pick(e.element);
        });
        await modeler.importXML(content);
      } else if (kind === 'DMN') {
        const { default: DmnModeler } = await import('dmn-js/lib/Modeler');
        if (cancelled) return;
        const modeler = new DmnModeler({ container });
        dmn.current = modeler;
        await modeler.importXML(content);
      } else {
        const { FormEditor } = await import('@bpmn-io/form-js-editor');
        if (cancelled) return;
        const editor = new FormEditor({ container }) as unknown as FormEditorLike;
        form.current = editor;
        await editor.importSchema(JSON.parse(content));
      }
      if (!cancelled) {
        setLoading(false);
        onLoaded?.(Math.round(performance.now() - started));
      }
    })().catch((error: unknown) => {
      if (!cancelled) {
        setLoading(false);
        onError?.(error instanceof Error ? error.message : String(error));
      }
    });
    return () => {
      cancelled = true;
      bpmn.current?.destroy();
      dmn.current?.destroy();
      form.current?.destroy();
      bpmn.current = dmn.current = form.current = undefined;
    };
    // the editor is built once per model: a new model remounts it (key)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** The selected task calls the bean: camunda:delegateExpression="${bean}", no class or expression. */
  const setDelegate = (bean: string) => {
    const shape = selectedShape.current;
    if (!bpmn.current || !shape) return;
    bpmn.current.get<Modeling>('modeling').updateProperties(shape, {
      'camunda:delegateExpression': `\${${bean}}`,
      'camunda:class': undefined,
      'camunda:expression': undefined,
    });
  };

  /** Adds a camunda task or execution listener calling the bean on the event. */
  const addListener = (bean: string, event: string, task: boolean) => {
    const shape = selectedShape.current;
    const modeler = bpmn.current;
    if (!modeler || !shape) return;
    const moddle = modeler.get<Moddle>('moddle');
    const modeling = modeler.get<Modeling>('modeling');
    const owner = shape.businessObject;
    let extensions = owner.extensionElements;
    if (!extensions) {
      extensions = moddle.create('bpmn:ExtensionElements', { values: [] });
      extensions.$parent = owner;
      modeling.updateProperties(shape, { extensionElements: extensions });
    }
    const listener = moddle.create(task ? 'camunda:TaskListener' : 'camunda:ExecutionListener', {
      event,
      delegateExpression: `\${${bean}}`,
    });
    listener.$parent = extensions;
    modeling.updateModdleProperties(shape, extensions, {
      values: [...((extensions.get('values') as ModdleElement[]) ?? []), listener],
    });
  };

  useImperativeHandle(ref, () => ({
    async content() {
      if (bpmn.current) return (await bpmn.current.saveXML({ format: true })).xml ?? '';
      if (dmn.current) return (await dmn.current.saveXML({ format: true })).xml;
      if (form.current) return JSON.stringify(form.current.saveSchema(), null, 2);
      return content;
    },
    async lint() {
      return bpmn.current ? lint(bpmn.current.getDefinitions()) : [];
    },
    mark(problems) {
      const modeler = bpmn.current;
      if (!modeler) return;
      const canvas = modeler.get<Canvas>('canvas');
      const overlays = modeler.get<Overlays>('overlays');
      const registry = modeler.get<ElementRegistry>('elementRegistry');
      marked.current.forEach((id) => canvas.removeMarker(id, 'studio-problem'));
      overlays.remove({ type: 'studio-problem' });
      const ids = [
        ...new Set(problems.map((p) => p.elementId).filter((id): id is string => !!id && !!registry.get(id))),
      ];
      for (const id of ids) {
        canvas.addMarker(id, 'studio-problem');
        const badge = document.createElement('span');
        badge.className = 'studio-problem-badge';
        badge.textContent = String(problems.filter((p) => p.elementId === id).length);
        badge.title = problems
          .filter((p) => p.elementId === id)
          .map((p) => p.message)
          .join('\n');
        overlays.add(id, 'studio-problem', { position: { top: -8, right: 8 }, html: badge });
      }
      marked.current = ids;
    },
    focus(elementId) {
      const modeler = bpmn.current;
      const element = modeler?.get<ElementRegistry>('elementRegistry').get(elementId);
      if (!modeler || !element) return;
      modeler.get<Canvas>('canvas').scrollToElement(element);
      modeler.get<{ select(element: unknown): void }>('selection').select(element);
    },
    diagram() {
      return bpmn.current;
    },
  }));

  return (
    <div className="studio-editor" data-kind={kind} aria-busy={loading}>
      {loading && (
        <p role="status" className="mb-1">
          {t('studio.loading')}
        </p>
      )}
      <div className="studio-editor-body">
        <div ref={canvasRef} className="studio-canvas" data-testid="studio-canvas" />
        {kind === 'BPMN' && (
          <aside className="studio-properties" aria-label={t('studio.properties')}>
            <AllowlistPicker element={selected} beans={beans} onDelegate={setDelegate} onListener={addListener} />
            <div ref={panelRef} />
          </aside>
        )}
      </div>
    </div>
  );
});
