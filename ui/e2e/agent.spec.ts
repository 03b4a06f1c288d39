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

test('agent reads guidance as paragraphs and steps, the pop-up’s closing after its steps, and an unknown reference as a plain answer', async ({ page, baseURL }) => {
  const found = await api<{ decisions: { nodes: { reference: string; message: { steps: string[]; closing: string } }[] } }>(
    baseURL!,
    'AUDITOR',
    `query { decisions(first: 1, filter: { outcome: DECLINED, market: "GB" }) { nodes { reference message { steps closing } } } }`,
  );
  const { reference, message } = found.decisions.nodes[0];
  expect(message.closing).not.toBe('');

  await page.goto(`/agent?ref=${reference}`);
  await signIn(page, 'AGENT');
  const popup = page.getByLabel('The pop-up the shopper saw');
  // The numbered steps are the steps; the closing sentence follows them, unnumbered.
  // (The agent's copy names no bureau: steps that do read [redacted] there.)
  await expect(popup.locator('ol > li')).toHaveCount(message.steps.length);
  await expect(popup.locator('ol > li').last()).toHaveText(message.steps.at(-1)!.replace(/Experian|SCHUFA|\bUC\b/g, '[redacted]'));
  await expect(popup.locator('ol')).not.toContainText(message.closing);
  await expect(popup.locator('p.closing')).toHaveText(message.closing);

  // Guidance: what it means and what not to say are paragraphs of their own, the steps a numbered list.
  const guidance = page.locator('section[aria-labelledby="guide-h"] .panel').first();
  await expect(guidance.locator('p > strong').first()).toHaveText(/:$/);
  expect(await guidance.locator('> p').count()).toBeGreaterThanOrEqual(2);
  await expect(guidance.getByRole('list', { name: 'What the shopper can do, in order:' }).getByRole('listitem').first()).toBeVisible();
  await shot(page, 'agent-guidance');

  // A reference that does not exist is an answer to give the shopper, not a system error.
  await page.getByLabel('Decision reference').fill('AAA-AAA-AAA');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page).toHaveURL(/\/agent\?ref=AAA-AAA-AAA$/);
  await expect(page.getByRole('status').filter({ hasText: 'No decision with reference' })).toHaveText(
    /^No decision with reference AAA-AAA-AAA\. Check the reference with the shopper/,
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('NOT_FOUND');
  await expect(popup).toHaveCount(0);
  await shot(page, 'agent-not-found');
});
