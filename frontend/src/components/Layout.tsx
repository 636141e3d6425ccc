import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { LANGUAGES } from '../i18n';
import { logout, type Me } from '../api';

/** Page frame: skip link, PA header with the user and the language switch, main landmark. */
export function Layout({ user, children }: { user?: Me; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <a className="visually-hidden-focusable" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="it-header-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container d-flex align-items-center justify-content-between py-3">
            <div className="it-brand-wrapper">
              <Link to="/" className="text-white text-decoration-none">
                <div className="it-brand-text">
                  <div className="it-brand-title">{t('app.name')}</div>
                  <div className="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                </div>
              </Link>
            </div>
            <div className="d-flex align-items-center gap-3 text-white">
              <label className="visually-hidden" htmlFor="language">
                {t('language.label')}
              </label>
              <select
                id="language"
                className="form-select form-select-sm w-auto"
                value={i18n.language}
                onChange={(event) => void i18n.changeLanguage(event.target.value)}
              >
                {LANGUAGES.map((language) => (
                  <option key={language} value={language} lang={language}>
                    {t(`language.${language}`)}
                  </option>
                ))}
              </select>
              {user && (
                <>
                  <span>{t('nav.loggedInAs', { user: user.userId })}</span>
                  <button
                    type="button"
                    className="btn btn-sm btn-outline-light"
                    onClick={async () => {
                      await logout().catch(() => undefined);
                      navigate('/login');
                    }}
                  >
                    {t('nav.logout')}
                  </button>
                </>
              )}
            </div>
          </div>
        </div>
      </header>
      {user && (
        <nav className="container mt-3" aria-label={t('app.name')}>
          <ul className="nav nav-tabs">
            <li className="nav-item">
              <NavLink to="/" end className="nav-link">
                {t('nav.inbox')}
              </NavLink>
            </li>
            {(user.roles.includes('LEVEL1') || user.roles.includes('LEVEL2')) && (
              <li className="nav-item">
                <NavLink to="/tickets/new" className="nav-link">
                  {t('nav.intake')}
                </NavLink>
              </li>
            )}
            {user.roles.includes('SUPERVISOR') && (
              <li className="nav-item">
                <NavLink to="/supervisor" className="nav-link">
                  {t('nav.supervisor')}
                </NavLink>
              </li>
            )}
            {['SECRETARIAT', 'OFFICE', 'HEAD_OFFICE', 'MANAGER', 'SUPERVISOR'].some((role) =>
              user.roles.includes(role),
            ) && (
              <>
                <li className="nav-item">
                  <NavLink to="/correspondence" className="nav-link">
                    {t('nav.correspondence')}
                  </NavLink>
                </li>
                <li className="nav-item">
                  <NavLink to="/complaints" className="nav-link">
                    {t('nav.complaints')}
                  </NavLink>
                </li>
              </>
            )}
            {user.roles.some((role) => role !== 'AUDITOR' && role !== 'API_CLIENT' && role !== 'ANALYST') && (
              <li className="nav-item">
                <NavLink to="/kb" className="nav-link">
                  {t('nav.kb')}
                </NavLink>
              </li>
            )}
            {['SUPERVISOR', 'MANAGER', 'ADMIN', 'AUDITOR'].some((role) => user.roles.includes(role)) && (
              <>
                <li className="nav-item">
                  <NavLink to="/service-levels" className="nav-link">
                    {t('nav.serviceLevels')}
                  </NavLink>
                </li>
                <li className="nav-item">
                  <NavLink to="/activity" className="nav-link">
                    {t('nav.activity')}
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      )}
      <main id="main" className="container my-4" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
