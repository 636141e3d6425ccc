import { useEffect, useRef } from 'react';
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';

export interface EditorHandle {
  /** The schema as the editor has it now. */
  save: () => unknown;
}

/**
 * form-js's own editor (palette, canvas and properties panel) on one schema: render one per language
 * being edited (`key`), read the schema back through the handle when saving or switching language.
 */
export function QuestionnaireEditor({ schema, onReady }: { schema: unknown; onReady: (editor: EditorHandle) => void }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return undefined;
    const editor = new FormEditor({ container: container.current });
    void editor
      .importSchema(schema as Parameters<FormEditor['importSchema']>[0])
      .then(() => onReady({ save: () => editor.saveSchema() }));
    return () => editor.destroy();
  }, [schema, onReady]);
  return <div ref={container} className="questionnaire-editor border" style={{ minHeight: '32rem' }} />;
}
