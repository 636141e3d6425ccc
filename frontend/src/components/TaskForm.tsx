import { useEffect, useRef } from 'react';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

export interface FormHandle {
  submit: () => { data: Record<string, unknown>; errors: Record<string, unknown> };
}

/** Renders the task's Camunda Form (form-js schema from forms/) with the form-js viewer. */
export function TaskForm({ schema, onReady }: { schema: unknown; onReady: (form: FormHandle) => void }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return undefined;
    const form = new Form({ container: container.current });
    void form.importSchema(schema, {}).then(() => onReady(form as FormHandle));
    return () => form.destroy();
  }, [schema, onReady]);
  return <div ref={container} className="task-form" />;
}
