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
 */
export function TaskForm({ schema, onReady }: { schema: unknown; onReady: (form: FormHandle) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const typed = useRef<Record<string, unknown>>({});
  const { t, i18n } = useTranslation();
  useEffect(() => {
    if (!container.current) return undefined;
    const form = new Form({ container: container.current, additionalModules: [translatedValidation(t)] });
    form.on('changed', (event: { data?: Record<string, unknown> }) => {
      if (event.data) typed.current = event.data;
    });
    void form.importSchema(translateForm(schema, t), typed.current).then(() => onReady(form as FormHandle));
    return () => form.destroy();
  }, [schema, onReady, t, i18n.language]);
  return <div ref={container} className="task-form" />;
}
