// Picking a delegate or a listener from the allowlist (issue 24, item 2) instead of typing an
// expression: for the element selected on the diagram, a service task's delegate and a listener to
// add, each a labelled select of the beans the model-safety checks allow for that use. ModelEditor
// writes the choice into the model (camunda:delegateExpression="${bean}", a camunda listener).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../openapi';

export type AllowedBean = components['schemas']['AllowedBean'];

/** What the picker needs of the selected element. */
export interface PickedElement {
  id: string;
  /** the BPMN type, e.g. bpmn:ServiceTask */
  type: string;
  delegateExpression?: string;
}

const DELEGATE_TYPES = ['bpmn:ServiceTask', 'bpmn:SendTask'];
const TASK_EVENTS = ['create', 'assignment', 'complete'];
const EXECUTION_EVENTS = ['start', 'end'];

export function AllowlistPicker({
  element,
  beans,
  onDelegate,
  onListener,
}: {
  element?: PickedElement;
  beans: AllowedBean[];
  onDelegate: (bean: string) => void;
  onListener: (bean: string, event: string, task: boolean) => void;
}) {
  const { t } = useTranslation();
  const [listener, setListener] = useState('');
  const [event, setEvent] = useState('');
  if (!element || element.type === 'bpmn:Process' || element.type.endsWith('Flow')) {
    return <p className="small text-muted studio-picker">{t('studio.picker.select')}</p>;
  }
  const task = element.type === 'bpmn:UserTask';
  const delegates = beans.filter((b) => b.uses.includes('DELEGATE'));
  const listeners = beans.filter((b) => b.uses.includes(task ? 'TASK_LISTENER' : 'EXECUTION_LISTENER'));
  const events = task ? TASK_EVENTS : EXECUTION_EVENTS;
  const current = /^\$\{(\w+)\}$/.exec(element.delegateExpression ?? '')?.[1] ?? '';
  const id = `studio-picker-${element.id}`;
  return (
    <div className="studio-picker" data-element={element.id}>
      <h3 className="h6">{t('studio.picker.title')}</h3>
      {DELEGATE_TYPES.includes(element.type) && (
        <div className="mb-2">
          <label className="form-label small" htmlFor={`${id}-delegate`}>
            {t('studio.picker.delegate')}
          </label>
          <select
            id={`${id}-delegate`}
            className="form-select form-select-sm"
            value={current}
            onChange={(e) => e.target.value && onDelegate(e.target.value)}
          >
            <option value="">{t('studio.picker.choose')}</option>
            {delegates.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name} ({b.type})
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="mb-1">
        <label className="form-label small" htmlFor={`${id}-listener`}>
          {task ? t('studio.picker.taskListener') : t('studio.picker.executionListener')}
        </label>
        <select
          id={`${id}-listener`}
          className="form-select form-select-sm"
          value={listener}
          onChange={(e) => setListener(e.target.value)}
        >
          <option value="">{t('studio.picker.choose')}</option>
          {listeners.map((b) => (
            <option key={b.name} value={b.name}>
              {b.name} ({b.type})
            </option>
          ))}
        </select>
        <label className="form-label small mt-1" htmlFor={`${id}-event`}>
          {t('studio.picker.event')}
        </label>
        <select
          id={`${id}-event`}
          className="form-select form-select-sm"
          value={event}
          onChange={(e) => setEvent(e.target.value)}
        >
          <option value="">{t('studio.picker.choose')}</option>
          {events.map((ev) => (
            <option key={ev} value={ev}>
              {t(`studio.picker.events.${ev}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm mt-1"
          disabled={!listener || !event}
          onClick={() => {
            onListener(listener, event, task);
            setListener('');
            setEvent('');
          }}
        >
          {t('studio.picker.addListener')}
        </button>
      </div>
    </div>
  );
}
