import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from 'design-react-kit';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { identityProviders, login, type IdentityProvider, type Me } from '../api';
import { Layout } from '../components/Layout';

export function LoginPage({ onLogin }: { onLogin: (user: Me) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [providers, setProviders] = useState<IdentityProvider[]>([]);
  const [searchParams] = useSearchParams();
  const providerFailed = searchParams.get('error') === 'oidc';

  useEffect(() => {
    identityProviders()
      .then(setProviders)
      .catch(() => setProviders([]));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      onLogin(await login(username, password));
      navigate('/');
    } catch {
      setFailed(true);
    }
  }

  return (
    <Layout>
      <div className="row justify-content-center">
        <div className="col-md-6 col-lg-4">
          <h1 className="h2 mb-3">{t('login.title')}</h1>
          <p>{t('login.intro')}</p>
          {(failed || providerFailed) && (
            <Alert color="danger" role="alert">
              {failed ? t('login.failed') : t('login.providerFailed')}
            </Alert>
          )}
          {providers.length > 0 && (
            <>
              <ul className="list-unstyled">
                {providers.map((provider) => (
                  <li key={provider.id} className="mb-2">
                    {/* a full page load: the provider's login page, then back here with a session */}
                    <a className="btn btn-primary w-100" href={provider.loginUrl}>
                      {t('login.withProvider', { name: provider.name })}
                    </a>
                  </li>
                ))}
              </ul>
              <p className="text-center small">{t('login.orPassword')}</p>
            </>
          )}
          <form onSubmit={submit} noValidate>
            <div className="mb-3">
              <label htmlFor="username" className="form-label">
                {t('login.username')}
              </label>
              <input
                type="text"
                id="username"
                className="form-control"
                autoComplete="username"
                required
                value={username}
                onChange={(event) => setUsername(event.target.value)}
              />
            </div>
            <div className="mb-4">
              <label htmlFor="password" className="form-label">
                {t('login.password')}
              </label>
              <input
                id="password"
                type="password"
                className="form-control"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            <Button type="submit" color="primary" block>
              {t('login.submit')}
            </Button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
