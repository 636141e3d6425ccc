import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { attach, attachments as loadAttachments, attachmentUrl, type Attachment } from '../api';

function size(bytes: number, language: string) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(language, { maximumFractionDigits: 1 })} ${units[unit]}`;
}

/** The ticket's attachments: download links, what could not be read and why, and a file to add. */
export function Attachments({ number }: { number: string }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const [items, setItems] = useState<Attachment[]>([]);
  const [file, setFile] = useState<File>();
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    loadAttachments(number)
      .then(setItems)
      .catch(() => setStatus(t('errors.generic')));
  }, [number, t]);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    try {
      const added = await attach(number, file);
      setItems((current) => (current.some((item) => item.id === added.id) ? current : [...current, added]));
      setStatus(t('attachments.added', { name: added.fileName }));
      setFile(undefined);
      (event.target as HTMLFormElement).reset();
    } catch {
      setStatus(t('attachments.failed'));
    }
  }

  return (
    <section className="mb-3" aria-labelledby="attachments-title">
      <h2 id="attachments-title" className="h4">
        {t('attachments.title')}
      </h2>
      {items.length === 0 && <p>{t('attachments.none')}</p>}
      <ul className="list-unstyled">
        {items.map((item) => (
          <li key={item.id} className="mb-1">
            <a href={attachmentUrl(number, item.id)} download={item.fileName}>
              {item.fileName ?? t('attachments.unnamed')}
            </a>{' '}
            <span className="small">
              · {item.mediaType} · {size(item.size, i18n.language)}
            </span>
            {item.extractionStatus !== 'OK' && (
              <div className="small">
                {t(`attachments.status.${item.extractionStatus}`)}
                {item.extractionMessage && <>: {item.extractionMessage}</>}
              </div>
            )}
            {item.mediaType?.startsWith('audio/') && (
              <div>
                {/* eslint-disable-next-line jsx-a11y/media-has-caption -- a recorded voicemail has no captions to give; its transcript, when there is one, is the text beside it */}
                <audio
                  controls
                  preload="none"
                  src={attachmentUrl(number, item.id)}
                  aria-label={t('attachments.listen', { name: item.fileName ?? t('attachments.unnamed') })}
                >
                  {t('attachments.noAudio')}
                </audio>
              </div>
            )}
            {item.signer && <div className="small">{t('attachments.signedBy', { signer: item.signer })}</div>}
          </li>
        ))}
      </ul>
      <form className="d-flex flex-wrap gap-2 align-items-end" onSubmit={(event) => void upload(event)}>
        <div>
          <label htmlFor={inputId} className="form-label small mb-0">
            {t('attachments.choose')}
          </label>
          <input
            id={inputId}
            type="file"
            className="form-control form-control-sm"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </div>
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={!file}>
          {t('attachments.add')}
        </button>
      </form>
      <p className="small mt-1" role="status">
        {status}
      </p>
    </section>
  );
}
