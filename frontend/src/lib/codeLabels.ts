import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from './labels';

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
 * code unless nothing names it: queues, channels and types from the reference data (`useLabels`),
 * the rest from the translations. The inbox's columns and filters use it.
 */
export function useCodeLabels() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { queue, channel, type } = labels;
  return useCallback(
    (kind: CodeKind, code: string) => {
      const named =
        kind === 'queue' ? queue(code) : kind === 'channel' ? channel(code) : kind === 'type' ? type(code) : code;
      if (named && named !== code) return named;
      const text: unknown = t(`${KEYS[kind]}.${code}`, { defaultValue: code, returnObjects: true });
      return typeof text === 'string' ? text : code;
    },
    [t, queue, channel, type],
  );
}

export type FormOptions = Record<string, { label: string; value: string }[]>;

/**
 * The options the task forms' pickers take from input variables (`valuesKey`): `offices`, as
 * labels in the user's language with the codes as values.
 */
export function useFormOptions(): FormOptions | undefined {
  const labels = useLabels();
  const { reference } = labels;
  const { i18n } = useTranslation();
  return useMemo(
    () =>
      reference.offices.length === 0
        ? undefined
        : { offices: reference.offices.map((each) => ({ label: labels.office(each.code), value: each.code })) },
    // the names change with the reference and the language only (labels is a new object each render)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [reference, i18n.language],
  );
}
