// Issue 13: repayment outcomes where an analyst decides. The demo seeds outcome events for every
// approved decision over a history long enough for outcomes to mature. The journeys use US, the
// market with the most decisions, so that the reject inference has enough mature outcomes (at
// least 200, 20 of them bad) with the small demo of global-setup.
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, expect, shot, signIn, signInAs, test } from './fixtures';

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../e2e-artifacts');

/** part saves a screenshot of one element as e2e-artifacts/<name>.png, to read its figures at full size. */
async function part(l: Locator, name: string): Promise<void> {
  await l.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .value`);
const proposedPoint = (page: Page) => page.locator('.frontier [data-point="proposed"]');

/** percent reads "12.34 %" as 12.34. */
function percent(text: string | null): number {
  const m = /(-?[\d.]+) %/.exec(text ?? '');
  if (!m) throw new Error(`not a rate: ${text}`);
  return Number(m[1]);
}

/** money reads "12,345 EUR" as 12345. */
function money(text: string | null): number {
  const m = /^(-?[\d,]+) [A-Z]{3}$/.exec(text ?? '');
  if (!m) throw new Error(`not an amount: ${text}`);
  return Number(m[1].replace(/,/g, ''));
}

/** settled waits until no what-if is pending and reads the proposed figures and the frontier's proposed point. */
async function settled(page: Page) {
  await expect(page.locator('section.whatif')).toHaveAttribute('aria-busy', 'false');
  await expect(figure(page, 'approval-proposed')).toHaveText(/%$/);
  return {
    approval: (await figure(page, 'approval-proposed').textContent()) ?? '',
    bad: (await figure(page, 'bad-proposed').textContent()) ?? '',
    loss: (await figure(page, 'loss-proposed').textContent()) ?? '',
    point: (await proposedPoint(page).textContent()) ?? '',
  };
}

test('analyst moves a cut-off and sees approvals, bad rate, loss and the frontier point change; submits; the approver sees the predicted loss', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/thresholds?market=US');
  await signInAs(page, 'analyst.anna');
  // The bad definition in force is stated where thresholds are managed.
  await expect(page.locator('[data-figure="bad-definition"]')).toContainText(/within \d+ months/);

  await page.getByRole('button', { name: 'New draft for US' }).click();
  await expect(page).toHaveURL(/\/thresholds\/drafts\/\d+$/);
  const draftId = page.url().split('/').pop()!;

  // Unchanged rules: proposed equals now, and the frontier's two points coincide.
  await expect(figure(page, 'approval-now')).toHaveText(/%$/);
  const approvalNow = percent(await figure(page, 'approval-now').textContent());
  await expect(figure(page, 'bad-now')).toHaveText(/%$/);
  const badNow = percent(await figure(page, 'bad-now').textContent());
  await expect(figure(page, 'loss-now')).toHaveText(/ USD$/);
  const lossNow = money(await figure(page, 'loss-now').textContent());
  expect(lossNow).toBeGreaterThan(0);
  await expect(page.locator('[data-figure="immature"]')).toContainText('still immature');
  const slider = page.getByLabel('Bureau score cut-off slider');
  await expect(slider).toBeEnabled();
  const exact = page.getByLabel('Bureau score cut-off', { exact: true });
  const original = Number(await exact.inputValue());
  await expect(proposedPoint(page)).toContainText('Proposed: cut-off');
  const before = await settled(page);
  expect(percent(before.approval)).toBeCloseTo(approvalNow, 2);
  await expect(page.locator('.frontier figure canvas').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Trade-off under / })).toBeVisible();

  // The slider moves the cut-off up: the figures and the frontier's proposed point follow it.
  await slider.focus();
  for (let i = 0; i < 3; i++) await slider.press('PageUp');
  await expect(figure(page, 'approval-proposed')).not.toHaveText(before.approval);
  await expect(page.getByRole('heading', { name: 'Trade-off under Bureau score' })).toBeVisible();
  await expect(proposedPoint(page)).not.toHaveText(before.point);
  const slid = await settled(page);
  expect(Number(await exact.inputValue())).toBeGreaterThan(original);
  expect(percent(slid.approval)).toBeLessThan(approvalNow);

  // A tighter score cut-off, typed: fewer approvals, a lower bad rate, less loss.
  await exact.fill(String(original + 40));
  await expect(proposedPoint(page)).toContainText(`cut-off ${original + 40},`);
  const tight = await settled(page);
  expect(percent(tight.approval)).toBeLessThan(approvalNow);
  expect(percent(tight.bad)).toBeLessThan(badNow);
  expect(money(tight.loss)).toBeLessThan(lossNow);
  // The frontier's proposed point is the what-if's proposal.
  expect(Number(/approval ([\d.]+) %/.exec(tight.point)?.[1])).toBeCloseTo(percent(tight.approval), 0);
  // The swap-set: the approvals the tighter rule declines, with their observed bad rate and loss avoided.
  const swap = page.getByRole('table', { name: 'Swap-set: now against proposed' });
  await expect(swap.locator('td[data-cell="swapOut"]')).toContainText(/[1-9][\d,]* decisions/);
  await expect(swap.locator('td[data-cell="swapOut"] [data-value="bad"]')).toHaveText(/%$/);
  await expect(swap.locator('td[data-cell="keptDeclined"]')).toContainText(/inferred|not inferable/);
  await shot(page, 'outcomes-editor-tight');
  await part(page.locator('section.whatif'), 'outcomes-whatif-tight');
  await part(page.locator('section', { has: page.getByRole('heading', { name: /^Trade-off under / }) }), 'outcomes-frontier-tight');

  // Back the other way, looser than today: more approvals, and the swap-ins are inferred.
  await exact.fill(String(Math.max(300, original - 60)));
  await expect(figure(page, 'approval-proposed')).not.toHaveText(tight.approval);
  const loose = await settled(page);
  expect(percent(loose.approval)).toBeGreaterThan(approvalNow);
  await expect(proposedPoint(page)).not.toHaveText(tight.point);
  const swapIn = swap.locator('td[data-cell="swapIn"]');
  await expect(swapIn).toContainText(/[1-9][\d,]* decisions/);
  const inferable = (await page.locator('[data-figure="inference-unavailable"]').count()) === 0;
  if (inferable) await expect(swapIn).toContainText('inferred');
  else await expect(swapIn).toContainText('not inferable');
  await shot(page, 'outcomes-editor-loose');
  await part(swap, 'outcomes-swapset-loose');
  await part(page.locator('section', { has: page.getByRole('heading', { name: /^Trade-off under / }) }), 'outcomes-frontier-loose');

  // Submit the tight proposal; the stored prediction is the editor's.
  await exact.fill(String(original + 40));
  await expect(figure(page, 'loss-proposed')).toHaveText(tight.loss);
  await expect(figure(page, 'approval-proposed')).toHaveText(tight.approval);
  await settled(page);
  await page.getByLabel('Rationale for the approver').fill('Lower losses in US: a higher score floor.');
  await page.getByRole('button', { name: 'Save and submit for approval' }).click();
  await expect(page.getByRole('heading', { name: 'Impact simulated at submission' })).toBeVisible();
  const predicted = page.getByRole('group', { name: 'Predicted outcomes' });
  await expect(predicted.locator('[data-figure="predicted-loss"] .value')).toHaveText(tight.loss);

  // The approver sees the predicted bad rate and loss, in the list and on the review.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/thresholds?market=US');
  await signInAs(page, 'approver.ali');
  const pending = page.getByRole('table', { name: 'Submissions awaiting approval' });
  await expect(pending.locator('tr', { hasText: `Review draft ${draftId}` })).toContainText(tight.loss);
  await pending.getByRole('link', { name: `Review draft ${draftId}` }).click();
  const review = page.getByRole('group', { name: 'Predicted outcomes' });
  await expect(review.locator('[data-figure="predicted-loss"] .value')).toHaveText(tight.loss);
  await expect(review.locator('[data-figure="predicted-bad"] .value')).toHaveText(tight.bad);
  await expect(review).toContainText(/Bad: ever .* within \d+ months/);
  await shot(page, 'outcomes-review');
  await part(review, 'outcomes-review-predicted');
  // Leave US as it was for the other journeys.
  await page.getByLabel('Comment (required to reject)').fill('Not now: the e2e journey only looks.');
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('heading', { name: 'Rejected' })).toBeVisible();
});

test('the decision page shows the repayment timeline of an approved decision', async ({ page, baseURL }) => {
  // An approved decision old enough to be mature, so it has a history.
  const old = new Date(Date.now() - 300 * 86_400_000).toISOString();
  const found = await api<{ decisions: { nodes: { id: string; reference: string; repayment: { events: { status: string }[] } | null }[] } }>(
    baseURL!,
    'AUDITOR',
    `query($to: Time!) { decisions(first: 20, filter: { outcome: APPROVED, to: $to }) { nodes { id reference repayment { events { status } } } } }`,
    { to: old },
  );
  const d = found.decisions.nodes.filter((n) => (n.repayment?.events.length ?? 0) >= 2).sort((a, b) => b.repayment!.events.length - a.repayment!.events.length)[0];
  expect(d, 'an old approved decision with repayment events').toBeTruthy();

  await page.goto(`/decisions/${d.id}`);
  await signIn(page, 'ANALYST');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Decision ${d.reference}`);
  await expect(page.getByRole('heading', { name: 'Repayment' })).toBeVisible();
  const events = page.getByRole('table', { name: 'Repayment events' });
  await expect(events.locator('tbody tr')).toHaveCount(d.repayment!.events.length);
  await expect(events.locator('tbody tr').first()).toContainText(/ EUR| GBP| SEK| USD/);
  await expect(page.locator('[data-class]')).toHaveText(/^(Good|Bad)$/);
  await expect(page.getByText(/^mature since /)).toBeVisible();
  await expect(page.locator('svg.timeline circle')).toHaveCount(d.repayment!.events.length);
  await page.getByRole('heading', { name: 'Repayment' }).scrollIntoViewIfNeeded();
  await shot(page, 'outcomes-repayment');
  await part(page.locator('section', { has: page.getByRole('heading', { name: 'Repayment' }) }), 'outcomes-repayment-panel');

  // A declined decision has no repayment section.
  const declined = await api<{ decisions: { nodes: { id: string }[] } }>(baseURL!, 'AUDITOR', `query { decisions(first: 1, filter: { outcome: DECLINED }) { nodes { id } } }`);
  await page.goto(`/decisions/${declined.decisions.nodes[0].id}`);
  await expect(page.getByRole('heading', { name: 'Principal reasons' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Repayment' })).toHaveCount(0);
});

test('the overview shows vintage curves per market with the activations', async ({ page }) => {
  await page.goto('/overview');
  await signIn(page, 'AUDITOR');
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Vintage curves' }) });
  await expect(section.getByRole('group', { name: /^Vintage curves of DE: bad rate/ })).toBeVisible();
  await expect(section.locator('canvas').first()).toBeVisible();
  await expect(section).toContainText(/Bad: ever .* within \d+ months/);
  await section.getByText('Vintages and activations').click();
  const rows = section.getByRole('table', { name: 'Vintages' }).locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(6);
  await expect(rows.first()).toContainText(/^\d{4}-\d{2}/);
  await shot(page, 'outcomes-vintages');
  await part(section, 'outcomes-vintages-panel');

  // Another market, on calendar months with the activations as markers.
  await section.getByLabel('Vintages of market').selectOption('SE');
  await expect(section.getByRole('group', { name: /^Vintage curves of SE/ })).toBeVisible();
  await section.getByLabel('Horizontal axis').selectOption('calendar');
  await expect(section.getByRole('group', { name: /^Vintage curves of SE: bad rate in percent by calendar month/ })).toBeVisible();
  const activations = await section.getByRole('table', { name: 'Activations against vintages' }).locator('tbody tr').count();
  await expect(section.locator('button.marker')).toHaveCount(activations);
  await section.getByLabel('Measure').selectOption('lossRate');
  await expect(section.getByRole('group', { name: /^Vintage curves of SE: loss rate/ })).toBeVisible();
  await shot(page, 'outcomes-vintages-calendar');
});

test('an agent sees nothing of outcomes', async ({ page, baseURL }) => {
  // Through the API: a decision's repayment is refused to an agent's token.
  const res = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${JSON.parse(process.env.E2E_TOKENS ?? '[]').find((t: { role: string }) => t.role === 'AGENT').secret}` },
    body: JSON.stringify({ query: `query { vintages(market: "DE") { market } }` }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  await page.goto('/overview');
  await signIn(page, 'AGENT');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not available to your roles');
  await page.goto('/thresholds?market=DE');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not available to your roles');
  await expect(page.locator('main')).not.toContainText(/Vintage|Bad definition|Repayment/);
});

test('an analyst changes the bad definition through maker-checker; an approver approves it', async ({ page }) => {
  await page.goto('/thresholds?market=GB');
  await signInAs(page, 'analyst.anna');
  const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Bad definition in GB' }) });
  const inForce = panel.locator('[data-figure="bad-definition"]');
  await expect(inForce).toContainText('within 6 months');
  await expect(inForce).toContainText('version 1');
  await panel.getByRole('button', { name: 'Start a bad-definition draft' }).click();
  await panel.getByLabel('Bad when ever').selectOption('LATE_90_PLUS');
  const months = panel.getByLabel(/^Within \(months/);
  await months.fill('30');
  await expect(panel.locator('.field-error')).toHaveText('must be between 1 and 24');
  await months.fill('12');
  await expect(panel).toContainText('ever 90+ days late or worse within 12 months');
  await panel.getByLabel('Rationale for the approver').fill('Align GB with the group policy: 90+ within a year.');
  await panel.getByRole('button', { name: 'Submit the definition for approval' }).click();
  const submitted = panel.getByRole('group', { name: /^Submitted bad definition / });
  await expect(submitted).toContainText('LATE_90_PLUS');
  await expect(submitted).toContainText('An approver reviews it.');
  await part(panel, 'outcomes-bad-definition-submitted');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/thresholds?market=GB');
  await signInAs(page, 'approver.ali');
  await expect(submitted).toContainText('Align GB with the group policy');
  await submitted.getByRole('button', { name: 'Approve the definition' }).click();
  await expect(inForce).toContainText('version 2');
  await expect(inForce).toContainText(/LATE_90_PLUS or worse within 12 months/);
  await expect(submitted).toHaveCount(0);
  await part(panel, 'outcomes-bad-definition-approved');
});
