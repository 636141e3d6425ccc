// The studio's two live messages (a problem with its fields, or what was done) and the one way a
// failure is shown, shared by the page and its run panel (issue 27: no repeated block).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../../client';

export function useStudioMessages() {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string>();

  const fail = useCallback(
    (e: unknown) => {
      setDone(undefined);
      setError(e instanceof ApiError ? e.detail || t('errors.generic') : t('errors.generic'));
      setFieldErrors(e instanceof ApiError ? e.errors : []);
    },
    [t],
  );

  return { error, setError, fieldErrors, setFieldErrors, done, setDone, fail };
}
