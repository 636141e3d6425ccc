import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../client';
import { Message } from './Message';

/**
 * The outcome of a page's actions: call, then say it is done, or show the problem's detail and its
 * fields. `messages` are the page's two live regions (render them once, always: they must be there
 * before they speak).
 */
export function useOutcome() {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string>();

  /** Shows the failure: the problem's detail (or the given text when it names fields) and its fields. */
  const fail = useCallback(
    (failure: unknown, invalid?: string) => {
      setDone(undefined);
      const problem = failure instanceof ApiError ? failure : undefined;
      setError(problem && problem.errors.length > 0 && invalid ? invalid : (problem?.detail ?? t('errors.generic')));
      setFieldErrors(problem?.errors ?? []);
    },
    [t],
  );

  /** Runs the call; when it succeeds says {@code success} and hands its answer to {@code after}. */
  const run = useCallback(
    <T,>(call: Promise<T>, success: string, after?: (answer: T) => void, invalid?: string) =>
      call.then(
        (answer) => {
          setError(undefined);
          setFieldErrors([]);
          setDone(success);
          after?.(answer);
        },
        (failure: unknown) => fail(failure, invalid),
      ),
    [fail],
  );

  const messages = (
    <>
      <Message text={error} errors={fieldErrors} />
      <Message kind="success" text={done} />
    </>
  );
  return { run, fail, messages, done };
}
