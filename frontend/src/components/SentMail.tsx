import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sentMail, type SentMailItem } from '../api';

function when(at: string, language: string) {
  return new Date(at).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });
}

const BADGE: Record<SentMailItem['delivery'], string> = {
  PENDING: 'bg-warning text-dark',
  SENT: 'bg-success',
  FAILED: 'bg-danger',
};

/** PEC receipts that say the mail did not reach its recipient. */
const PEC_FAILURES = new Set(['non-accettazione', 'errore-consegna', 'rilevazione-virus', 'errore']);

/**
 * The mail sent about the ticket: whether each one left, and for PEC what the providers certified,
 * so that an operator can tell a requester "delivered on ..." or see that it was not.
 */
export function SentMail({ number }: { number: string }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<SentMailItem[]>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    sentMail(number)
      .then(setItems)
      .catch(() => setFailed(true));
  }, [number]);

  return (
    <section className="mb-3" aria-labelledby="sent-mail-title">
      <h2 id="sent-mail-title" className="h4">
        {t('sentMail.title')}
      </h2>
      {failed && <p role="alert">{t('errors.generic')}</p>}
      {items?.length === 0 && <p>{t('sentMail.none')}</p>}
      <ul className="list-unstyled">
        {items?.map((mail) => (
          <li key={mail.id} className="mb-2">
            <div>
              <strong>
                {t(`sentMail.template.${mail.template ?? 'OTHER'}`, { defaultValue: mail.template ?? '' })}
              </strong>
              {' · '}
              {mail.subject}
            </div>
            <div className="small">
              {t(mail.pec ? 'sentMail.toPec' : 'sentMail.to', { recipient: mail.recipient })}{' '}
              <span className={`badge ${BADGE[mail.delivery]}`}>{t(`sentMail.delivery.${mail.delivery}`)}</span>{' '}
              {mail.delivery === 'SENT' &&
                mail.sentAt &&
                t('sentMail.sentAt', { at: when(mail.sentAt, i18n.language) })}
              {mail.delivery === 'PENDING' &&
                mail.nextAttemptAt &&
                t('sentMail.nextAttempt', { at: when(mail.nextAttemptAt, i18n.language), count: mail.attempts })}
              {mail.delivery === 'FAILED' && t('sentMail.gaveUp', { count: mail.attempts })}
              {mail.lastError && mail.delivery !== 'SENT' && (
                <div>{t('sentMail.lastError', { error: mail.lastError })}</div>
              )}
            </div>
            {mail.pec && (
              <div className="small">
                {mail.receipts.length === 0 ? (
                  t('sentMail.noReceipts')
                ) : (
                  <ol className="mb-0 ps-3" aria-label={t('sentMail.receipts')}>
                    {mail.receipts.map((receipt, index) => (
                      <li key={index} className={PEC_FAILURES.has(receipt.kind) ? 'text-danger' : undefined}>
                        {t(`sentMail.receipt.${receipt.kind}`, { defaultValue: receipt.kind })}
                        {receipt.deliveredTo && <> · {receipt.deliveredTo}</>}
                        {' · '}
                        {when(receipt.issuedAt ?? receipt.receivedAt, i18n.language)}
                        {receipt.error && <> · {receipt.error}</>}
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
