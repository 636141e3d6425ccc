import { useTranslation } from 'react-i18next';
import type { Me } from '../api';
import { Layout } from '../components/Layout';

/** Where an account without pages lands (an external system's): a word instead of errors. */
export function NoWorkspacePage({ user }: { user: Me }) {
  const { t } = useTranslation();
  return (
    <Layout user={user}>
      <h1 className="h2">{t('noWorkspace.title')}</h1>
      <p>{t('noWorkspace.text', { user: user.userId })}</p>
      <a href="/swagger-ui.html">{t('noWorkspace.api')}</a>
    </Layout>
  );
}
