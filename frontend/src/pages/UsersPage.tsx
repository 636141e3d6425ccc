import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type FieldError, type Me } from '../api';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { calendarDateTime } from '../calendar';

interface UserView {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  local: boolean;
  disabled: boolean;
  groups: string[];
  lastLoginAt?: string | null;
  lastLoginSource?: string | null;
}

interface Group {
  id: string;
  name?: string | null;
}

interface RegisterEntry {
  id: number;
  at: string;
  actor: string;
  userId: string;
  action: string;
  groupId?: string | null;
  reason: string;
}

interface ReviewLine {
  userId: string;
  unused: boolean;
}

interface AccessReview {
  unusedDays: number;
  users: ReviewLine[];
}

const NEW_USER = { id: '', firstName: '', lastName: '', email: '', password: '', group: '', reason: '' };

/**
 * Users and rights for administrators: local users and the users known from their OIDC logins,
 * their roles and groups, last login; create, disable, enable, reset a password, grant and revoke,
 * always with a reason; the register of these changes and the access review (unused accounts),
 * exportable.
 */
export function UsersPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const [users, setUsers] = useState<UserView[]>([]);
  const [groups, setGroups] = useState<Group[]>([]);
  const [register, setRegister] = useState<RegisterEntry[]>([]);
  const [review, setReview] = useState<AccessReview>();
  const [unusedDays, setUnusedDays] = useState(90);
  const [selected, setSelected] = useState<string>();
  const [reason, setReason] = useState('');
  const [group, setGroup] = useState('');
  const [password, setPassword] = useState('');
  const [draft, setDraft] = useState(NEW_USER);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let stale = false;
    Promise.all([
      api<UserView[]>('GET', '/api/users'),
      api<Group[]>('GET', '/api/users/groups'),
      api<RegisterEntry[]>('GET', '/api/users/register?limit=100'),
      api<AccessReview>('GET', `/api/users/access-review?unusedDays=${unusedDays}`),
    ]).then(
      ([loadedUsers, loadedGroups, loadedRegister, loadedReview]) => {
        if (stale) return;
        setUsers(loadedUsers);
        setGroups(loadedGroups);
        setRegister(loadedRegister);
        setReview(loadedReview);
      },
      (failure: unknown) => !stale && setError(failure instanceof ApiError ? failure.detail : t('errors.generic')),
    );
    return () => {
      stale = true;
    };
  }, [t, reload, unusedDays]);

  const act = (method: string, path: string, body: unknown, success: string, after?: () => void) => {
    setDone(undefined);
    api<unknown>(method, path, body).then(
      () => {
        setError(undefined);
        setFieldErrors([]);
        setDone(success);
        setReason('');
        setPassword('');
        after?.();
        setReload((value) => value + 1);
      },
      (failure: unknown) => {
        setError(failure instanceof ApiError ? failure.detail : t('errors.generic'));
        setFieldErrors(failure instanceof ApiError ? failure.errors : []);
      },
    );
  };

  const current = users.find((each) => each.id === selected);
  const unused = new Set(review?.users.filter((line) => line.unused).map((line) => line.userId));
  const when = (at?: string | null) => (at ? calendarDateTime(user.zone, at, i18n.language) : t('users.never'));
  const groupLabel = (id: string) => groups.find((each) => each.id === id)?.name || id;

  return (
    <Layout user={user} wide>
      <h1 className="h2">{t('users.title')}</h1>
      <p>{t('users.intro')}</p>
      <Message text={error} errors={fieldErrors} />
      <Message kind="success" text={done} />

      <section aria-labelledby="users-list">
        <h2 id="users-list" className="h4">
          {t('users.list')}
        </h2>
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('users.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.columns.user')}</th>
                <th scope="col">{t('users.columns.groups')}</th>
                <th scope="col">{t('users.columns.lastLogin')}</th>
                <th scope="col">{t('users.columns.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.manage')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((each) => (
                <tr key={each.id}>
                  <th scope="row">
                    {each.id}
                    {(each.firstName || each.lastName) && (
                      <div className="small fw-normal">{[each.firstName, each.lastName].filter(Boolean).join(' ')}</div>
                    )}
                  </th>
                  <td>{each.groups.map(groupLabel).join(', ')}</td>
                  <td>
                    {when(each.lastLoginAt)}
                    {each.lastLoginSource && (
                      <span className="small">
                        {' '}
                        ({t(`users.sources.${each.lastLoginSource}`, { defaultValue: each.lastLoginSource })})
                      </span>
                    )}
                  </td>
                  <td>
                    {each.disabled ? t('users.disabled') : t('users.enabled')}
                    {!each.local && <div className="small">{t('users.oidc')}</div>}
                    {unused.has(each.id) && <div className="small">{t('users.unused', { days: unusedDays })}</div>}
                  </td>
                  <td>
                    {each.local && (
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        onClick={() => setSelected(each.id)}
                        aria-label={t('users.manageUser', { user: each.id })}
                      >
                        {t('users.manage')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {current && (
        <section aria-labelledby="users-manage" className="border rounded p-3 mb-4">
          <h2 id="users-manage" className="h4">
            {t('users.manageUser', { user: current.id })}
          </h2>
          <div className="mb-3">
            <label htmlFor="users-reason" className="form-label">
              {t('users.changeReason')}
            </label>
            <input
              id="users-reason"
              className="form-control"
              required
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <div className="row g-3 align-items-end mb-3">
            <div className="col-md-4">
              <label htmlFor="users-group" className="form-label">
                {t('users.group')}
              </label>
              <select
                id="users-group"
                className="form-select"
                value={group}
                onChange={(event) => setGroup(event.target.value)}
              >
                <option value="">—</option>
                {groups.map((each) => (
                  <option key={each.id} value={each.id}>
                    {groupLabel(each.id)}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-md-8 d-flex gap-2">
              <button
                type="button"
                className="btn btn-primary"
                disabled={!group || current.groups.includes(group)}
                onClick={() => act('POST', `/api/users/${current.id}/grants`, { group, reason }, t('users.granted'))}
              >
                {t('users.grant')}
              </button>
              <button
                type="button"
                className="btn btn-outline-danger"
                disabled={!group || !current.groups.includes(group)}
                onClick={() =>
                  act('POST', `/api/users/${current.id}/revocations`, { group, reason }, t('users.revoked'))
                }
              >
                {t('users.revoke')}
              </button>
            </div>
          </div>
          <div className="row g-3 align-items-end mb-3">
            <div className="col-md-4">
              <label htmlFor="users-password" className="form-label">
                {t('users.newPassword')}
              </label>
              <input
                id="users-password"
                type="password"
                autoComplete="new-password"
                className="form-control"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            <div className="col-md-8 d-flex gap-2">
              <button
                type="button"
                className="btn btn-outline-primary"
                disabled={!password}
                onClick={() =>
                  act('POST', `/api/users/${current.id}/password`, { password, reason }, t('users.passwordSet'))
                }
              >
                {t('users.resetPassword')}
              </button>
              {current.disabled ? (
                <button
                  type="button"
                  className="btn btn-outline-primary"
                  onClick={() => act('POST', `/api/users/${current.id}/enable`, { reason }, t('users.enabledDone'))}
                >
                  {t('users.enable')}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn-outline-danger"
                  onClick={() => act('POST', `/api/users/${current.id}/disable`, { reason }, t('users.disabledDone'))}
                >
                  {t('users.disable')}
                </button>
              )}
            </div>
          </div>
          <p className="small mb-0">{t('users.policy')}</p>
        </section>
      )}

      <section aria-labelledby="users-new" className="mb-4">
        <h2 id="users-new" className="h4">
          {t('users.newUser')}
        </h2>
        <form
          className="row g-3 align-items-end"
          onSubmit={(event) => {
            event.preventDefault();
            act(
              'POST',
              '/api/users',
              { ...draft, group: undefined, groups: draft.group ? [draft.group] : [] },
              t('users.created', { user: draft.id }),
              () => setDraft(NEW_USER),
            );
          }}
        >
          {(['id', 'firstName', 'lastName', 'email', 'password'] as const).map((name) => (
            <div className="col-md-4" key={name}>
              <label htmlFor={`new-user-${name}`} className="form-label">
                {t(`users.fields.${name}`)}
              </label>
              <input
                id={`new-user-${name}`}
                className="form-control"
                type={name === 'password' ? 'password' : name === 'email' ? 'email' : 'text'}
                autoComplete={name === 'password' ? 'new-password' : 'off'}
                required={name === 'id' || name === 'password'}
                value={draft[name]}
                onChange={(event) => setDraft((value) => ({ ...value, [name]: event.target.value }))}
              />
            </div>
          ))}
          <div className="col-md-4">
            <label htmlFor="new-user-group" className="form-label">
              {t('users.group')}
            </label>
            <select
              id="new-user-group"
              className="form-select"
              value={draft.group}
              onChange={(event) => setDraft((value) => ({ ...value, group: event.target.value }))}
            >
              <option value="">—</option>
              {groups.map((each) => (
                <option key={each.id} value={each.id}>
                  {groupLabel(each.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="col-md-8">
            <label htmlFor="new-user-reason" className="form-label">
              {t('users.reason')}
            </label>
            <input
              id="new-user-reason"
              className="form-control"
              required
              value={draft.reason}
              onChange={(event) => setDraft((value) => ({ ...value, reason: event.target.value }))}
            />
          </div>
          <div className="col-md-4">
            <button type="submit" className="btn btn-primary">
              {t('users.create')}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="users-review" className="mb-4">
        <h2 id="users-review" className="h4">
          {t('users.review')}
        </h2>
        <div className="row g-3 align-items-end">
          <div className="col-md-3">
            <label htmlFor="users-unused-days" className="form-label">
              {t('users.unusedDays')}
            </label>
            <input
              id="users-unused-days"
              type="number"
              min={1}
              max={3650}
              className="form-control"
              value={unusedDays}
              onChange={(event) => setUnusedDays(Math.max(1, Number(event.target.value) || 1))}
            />
          </div>
          <div className="col-md-9">
            <a
              className="btn btn-outline-primary"
              href={`/api/users/access-review.csv?unusedDays=${unusedDays}`}
              download
            >
              {t('users.exportReview')}
            </a>
          </div>
        </div>
        <p role="status" className="mt-2">
          {t('users.unusedCount', { count: unused.size, days: unusedDays })}
        </p>
      </section>

      <section aria-labelledby="users-register">
        <h2 id="users-register" className="h4">
          {t('users.register')}
        </h2>
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('users.register')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.columns.at')}</th>
                <th scope="col">{t('users.columns.actor')}</th>
                <th scope="col">{t('users.columns.user')}</th>
                <th scope="col">{t('users.columns.action')}</th>
                <th scope="col">{t('users.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {register.map((entry) => (
                <tr key={entry.id}>
                  <td>{calendarDateTime(user.zone, entry.at, i18n.language)}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.userId}</td>
                  <td>
                    {t(`users.actions.${entry.action}`)}
                    {entry.groupId && ` — ${groupLabel(entry.groupId)}`}
                  </td>
                  <td>{entry.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}
