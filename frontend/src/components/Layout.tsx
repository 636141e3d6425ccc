import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { LANGUAGES } from '../i18n';
import { logout, type Me } from '../api';
import { tabsFor } from '../navigation';
import { NotificationBell } from './NotificationBell';
import { PresenceSwitch, isOperator } from './PresenceSwitch';

/**
 * Page frame: skip link, PA header with the user and the language switch, the tabs the user's roles
 * may use (a menu button on small screens), main landmark.
 */
export function Layout({
  user,
  children,
  wide,
}: {
  user?: Me;
  children: ReactNode;
  /** the whole window's width (wide tables) */ wide?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <>
      <a className="visually-hidden-focusable" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="it-header-wrapper">
        {/* the height follows the content: on a phone the header's controls wrap onto a second line
            and stay on its dark background */}
        <div className="it-header-center-wrapper" style={{ height: 'auto' }}>
          <div className="container d-flex flex-wrap align-items-center justify-content-between gap-2 py-3">
            <div className="it-brand-wrapper">
              <Link to="/" className="text-white text-decoration-none">
                <div className="it-brand-text">
                  <div className="it-brand-title">{t('app.name')}</div>
                  <div className="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                </div>
              </Link>
            </div>
            <div className="d-flex flex-wrap align-items-center justify-content-end gap-2 gap-md-3 text-white">
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
                  <NotificationBell user={user} />
                  {isOperator(user) && <PresenceSwitch user={user} />}
                  <span className="d-none d-md-inline">{t('nav.loggedInAs', { user: user.userId })}</span>
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
        <nav className="container mt-3" aria-label={t('nav.label')}>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm d-md-none mb-2"
            aria-expanded={menuOpen}
            aria-controls="main-navigation"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('nav.menu')}
          </button>
          <ul
            id="main-navigation"
            className={`nav nav-tabs ${menuOpen ? 'd-flex flex-column' : 'd-none'} d-md-flex flex-md-row`}
          >
            {tabsFor(user).map((tab) => (
              <li className="nav-item" key={tab.path}>
                <NavLink to={tab.path} className="nav-link" onClick={() => setMenuOpen(false)}>
                  {t(`nav.${tab.label}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" className={`${wide ? 'container-fluid px-3' : 'container'} my-4`} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
