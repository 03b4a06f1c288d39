import { useEffect, useState } from 'preact/hooks';
import { ErrorBox, FieldError, PageHeader, Progress, useQuery } from '../components/common';
import { useConfirm } from '../components/confirm';
import { graphql } from '../gql';
import { Role } from '../gql/graphql';
import { gql } from '../lib/api';
import { formatTime } from '../lib/format';
import { subjectName } from '../lib/subject';
import type { PageProps } from '../lib/pages';
import { identityProvider, setLocalSignIn, type IdentityProvider, type SessionUser } from '../lib/session';

const UsersQuery = graphql(`
  query AdminUsers($first: Int!) {
    users(first: $first) {
      nodes {
        id
        username
        displayName
        roles
        createdAt
        createdBy
        disabledAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const TokensQuery = graphql(`
  query AdminTokens($first: Int!) {
    apiTokens(first: $first) {
      nodes {
        id
        name
        roles
        createdAt
        createdBy
        expiresAt
        lastUsedAt
        revokedAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
    }
  }
`);

const SetUserRoles = graphql(`
  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {
    setUserRoles(id: $id, roles: $roles) {
      id
      roles
    }
  }
`);

const DisableUser = graphql(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      id
      disabledAt
    }
  }
`);

const EnableUser = graphql(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      id
      disabledAt
    }
  }
`);

const CreateApiToken = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token {
        id
        name
      }
      secret
    }
  }
`);

const RevokeApiToken = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

/** Lists show this many; the console has tens of accounts and tokens, not thousands. */
const listSize = 100;

/**
 * Staff accounts sign in to the console; SERVICE is for API tokens (checkout). A token carries
 * no role that authors, approves or grants changes (the server refuses ANALYST, APPROVER, ADMIN).
 */
const userRoles: Role[] = [Role.Analyst, Role.Approver, Role.Auditor, Role.Agent, Role.Admin];
const tokenRoles: Role[] = [Role.Service, Role.Auditor, Role.Agent];

/** checkedRoles reads the role checkboxes (named "role") of a form. */
function checkedRoles(form: HTMLFormElement): Role[] {
  return new FormData(form).getAll('role').map(String) as Role[];
}

/** useAction runs one mutation at a time, keeping its error to show. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function RoleChecks({ roles, checked, legend }: { roles: Role[]; checked: readonly Role[]; legend: string }) {
  return (
    <fieldset class="roles-edit">
      <legend>{legend}</legend>
      {roles.map((r) => (
        <label class="check" key={r}>
          <input type="checkbox" name="role" value={r} defaultChecked={checked.includes(r)} />
          {r}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * signsInExternally reports whether an account was made by a sign-in through the identity
 * provider (createdBy "oidc:<issuer>", accounts.createExternal): its roles are the provider's
 * groups at each sign-in, and the server refuses a change of them here.
 */
export function signsInExternally(u: { createdBy: string }): boolean {
  return u.createdBy.startsWith('oidc:');
}

function CreatedBy({ who }: { who: string }) {
  return who ? <div class="muted">by {who}</div> : null;
}

/** AdminPage manages staff accounts (create, roles, disable, enable) and API tokens (create, revoke). */
export function AdminPage({ user }: PageProps) {
  return (
    <>
      <PageHeader title="Administration" />
      <Users me={user} />
      <Tokens />
      <PasswordSignIn />
    </>
  );
}

/**
 * PasswordSignIn turns sign-in with a username and password on or off, where the server signs
 * staff in through an identity provider (internal/oidc: only an ADMIN signed in through it may turn
 * passwords off, and LOCAL_SIGN_IN=on or off in the server's configuration overrides it).
 */
function PasswordSignIn() {
  const [provider, setProvider] = useState<IdentityProvider | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const confirm = useConfirm();
  useEffect(() => {
    identityProvider().then(setProvider, setError);
  }, []);
  if (!provider) return error ? <ErrorBox error={error} title="Could not read the sign-in settings" /> : null;
  const change = async (on: boolean) => {
    const ok = await confirm.ask({
      title: on ? 'Turn sign-in with a password on?' : 'Turn sign-in with a password off?',
      body: on ? (
        <p>Staff can sign in with a console username and password again, beside {provider.name}.</p>
      ) : (
        <p>
          Staff sign in through {provider.name} only; console passwords, the break-glass accounts’ included, stop working at once. If {provider.name} fails,
          operators turn passwords back on with <code>LOCAL_SIGN_IN=on</code> and a restart.
        </p>
      ),
      confirm: on ? 'Turn passwords on' : 'Turn passwords off',
      danger: !on,
    });
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      await setLocalSignIn(on);
      setProvider({ ...provider, localSignIn: on });
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  return (
    <section aria-labelledby="signin-h">
      <h2 id="signin-h">Sign-in</h2>
      <p>
        Staff sign in through {provider.name}. Sign-in with a console password is <strong>{provider.localSignIn ? 'on' : 'off'}</strong>.
      </p>
      <button type="button" class={provider.localSignIn ? 'danger' : 'secondary'} disabled={busy} onClick={() => change(!provider.localSignIn)}>
        {provider.localSignIn ? 'Turn passwords off' : 'Turn passwords on'}
      </button>
      {error !== null && <ErrorBox error={error} title="Not done" />}
      {confirm.dialog}
    </section>
  );
}

function Users({ me }: { me: SessionUser }) {
  const res = useQuery(UsersQuery, { first: listSize }, 'users');
  const action = useAction();
  const confirm = useConfirm();
  const creating = useAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const create = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    creating.run(async () => {
      const out = await gql(CreateUser, {
        input: {
          username: String(data.get('username')),
          displayName: String(data.get('displayName')),
          password: String(data.get('password')),
          roles: checkedRoles(form),
        },
      });
      form.reset();
      setCreated(out.createUser.username);
      res.reload();
    });
  };
  const saveRoles = (id: string) => (e: Event) => {
    e.preventDefault();
    const roles = checkedRoles(e.currentTarget as HTMLFormElement);
    action.run(async () => {
      await gql(SetUserRoles, { id, roles });
      setEditing(null);
      res.reload();
    });
  };
  const enable = (id: string) =>
    action.run(async () => {
      await gql(EnableUser, { id });
      res.reload();
    });
  const disable = async (u: { id: string; username: string; displayName: string; roles: readonly Role[] }) => {
    const ok = await confirm.ask({
      title: `Disable ${u.username}?`,
      body: (
        <>
          <p>
            {u.displayName} (<code>{u.username}</code>, {u.roles.join(', ')}) is signed out of every session at once and cannot sign in until an administrator enables
            the account again. Their roles and their history stay as they are.
          </p>
          <p>API tokens they created keep working: revoke those under API tokens if they must stop too.</p>
        </>
      ),
      confirm: 'Disable the account',
      danger: true,
    });
    if (!ok) return;
    action.run(async () => {
      await gql(DisableUser, { id: u.id });
      res.reload();
    });
  };

  return (
    <section aria-labelledby="users-h">
      <h2 id="users-h">Users</h2>
      {res.error !== null && <ErrorBox error={res.error} title="Could not load users" />}
      {res.loading && <Progress label="Loading users…" />}
      {action.error !== null && <ErrorBox error={action.error} title="The change was refused" />}
      {res.data && (
        <div class="table-wrap">
          <table aria-label="Users">
            <thead>
              <tr>
                <th>Username</th>
                <th>Name</th>
                <th>Roles</th>
                <th>Created</th>
                <th>Status</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {res.data.users.nodes.map((u) => (
                <tr key={u.id} data-username={u.username}>
                  <td>
                    <code>{u.username}</code>
                  </td>
                  <td>{u.displayName}</td>
                  <td>
                    {editing === u.id ? (
                      <form onSubmit={saveRoles(u.id)} class="roles-edit" aria-label={`Roles of ${u.username}`}>
                        <RoleChecks roles={userRoles} checked={u.roles} legend={`Roles of ${u.username}`} />
                        <button type="submit" disabled={action.busy}>
                          Save roles
                        </button>
                        <button type="button" class="secondary" onClick={() => setEditing(null)}>
                          Cancel
                        </button>
                      </form>
                    ) : (
                      u.roles.join(', ')
                    )}
                  </td>
                  <td>
                    {formatTime(u.createdAt)} <CreatedBy who={u.createdBy} />
                  </td>
                  <td>{u.disabledAt ? <span class="badge broken">disabled {formatTime(u.disabledAt)}</span> : <span class="badge ok">active</span>}</td>
                  <td>
                    <div class="toolbar">
                      {signsInExternally(u) ? (
                        <span class="muted">Roles from the identity provider’s groups</span>
                      ) : (
                        editing !== u.id && (
                          <button type="button" class="secondary" onClick={() => setEditing(u.id)} aria-label={`Change the roles of ${u.username}`}>
                            Change roles
                          </button>
                        )
                      )}
                      {u.disabledAt ? (
                        <button type="button" class="secondary" disabled={action.busy} onClick={() => enable(u.id)} aria-label={`Enable ${u.username}`}>
                          Enable
                        </button>
                      ) : u.username === me.username ? (
                        // The server refuses it: nobody disables their own account (another ADMIN can).
                        <span class="muted">Your account: another administrator can disable it</span>
                      ) : (
                        <button type="button" class="danger" disabled={action.busy} onClick={() => disable(u)} aria-label={`Disable ${u.username}`}>
                          Disable
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {res.data.users.pageInfo.hasNextPage && <p class="muted">Showing the first {listSize} users.</p>}
        </div>
      )}
      {confirm.dialog}
      <form class="panel stack" onSubmit={create} aria-labelledby="new-user-h">
        <h3 id="new-user-h">New user</h3>
        <div class="filters">
          <label>
            Username
            <input name="username" required pattern="[a-z0-9._\-]{3,64}" title="3 to 64 lower-case letters, digits, dots, dashes, underscores" autocomplete="off" />
            <FieldError error={creating.error} field="input.username" />
          </label>
          <label>
            Display name
            <input name="displayName" required autocomplete="off" />
            <FieldError error={creating.error} field="input.displayName" />
          </label>
          <label>
            Initial password (at least 12 characters)
            <input name="password" type="password" required minLength={12} autocomplete="new-password" />
            <FieldError error={creating.error} field="input.password" />
          </label>
        </div>
        <RoleChecks roles={userRoles} checked={[]} legend="Roles" />
        <FieldError error={creating.error} field="input.roles" />
        <div>
          <button type="submit" disabled={creating.busy}>
            Create user
          </button>
        </div>
        {creating.error !== null && <ErrorBox error={creating.error} title="The user was not created" />}
        {created && (
          <p role="status" class="muted">
            Created {created}.
          </p>
        )}
      </form>
    </section>
  );
}

function Tokens() {
  const res = useQuery(TokensQuery, { first: listSize }, 'tokens');
  const action = useAction();
  const confirm = useConfirm();
  const creating = useAction();
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);

  const create = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const expires = String(data.get('expiresAt') ?? '');
    creating.run(async () => {
      const out = await gql(CreateApiToken, {
        input: { name: String(data.get('name')), roles: checkedRoles(form), expiresAt: expires ? `${expires}T00:00:00Z` : null },
      });
      form.reset();
      setSecret({ name: out.createApiToken.token.name, secret: out.createApiToken.secret });
      res.reload();
    });
  };
  const revoke = async (t: { id: string; name: string; roles: readonly Role[]; createdBy: string; lastUsedAt?: string | null }) => {
    const ok = await confirm.ask({
      title: `Revoke the API token “${t.name}”?`,
      body: (
        <>
          <p>
            Whatever uses “{t.name}” ({t.roles.join(', ')}{t.createdBy ? `, created by ${subjectName(t.createdBy)}` : ''}, last used {t.lastUsedAt ? formatTime(t.lastUsedAt) : 'never'}) is
            refused from now on: at once on this server, within 10 seconds on the others.
          </p>
          <p>A revoked token never works again: to restore access, create a new token and give its secret to the system that used this one.</p>
        </>
      ),
      confirm: 'Revoke the token',
      danger: true,
    });
    if (!ok) return;
    action.run(async () => {
      await gql(RevokeApiToken, { id: t.id });
      res.reload();
    });
  };

  return (
    <section aria-labelledby="tokens-h">
      <h2 id="tokens-h">API tokens</h2>
      {res.error !== null && <ErrorBox error={res.error} title="Could not load API tokens" />}
      {res.loading && <Progress label="Loading API tokens…" />}
      {action.error !== null && <ErrorBox error={action.error} title="The change was refused" />}
      {secret && (
        <div class="notice" role="status" aria-labelledby="secret-h">
          <h3 id="secret-h">Token “{secret.name}” created</h3>
          <p>Copy the secret now: it is shown only this once and cannot be shown again.</p>
          <p class="secret" data-testid="token-secret">
            {secret.secret}
          </p>
          <div class="toolbar">
            <button type="button" class="secondary" onClick={() => navigator.clipboard?.writeText(secret.secret)}>
              Copy
            </button>
            <button type="button" onClick={() => setSecret(null)}>
              I have copied it
            </button>
          </div>
        </div>
      )}
      {res.data && (
        <div class="table-wrap">
          <table aria-label="API tokens">
            <thead>
              <tr>
                <th>Name</th>
                <th>Roles</th>
                <th>Created</th>
                <th>Expires</th>
                <th>Last used</th>
                <th>Status</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {res.data.apiTokens.nodes.map((t) => (
                <tr key={t.id} data-token={t.name}>
                  <td>{t.name}</td>
                  <td>{t.roles.join(', ')}</td>
                  <td>
                    {formatTime(t.createdAt)} <CreatedBy who={t.createdBy} />
                  </td>
                  <td>{t.expiresAt ? formatTime(t.expiresAt) : 'never'}</td>
                  <td>{t.lastUsedAt ? formatTime(t.lastUsedAt) : 'never'}</td>
                  <td>{t.revokedAt ? <span class="badge broken">revoked {formatTime(t.revokedAt)}</span> : <span class="badge ok">active</span>}</td>
                  <td>
                    {!t.revokedAt && (
                      <button type="button" class="danger" disabled={action.busy} onClick={() => revoke(t)} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {res.data.apiTokens.pageInfo.hasNextPage && <p class="muted">Showing the newest {listSize} tokens.</p>}
        </div>
      )}
      {confirm.dialog}
      <form class="panel stack" onSubmit={create} aria-labelledby="new-token-h">
        <h3 id="new-token-h">New API token</h3>
        <div class="filters">
          <label>
            Name
            <input name="name" required autocomplete="off" />
            <FieldError error={creating.error} field="input.name" />
          </label>
          <label>
            Expires (optional, UTC date)
            <input name="expiresAt" type="date" />
            <FieldError error={creating.error} field="input.expiresAt" />
          </label>
        </div>
        <RoleChecks roles={tokenRoles} checked={[]} legend="Roles" />
        <FieldError error={creating.error} field="input.roles" />
        <div>
          <button type="submit" disabled={creating.busy}>
            Create token
          </button>
        </div>
        {creating.error !== null && <ErrorBox error={creating.error} title="The token was not created" />}
      </form>
    </section>
  );
}
