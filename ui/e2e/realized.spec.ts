import { api, expect, shot, signIn, test } from './fixtures';

// Realized against predicted on a threshold version (issue 16, item 8): each window says how
// long it is and how many decisions it holds, before and realized are the same length, and the
// rates are charted on one labelled figure.
test('a version page sets realized beside a before window of the same length, charted', async ({ page, baseURL }) => {
  const data = await api<{ thresholdVersions: { nodes: { status: string; version: { id: string; createdAt: string } }[] } }>(
    baseURL!,
    'AUDITOR',
    `{ thresholdVersions(market: "DE", first: 20) { nodes { status version { id createdAt } } } }`,
  );
  // The demo's latest superseded DE version (the list is newest first), published long before this
  // run: decisions before and after its activation, and no prediction (the demo seeds versions
  // without drafts). Versions other journeys publish and supersede (approvals.spec) are an hour
  // old at most.
  const seeded = (n: { version: { createdAt: string } }) => Date.parse(n.version.createdAt) < Date.now() - 3_600_000;
  const superseded = data.thresholdVersions.nodes.find((n) => n.status === 'SUPERSEDED' && seeded(n));
  expect(superseded).toBeTruthy();
  await page.goto(`/thresholds/versions/${superseded!.version.id}`);
  await signIn(page, 'AUDITOR');
  await expect(page.getByRole('heading', { name: /^Activation of / }).first()).toBeVisible();

  const table = page.getByRole('table', { name: /^Realized against predicted, activation \d+$/ }).first();
  const before = table.getByRole('row', { name: /^Before the activation/ });
  const realized = table.getByRole('row', { name: /^Realized under this version/ });
  // Columns: window, from, to, length, decisions, rate.
  const length = (row: typeof before) => row.getByRole('cell').nth(3);
  await expect(length(before)).toHaveText(/^\d[\d,.]* (days?|hours?)$/);
  const days = (await length(realized).textContent()) ?? '';
  await expect(length(before)).toHaveText(days);
  // Before ends where realized starts: at the activation's hour.
  const realizedFrom = (await realized.getByRole('cell').nth(1).textContent()) ?? '';
  await expect(before.getByRole('cell').nth(2)).toHaveText(realizedFrom);
  await expect(before.getByRole('cell').nth(4)).toHaveText(/^\d{1,3}(,\d{3})*$/);
  await expect(table.getByRole('row', { name: /^Predicted at submission/ })).toContainText('No prediction');
  await expect(page.getByTestId('windows-note').first()).toContainText(`same ${days} on either side of the activation`);

  const figure = page.getByRole('figure', { name: /^Decline rate, activation \d+: before, predicted and realized$/ }).first();
  await expect(figure.getByRole('listitem')).toHaveCount(2);
  await expect(figure.getByRole('listitem').first()).toContainText(`Before: the ${days} before the activation`);
  await expect(figure.getByRole('listitem').first()).toContainText(/\d+\.\d\d %$/);
  await expect(figure.locator('rect.ratebar')).toHaveCount(2);
  await shot(page, 'realized-against-predicted');
});
