import { useTranslation } from 'react-i18next';
import { searchPublicKb } from '../api';
import { KbSearch } from '../components/KbSearch';
import { Layout } from '../components/Layout';
import { NoticeBoard } from '../components/NoticeBoard';

/** Citizens' self-service: search the public articles, no login. */
export function SelfServiceKbPage() {
  const { t } = useTranslation();
  return (
    <Layout>
      <h1 className="h2">{t('kb.selfServiceTitle')}</h1>
      <p>{t('kb.selfServiceIntro')}</p>
      <NoticeBoard />
      <KbSearch search={searchPublicKb} linkBase="/self-service/kb" />
    </Layout>
  );
}
