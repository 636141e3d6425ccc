import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatWidget } from '../chat-widget/widget';

/** The chat widget (the same as /chat/widget.js on other sites) in a page of the application. */
export function ChatWidgetMount() {
  const { i18n } = useTranslation();
  const language = i18n.language.slice(0, 2);
  useEffect(() => {
    const widget = new ChatWidget(location.origin, language);
    return () => widget.destroy();
  }, [language]);
  return null;
}
