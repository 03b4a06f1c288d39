import { expect, shot, signIn, test } from './fixtures';

test('sign-in errors show the request id; sign out returns to sign-in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
  await page.getByLabel('Username').fill('analyst.anna');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('invalid username or password');
  await expect(page.getByRole('alert').locator('.request-id')).toHaveText(/^[0-9a-f]{16}$/);
  await shot(page, 'signin');
  await signIn(page, 'ANALYST');
  await expect(page).toHaveURL(/\/overview$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto('/decisions');
  await expect(page).toHaveURL(/\/signin\?next=%2Fdecisions$/);
});

test('an ended session leads to sign-in and back to where the user was', async ({ page, context }) => {
  await page.goto('/decisions?market=GB');
  await signIn(page, 'ANALYST');
  await expect(page).toHaveURL(/\/decisions\?market=GB$/);
  await expect(page.getByRole('table', { name: 'Decisions' }).locator('tbody tr').first()).toBeVisible();
  // The session ends behind the page's back (as after the idle timeout).
  await context.clearCookies();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\/signin\?next=/);
  await expect(page.getByText('Your session has ended')).toBeVisible();
  await signIn(page, 'ANALYST');
  await expect(page).toHaveURL(/\/decisions\?market=GB&after=/);
  await expect(page.getByRole('table', { name: 'Decisions' }).locator('tbody tr').first()).toBeVisible();
});

test('cookie sessions run only the UI persisted documents', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'AUDITOR');
  const answer = await page.evaluate(async () => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    return res.json();
  });
  expect(answer.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  expect(answer.errors[0].extensions.requestId).toMatch(/^[0-9a-f]{16}$/);
});

test('pages stay usable at 125 % zoom on a 1280×800 laptop', async ({ page }) => {
  // 125 % zoom of 1280×800 leaves a 1024×640 CSS viewport.
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto('/');
  await signIn(page, 'AUDITOR');
  for (const path of ['/overview', '/decisions', '/thresholds?market=DE', '/thresholds/versions/1', '/catalog', '/reviews', '/audit', '/retention?market=DE', '/agent']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
  // Everything is reachable by keyboard: the skip link first, then the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').first()).toBeFocused();
  await shot(page, 'agent-lookup-zoom125');
});
