import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../client';

/** What a page says after an action: a success, or a problem with its fields. */
export interface PageMessage {
  kind: 'danger' | 'success';
  text: string;
  errors?: FieldError[];
}

/**
 * A page's one message (render it with {@code Message}) and {@code failed}, which shows a failed
 * call: the problem's detail and its fields, or the generic error.
 */
export function usePageMessage() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<PageMessage>();
  const failed = useCallback(
    (failure: unknown) =>
      setMessage({
        kind: 'danger',
        text: failure instanceof ApiError ? failure.detail : t('errors.generic'),
        errors: failure instanceof ApiError ? failure.errors : [],
      }),
    [t],
  );
  return { message, setMessage, failed };
}
