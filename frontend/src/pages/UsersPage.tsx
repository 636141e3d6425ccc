import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api';
import { calendarDateTime } from '../calendar';
import { answer, client } from '../client';
import { Layout } from '../components/Layout';
import { TableSection } from '../components/TableSection';
import { useOutcome } from '../components/useOutcome';
import type { components } from '../openapi';

type Schemas = components['schemas'];
type UserView = Schemas['UserView'];
type Group = Schemas['DirectoryGroup'];
type RegisterEntry = Schemas['RegisterEntry'];
type AccessReview = Schemas['AccessReview'];

const NEW_USER = { id: '', firstName: '', lastName: '', email: '', password: '', group: '', reason: '' };

/** A labelled select of a directory group, none first. */
function GroupSelect({
  id,
  groups,
  value,
  onChange,
}: {
  id: string;
  groups: Group[];
  value: string;
  onChange: (group: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id} className="form-label">
        {t('users.group')}
      </label>
      <select id={id} className="form-select" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">—</option>
        {groups.map((each) => (
          <option key={each.id} value={each.id}>
            {each.name || each.id}
          </option>
        ))}
      </select>
    </>
  );
}

/** A button acting on the managed user. */
function UserAction({
  label,
  variant,
  disabled,
  onClick,
}: {
  label: string;
  variant: 'primary' | 'outline-primary' | 'outline-danger';
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className={`btn btn-${variant}`} disabled={disabled} onClick={onClick}>
      {label}
    </button>
  );
}

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
  const [reload, setReload] = useState(0);
  const { run, fail, messages } = useOutcome();
  const manageHeading = useRef<HTMLHeadingElement>(null);
  const newHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let stale = false;
    Promise.all([
      answer(client.GET('/api/users')),
      answer(client.GET('/api/users/groups')),
      answer(client.GET('/api/users/register', { params: { query: { limit: 100 } } })),
      answer(client.GET('/api/users/access-review', { params: { query: { unusedDays } } })),
    ]).then(
      ([loadedUsers, loadedGroups, loadedRegister, loadedReview]) => {
        if (stale) return;
        setUsers(loadedUsers);
        setGroups(loadedGroups);
        setRegister(loadedRegister);
        setReview(loadedReview);
      },
      (failure: unknown) => !stale && fail(failure),
    );
    return () => {
      stale = true;
    };
  }, [fail, reload, unusedDays]);

  /**
   * Runs an action; once done, the lists again and the focus on the heading of where the user acted
   * (the button pressed may be gone: disable becomes enable), the outcome announced by its region.
   */
  const act = (
    call: Parameters<typeof answer>[0],
    success: string,
    focus: React.RefObject<HTMLHeadingElement>,
    after?: () => void,
  ) =>
    run(answer(call), success, () => {
      setReason('');
      setPassword('');
      after?.();
      setReload((value) => value + 1);
      focus.current?.focus();
    });
  const path = (id: string) => ({ params: { path: { id } } });
  /** The handler of a button acting on the managed user: the call made at the click. */
  const manage = (call: () => Parameters<typeof answer>[0], success: string) => () =>
    void act(call(), success, manageHeading);

  const current = users.find((each) => each.id === selected);
  const unused = new Set(review?.users.filter((line) => line.unused).map((line) => line.userId));
  const when = (at?: string | null) => (at ? calendarDateTime(user.zone, at, i18n.language) : t('users.never'));
  const groupLabel = (id: string) => groups.find((each) => each.id === id)?.name || id;

  return (
    <Layout user={user} wide>
      <h1 className="h2">{t('users.title')}</h1>
      <p>{t('users.intro')}</p>
      {messages}

      <TableSection
        id="users-list"
        title={t('users.list')}
        columns={[
          t('users.columns.user'),
          t('users.columns.groups'),
          t('users.columns.lastLogin'),
          t('users.columns.state'),
          <span className="visually-hidden">{t('users.manage')}</span>,
        ]}
      >
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
      </TableSection>

      {current && (
        <section aria-labelledby="users-manage" className="border rounded p-3 mb-4">
          <h2 id="users-manage" className="h4" tabIndex={-1} ref={manageHeading}>
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
              <GroupSelect id="users-group" groups={groups} value={group} onChange={setGroup} />
            </div>
            <div className="col-md-8 d-flex gap-2">
              <UserAction
                label={t('users.grant')}
                variant="primary"
                disabled={!group || current.groups.includes(group)}
                onClick={manage(
                  () => client.POST('/api/users/{id}/grants', { ...path(current.id), body: { group, reason } }),
                  t('users.granted'),
                )}
              />
              <UserAction
                label={t('users.revoke')}
                variant="outline-danger"
                disabled={!group || !current.groups.includes(group)}
                onClick={manage(
                  () => client.POST('/api/users/{id}/revocations', { ...path(current.id), body: { group, reason } }),
                  t('users.revoked'),
                )}
              />
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
              <UserAction
                label={t('users.resetPassword')}
                variant="outline-primary"
                disabled={!password}
                onClick={manage(
                  () => client.POST('/api/users/{id}/password', { ...path(current.id), body: { password, reason } }),
                  t('users.passwordSet'),
                )}
              />
              {current.disabled ? (
                <UserAction
                  label={t('users.enable')}
                  variant="outline-primary"
                  onClick={manage(
                    () => client.POST('/api/users/{id}/enable', { ...path(current.id), body: { reason } }),
                    t('users.enabledDone'),
                  )}
                />
              ) : (
                <UserAction
                  label={t('users.disable')}
                  variant="outline-danger"
                  onClick={manage(
                    () => client.POST('/api/users/{id}/disable', { ...path(current.id), body: { reason } }),
                    t('users.disabledDone'),
                  )}
                />
              )}
            </div>
          </div>
          <p className="small mb-0">{t('users.policy')}</p>
        </section>
      )}

      <section aria-labelledby="users-new" className="mb-4">
        <h2 id="users-new" className="h4" tabIndex={-1} ref={newHeading}>
          {t('users.newUser')}
        </h2>
        <form
          className="row g-3 align-items-end"
          onSubmit={(event) => {
            event.preventDefault();
            const { group: chosen, ...fields } = draft;
            void act(
              client.POST('/api/users', { body: { ...fields, groups: chosen ? [chosen] : [] } }),
              t('users.created', { user: draft.id }),
              newHeading,
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
            <GroupSelect
              id="new-user-group"
              groups={groups}
              value={draft.group}
              onChange={(chosen) => setDraft((value) => ({ ...value, group: chosen }))}
            />
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

      <TableSection
        id="users-register"
        title={t('users.register')}
        columns={[
          t('users.columns.at'),
          t('users.columns.actor'),
          t('users.columns.user'),
          t('users.columns.action'),
          t('users.reason'),
        ]}
      >
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
      </TableSection>
    </Layout>
  );
}
