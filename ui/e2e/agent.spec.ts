import { api, expect, shot, signIn, test } from './fixtures';

test('agent looks up a decision by reference and sees the pop-up, no factor data', async ({ page, baseURL }) => {
  const found = await api<{ decisions: { nodes: { reference: string; message: { title: string } }[] } }>(
    baseURL!,
    'AUDITOR',
    `query { decisions(first: 1, filter: { outcome: DECLINED }) { nodes { reference message { title } } } }`,
  );
  const { reference, message } = found.decisions.nodes[0];

  await page.goto('/');
  await signIn(page, 'AGENT');
  await expect(page).toHaveURL(/\/agent$/);
  // An agent's navigation holds the look-up only.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Agent look-up']);
  await expect(page.getByText('Read-only')).toBeVisible();

  const answer = page.waitForResponse((r) => r.url().endsWith('/graphql'));
  // Agents read references out over the phone: lower case without dashes must work.
  await page.getByLabel('Decision reference').fill(reference.toLowerCase().replace(/-/g, ''));
  await page.getByRole('button', { name: 'Look up' }).click();
  const body = await (await answer).text();
  await expect(page.getByLabel('The pop-up the shopper saw')).toContainText(message.title);
  await expect(page.getByRole('heading', { name: 'Guidance for the call' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText(reference);
  // No factor data reaches the page or the browser.
  for (const word of ['breakdown', 'cutoff', 'shopperId', 'thresholdVersion', 'BUREAU_SCORE']) {
    expect(body).not.toContain(word);
  }
  await expect(page.locator('main')).not.toContainText(/Factor breakdown|Values and cut-offs|Principal reasons/);
  await expect(page.locator('.factor-chart')).toHaveCount(0);
  // Nothing on the page can change anything: one form, the look-up.
  await expect(page.locator('main form')).toHaveCount(1);
  await shot(page, 'agent-lookup');

  // A deep link to a page the agent may not open explains instead of failing.
  await page.goto('/decisions/1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not available to your roles');
  await expect(page.locator('main')).toContainText('ANALYST, APPROVER, AUDITOR');
  await shot(page, 'forbidden');
});
