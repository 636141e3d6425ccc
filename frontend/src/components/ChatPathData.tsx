import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, answer, client } from '../client';
import { useLabels } from '../lib/labels';
import type { components } from '../openapi';

type PathSummary = components['schemas']['PathSummary'];

/**
 * The data a guided path of the chatbot collected (issue 21): the path, its queue and every
 * question with the citizen's answer, as the operator who takes the chat needs them. Nothing when
 * the chat followed no path.
 */
export function ChatPathData({ id }: { id: number }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [path, setPath] = useState<PathSummary | null>(null);

  useEffect(() => {
    let current = true;
    answer(client.GET('/api/chats/{id}/path', { params: { path: { id } } }))
      .then((loaded) => current && setPath(loaded))
      .catch((error: unknown) => {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      });
    return () => {
      current = false;
    };
  }, [id]);

  if (!path) return null;
  return (
    <section aria-labelledby={`chat-path-${id}`} className="mb-3">
      <h3 id={`chat-path-${id}`} className="h5">
        {t('chats.pathData.title')}
      </h3>
      <p className="mb-1">
        {t('chats.pathData.path', { title: path.title })} ({t(`chats.pathData.status.${path.status}`)})
        {path.queue && <> · {t('chats.pathData.queue', { queue: labels.queue(path.queue) })}</>}
      </p>
      <dl className="row mb-0">
        {path.answers.map((each) => (
          <Fragment key={each.key}>
            <dt className="col-sm-6">{each.question}</dt>
            <dd className="col-sm-6">{each.shown}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
