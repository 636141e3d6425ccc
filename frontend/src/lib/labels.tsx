import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client } from '../client';
import type { components } from '../openapi';

export type Reference = components['schemas']['Reference'];
export type QueueLabel = components['schemas']['QueueLabel'];
export type OfficeLabel = components['schemas']['OfficeLabel'];
export type CategoryLabel = components['schemas']['CategoryLabel'];

const EMPTY: Reference = { queues: [], offices: [], categories: [] };

let loading: Promise<Reference> | undefined;

/** The reference data, fetched once per page load and shared by every component that names codes. */
export function loadReference(): Promise<Reference> {
  loading ??= answer(client.GET('/api/reference')).catch(() => {
    loading = undefined; // a later page may try again; until then codes are shown as they are
    return EMPTY;
  });
  return loading;
}

/** Forgets the fetched reference (tests, or after an administrator changed queues or offices). */
export function forgetReference() {
  loading = undefined;
}

export interface Labels {
  reference: Reference;
  queue(code: string | null | undefined): string;
  office(code: string | null | undefined): string;
  category(code: string | null | undefined): string;
  channel(code: string | null | undefined): string;
  type(code: string | null | undefined): string;
  status(code: string | null | undefined): string;
}

/**
 * Names for the codes a ticket carries, in the user's language: queues, offices and categories from
 * the server, channels, types and statuses from the translations. An unknown code is shown as it is.
 */
export function useLabels(): Labels {
  const { t, i18n } = useTranslation();
  const [reference, setReference] = useState<Reference>(EMPTY);

  useEffect(() => {
    let current = true;
    void loadReference().then((loaded) => current && setReference(loaded));
    return () => {
      current = false;
    };
  }, []);

  const language = (i18n.language ?? 'it').slice(0, 2);
  /** The name in the user's language; Italian when the server has none in it. */
  const named = (italian: string, names: Record<string, string | null | undefined>) => names[language] || italian;
  const translated = (group: string) => (code: string | null | undefined) =>
    code ? t(`labels.${group}.${code}`, { defaultValue: code }) : '';
  return {
    reference,
    queue: (code) => {
      const queue = code ? reference.queues.find((each) => each.code === code) : undefined;
      return queue ? named(queue.nameIt, { en: queue.nameEn, de: queue.nameDe, fr: queue.nameFr }) : (code ?? '');
    },
    office: (code) => {
      const office = code ? reference.offices.find((each) => each.code === code) : undefined;
      return office ? named(office.name, { en: office.nameEn, de: office.nameDe, fr: office.nameFr }) : (code ?? '');
    },
    category: (code) => (code ? (reference.categories.find((each) => each.code === code)?.name ?? code) : ''),
    channel: translated('channel'),
    type: translated('type'),
    status: (code) => (code ? t(`status.${code}`, { defaultValue: code }) : ''),
  };
}
