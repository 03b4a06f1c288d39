import { expect, shot, signIn, test } from './fixtures';

test('admin creates a user and an API token, the secret shown once', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin$/);
  await signIn(page, 'ADMIN');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Admin', 'Retention']);

  // A user: created, given another role, disabled.
  const username = `e2e.user${Date.now() % 100000}`;
  const users = page.getByRole('table', { name: 'Users' });
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Display name').fill('End To End');
  await page.getByLabel('Initial password (at least 12 characters)').fill('a long passphrase 4 e2e tests');
  await page.getByRole('group', { name: 'Roles' }).first().getByLabel('ANALYST').check();
  await page.getByRole('button', { name: 'Create user' }).click();
  const row = users.locator(`tr[data-username="${username}"]`);
  await expect(row).toContainText('ANALYST');
  await row.getByRole('button', { name: `Change the roles of ${username}` }).click();
  await row.getByLabel('AUDITOR').check();
  await row.getByRole('button', { name: 'Save roles' }).click();
  await expect(row.locator('td').nth(2)).toHaveText('ANALYST, AUDITOR');
  await row.getByRole('button', { name: `Disable ${username}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable the account' }).click();
  await expect(row).toContainText('disabled');

  // A bad password is refused at the field, with the request id.
  await page.getByLabel('Username').fill(`${username}x`);
  await page.getByLabel('Display name').fill('Weak');
  await page.getByLabel('Initial password (at least 12 characters)').fill('passwordpassword');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('alert')).toContainText('request id');
  await expect(page.getByLabel('Initial password (at least 12 characters)').locator('..').locator('.field-error')).toContainText('commonly used password');

  // A token: its secret is shown once.
  await page.getByLabel('Name', { exact: true }).fill('e2e-checkout');
  await page.getByRole('group', { name: 'Roles' }).nth(1).getByLabel('SERVICE').check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByTestId('token-secret');
  await expect(secret).toHaveText(/^rc_[a-z2-7]{52}$/);
  const value = (await secret.textContent())!;
  const tokenRow = page.getByRole('table', { name: 'API tokens' }).locator('tr[data-token="e2e-checkout"]');
  await expect(tokenRow).toContainText('SERVICE');
  await shot(page, 'admin');
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await expect(secret).toHaveCount(0);
  await page.reload();
  await expect(tokenRow).toBeVisible();
  expect(await page.content()).not.toContain(value);
  await tokenRow.getByRole('button', { name: 'Revoke e2e-checkout' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke the token' }).click();
  await expect(tokenRow).toContainText('revoked');
});
