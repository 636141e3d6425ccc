import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatWidget } from '../chat-widget/widget';
import { answer, client } from '../client';

/**
 * The chat widget (the same as /chat/widget.js on other sites) in a page of the application; for a
 * citizen logged in to the area ({@code identified}) the chat carries their SPID/CIE identity.
 */
export function ChatWidgetMount({ identified = false }: { identified?: boolean }) {
  const { i18n } = useTranslation();
  const language = i18n.language.slice(0, 2);
  useEffect(() => {
    const identify = (token: string) => answer(client.POST('/api/citizen/chat/identity', { body: { token } }));
    const widget = new ChatWidget(location.origin, language, document.body, identified ? { identify } : {});
    return () => widget.destroy();
  }, [language, identified]);
  return null;
}
