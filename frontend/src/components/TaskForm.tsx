import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '@bpmn-io/form-js-viewer';
import { translateForm, translatedValidation } from './translateForm';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

export interface FormHandle {
  submit: () => { data: Record<string, unknown>; errors: Record<string, unknown> };
}

/**
 * Renders the task's Camunda Form (form-js schema from forms/) with the form-js viewer, in the user's
 * language. What the user typed survives a new rendering (the language switched, the schema fetched
 * again after an upload): render one per task (`key={taskId}`) so that nothing leaks to the next.
 * Pickers are fed by `options`; form-js's validation messages are in the user's language too.
 */
export function TaskForm({
  schema,
  onReady,
  hidden,
  options,
}: {
  schema: unknown;
  onReady: (form: FormHandle) => void;
  /** Keys of fields the page fills itself (e.g. the answer, written in the reply box): not shown. */
  hidden?: readonly string[];
  /** Options of select fields that take them from an input variable (`valuesKey`), e.g. `offices`. */
  options?: Record<string, { label: string; value: string }[]>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const typed = useRef<Record<string, unknown>>({});
  const { t, i18n } = useTranslation();
  useEffect(() => {
    if (!container.current) return undefined;
    const form = new Form({ container: container.current, additionalModules: [translatedValidation(t)] });
    form.on('changed', (event: { data?: Record<string, unknown> }) => {
      if (event.data) typed.current = event.data;
    });
    // form-js 1.x writes "Select" in an empty picker whatever the language: say it in the user's
    const relabel = () =>
      container.current?.querySelectorAll('.fjs-select-display.fjs-select-placeholder').forEach((display) => {
        if (display.textContent !== t('formValidation.choose')) display.textContent = t('formValidation.choose');
      });
    const observer = new MutationObserver(relabel);
    observer.observe(container.current, { childList: true, subtree: true, characterData: true });
    void form
      .importSchema(withoutFields(translateForm(schema, t), hidden), { ...typed.current, ...options })
      .then(() => onReady(form as FormHandle));
    return () => {
      observer.disconnect();
      form.destroy();
    };
  }, [schema, onReady, t, i18n.language, hidden, options]);
  return <div ref={container} className="task-form" />;
}

/** The schema without the components of these keys (at any depth). */
export function withoutFields(schema: unknown, keys: readonly string[] | undefined): unknown {
  if (!keys || keys.length === 0) return schema;
  type Node = { key?: string; components?: Node[] };
  const strip = (node: Node): Node => ({
    ...node,
    ...(node.components
      ? { components: node.components.filter((c) => !c.key || !keys.includes(c.key)).map(strip) }
      : {}),
  });
  return strip(schema as Node);
}
