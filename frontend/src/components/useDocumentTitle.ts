import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser tab's title: "<title> · Sportello" while the page shows it, restored after. */
export function useDocumentTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = `${title} · ${t('app.name', { defaultValue: 'Sportello' })}`;
    return () => {
      document.title = previous;
    };
  }, [title, t]);
}
