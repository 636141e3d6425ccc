import { useCallback, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError, complete, isFourEyes, type FieldError } from '../../api';
import { Message } from '../../components/Message';
import { TaskForm, type FormHandle } from '../../components/TaskForm';
import { useShortcuts } from '../../lib/shortcuts';
import { useFormOptions } from '../../lib/codeLabels';

/**
 * The level-1 and level-2 forms' answer to the requester is written in the page's one reply box:
 * the form does not show it, and "Solved" completes the task with the reply box's text.
 */
const ANSWER_IN_REPLY_BOX: Record<string, string> = {
  'ticket-level1': 'level1Decision',
  'ticket-level2': 'level2Decision',
};
const HIDDEN_IN_FORM = ['answer'] as const;

/** The form's field whose "SOLVE" takes the reply box's text as the answer, for the task's form. */
export function answerDecision(schema: unknown): string | undefined {
  return ANSWER_IN_REPLY_BOX[(schema as { id?: string } | undefined)?.id ?? ''];
}

/** What completing shows: the outcome where the user is. */
interface Outcome {
  sending: boolean;
  message?: string;
  errors: FieldError[];
}
type OutcomeAction =
  { type: 'sending' } | { type: 'refused'; message: string; errors?: FieldError[] } | { type: 'done' };
function outcome(state: Outcome, action: OutcomeAction): Outcome {
  switch (action.type) {
    case 'sending':
      return { sending: true, errors: [] };
    case 'refused':
      return { sending: false, message: action.message, errors: action.errors ?? [] };
    case 'done':
      return { ...state, sending: false };
  }
}

/** The task's Camunda Form and its complete button: the same column beside every kind of task. */
export function TaskFormColumn({
  taskId,
  schema,
  className,
  answer,
  completed,
}: {
  taskId: string;
  schema: unknown;
  className: string;
  /** The reply box's text, the answer of a level-1 or level-2 "Solved" */
  answer?: string;
  /** The number the inbox names as completed */
  completed: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<FormHandle>();
  const [state, dispatch] = useReducer(outcome, { sending: false, errors: [] });
  const onReady = useCallback((handle: FormHandle) => setForm(handle), []);
  const formOptions = useFormOptions();
  const decisionKey = answerDecision(schema);

  useShortcuts({
    'ctrl+enter': () => {
      if (form && !state.sending) void submit();
    },
  });

  async function submit() {
    if (!form) return;
    const { data, errors: formErrors } = form.submit();
    if (Object.keys(formErrors).length > 0) {
      dispatch({ type: 'refused', message: t('task.invalid') });
      return;
    }
    if (decisionKey && data[decisionKey] === 'SOLVE') {
      // the answer is the reply box's text, sent to the requester with the closing message
      if (!answer?.trim()) {
        dispatch({ type: 'refused', message: t('task.answerInReplyBox') });
        document.querySelector<HTMLTextAreaElement>('[data-reply-box]')?.focus();
        return;
      }
      data.answer = answer.trim();
    }
    dispatch({ type: 'sending' });
    try {
      await complete(taskId, data);
      dispatch({ type: 'done' });
      navigate('/inbox', { state: { completed } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        dispatch({ type: 'refused', message: t('task.invalid'), errors: error.errors });
      } else {
        dispatch({
          type: 'refused',
          message: isFourEyes(error)
            ? t('errors.fourEyes')
            : error instanceof ApiError && error.status === 409
              ? t('errors.conflict')
              : t('errors.generic'),
        });
      }
    }
  }

  return (
    <section className={className} aria-labelledby="form-title">
      <h2 id="form-title" className="h4">
        {t('task.formTitle')}
      </h2>
      {schema ? (
        <TaskForm
          key={taskId}
          schema={schema}
          onReady={onReady}
          hidden={decisionKey ? HIDDEN_IN_FORM : undefined}
          options={formOptions}
        />
      ) : (
        <p>{t('task.noForm')}</p>
      )}
      {/* the outcome of "Complete" where the user is, not at the top of the page */}
      <Message text={state.message} errors={state.errors} />
      {/* Bootstrap Italia's button as plain markup (design-react-kit's Button renders the same; its package does not resolve under vitest) */}
      <button
        type="button"
        className="btn btn-primary mt-3"
        disabled={!form || state.sending}
        onClick={() => void submit()}
      >
        {state.sending ? t('task.completing') : t('task.complete')}
      </button>
    </section>
  );
}
