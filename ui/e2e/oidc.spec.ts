import { expect, shot, test } from './fixtures';
import { providerPassword } from './oidc-provider';

// Sign-in through the company's identity provider: the button on the sign-in page, the
// provider's own login page, and back in the console, on the page the person asked for, with the
// role the person's groups give.
test('signs in through the identity provider with the role of its groups', async ({ page }) => {
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/signin\?next=%2Faudit$/);
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  // The provider's login page, on its own origin.
  await expect(page.getByRole('heading', { name: 'Test IdP' })).toBeVisible();
  await page.getByLabel('Username').fill('aude');
  await page.getByLabel('Password').fill(providerPassword);
  await shot(page, 'oidc-provider-login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  // In the header: the audit log under it names her too (her account's creation and sign-in).
  await expect(page.locator('.who')).toContainText('Aude Auditor');
  await expect(page.locator('.roles')).toHaveText('(AUDITOR)');
  await expect(page.getByRole('link', { name: 'Audit log' })).toBeVisible();
  await shot(page, 'oidc-signed-in');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
});

test('a person whose groups give no role is refused with a clear message', async ({ page }) => {
  await page.goto('/signin?next=%2Fdecisions');
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  await page.getByLabel('Username').fill('nobody');
  await page.getByLabel('Password').fill(providerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/signin\?next=%2Fdecisions&signin_error=no_role$/);
  await expect(page.getByRole('alert')).toContainText('none of your groups there gives a role in riskconsole');
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  // The way back in is offered under the message, and still returns to the page asked for.
  await expect(page.getByRole('link', { name: 'Sign in with Test IdP' })).toHaveAttribute('href', '/auth/oidc/start?next=%2Fdecisions');
  await shot(page, 'oidc-no-role');
});

test('an ADMIN signed in through the provider turns password sign-in off and on', async ({ page }) => {
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password').fill(providerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.roles')).toHaveText('(ADMIN)');
  await page.goto('/admin');
  // Ada's roles are her groups' at the provider: the console offers no change of them.
  const ada = page.locator('tr[data-username="ada@example.test"]');
  await expect(ada).toContainText('Roles from the identity provider’s groups');
  await expect(ada.getByRole('button', { name: /Change the roles/ })).toHaveCount(0);
  const section = page.getByRole('region', { name: 'Sign-in' });
  await expect(section).toContainText('Sign-in with a console password is on');
  await section.getByRole('button', { name: 'Turn passwords off' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Turn passwords off' }).click();
  await expect(section).toContainText('Sign-in with a console password is off');
  await shot(page, 'oidc-admin-passwords-off');
  // A second browser sees the sign-in page without the password form.
  const other = await page.context().browser()!.newContext();
  const signin = await other.newPage();
  await signin.goto(new URL('/signin', page.url()).toString());
  await expect(signin.getByRole('link', { name: 'Sign in with Test IdP' })).toBeVisible();
  await expect(signin.getByLabel('Password')).toHaveCount(0);
  await shot(signin, 'oidc-signin-passwords-off');
  await other.close();
  await section.getByRole('button', { name: 'Turn passwords on' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Turn passwords on' }).click();
  await expect(section).toContainText('Sign-in with a console password is on');
});
