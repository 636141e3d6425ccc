import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "Was this helpful? Yes / No" under an article: one opinion, then thanks (announced politely). */
export function KbFeedback({
  articleId,
  send,
}: {
  articleId: number;
  send: (id: number, helpful: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<'ask' | 'sending' | 'sent' | 'failed'>('ask');

  async function answer(helpful: boolean) {
    setState('sending');
    try {
      await send(articleId, helpful);
      setState('sent');
    } catch {
      setState('failed');
    }
  }

  return (
    <section className="mt-4 border-top pt-3" aria-labelledby={id}>
      <h2 id={id} className="h6">
        {t('kb.feedback.question')}
      </h2>
      {state !== 'sent' && (
        <div className="d-flex gap-2" role="group" aria-labelledby={id}>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={state === 'sending'}
            onClick={() => void answer(true)}
          >
            {t('kb.feedback.yes')}
          </button>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={state === 'sending'}
            onClick={() => void answer(false)}
          >
            {t('kb.feedback.no')}
          </button>
        </div>
      )}
      <div aria-live="polite" className="mt-2">
        {state === 'sent' && <p className="mb-0">{t('kb.feedback.thanks')}</p>}
        {state === 'failed' && <p className="mb-0 text-danger">{t('kb.feedback.failed')}</p>}
      </div>
    </section>
  );
}
