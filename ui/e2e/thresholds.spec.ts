import type { Page } from '@playwright/test';
import { measures } from '../src/lib/measures.gen';
import { api, apiAs, expect, shot, signInAs, signOut, test } from './fixtures';

/**
 * A purchase's measured values that pass every default rule (README, "assessPurchase"); a value
 * not named here takes its declared passing value (measures.gen.ts).
 */
const sampleValues = {
  ...Object.fromEntries(measures.map((m) => [m.field, m.passing])),
  bureauScore: 720,
  monthlyIncome: 30000,
  incomeVerified: 1,
  employmentMonths: 14,
  recentPlans30d: 1,
  debtToIncome: 0.3,
  monthsAtAddress: 20,
  addressVerified: 1,
  identityVerified: 1,
  ageYears: 34,
  creditHistoryMonths: 40,
  delinquencies24m: 0,
  affordabilityRatio: 3,
  liquidSavings: 5000,
  outstandingCredit: 3000,
};

const proposed = (page: Page) => page.locator('[data-figure="proposed"] .value');
const flipsDown = (page: Page) => page.locator('[data-figure="a2d"] .value');

/**
 * settledFigure waits until the proposed decline rate differs from previous and no what-if is
 * pending any more, and returns it.
 */
async function settledFigure(page: Page, previous: string): Promise<string> {
  await expect(proposed(page)).toHaveText(/%$/);
  if (previous) await expect(proposed(page)).not.toHaveText(previous);
  await expect(page.locator('section.whatif')).toHaveAttribute('aria-busy', 'false');
  return (await proposed(page).textContent()) ?? '';
}

test('analyst tunes a draft with the live what-if and submits; another user approves and activates; the overview marks it', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await page.goto('/thresholds?market=SE');
  await signInAs(page, 'analyst.anna');
  await expect(page.getByRole('heading', { name: 'In force in SE' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Published versions' }).locator('tbody tr').first()).toBeVisible();
  await shot(page, 'thresholds');

  // A new draft opens in the editor, with the what-if of the unchanged rules: no flips.
  await page.getByRole('button', { name: 'New draft for SE' }).click();
  await expect(page).toHaveURL(/\/thresholds\/drafts\/\d+$/);
  const draftURL = page.url();
  const draftId = draftURL.split('/').pop()!;
  await expect(page.locator('[data-figure="now"] .value')).toHaveText(/%$/);
  await expect(flipsDown(page)).toHaveText('0');
  const before = (await proposed(page).textContent()) ?? '';
  const original = await page.getByLabel('Bureau score cut-off', { exact: true }).inputValue();
  const slider = page.getByLabel('Bureau score cut-off slider');
  await expect(slider).toBeEnabled();

  // Keyboard first: the slider is reachable and moves with the arrow keys.
  await slider.focus();
  for (let i = 0; i < 5; i++) await slider.press('PageUp');
  // Then a big move: the what-if follows without a click anywhere.
  await slider.fill('850');
  await expect(proposed(page)).not.toHaveText(before);
  await expect(flipsDown(page)).not.toHaveText('0');
  await expect(page.getByRole('heading', { name: /What-if/ })).not.toContainText('updating');
  const cutoff = await page.getByLabel('Bureau score cut-off', { exact: true }).inputValue();
  expect(Number(cutoff)).toBeGreaterThan(Number(original));
  await expect(page.locator('fieldset[data-rule="BUREAU_SCORE"]')).toHaveClass(/changed/);
  // The curve under the slider is drawn for the moved rule.
  await expect(page.locator('fieldset[data-rule="BUREAU_SCORE"] svg.sens polyline')).toHaveAttribute('points', /\d/);

  // The exact number input: a bad value is refused at the field, a good one moves the slider.
  const exact = page.getByLabel('Bureau score cut-off', { exact: true });
  await exact.fill('6o0');
  await expect(page.locator('fieldset[data-rule="BUREAU_SCORE"] .field-error')).toHaveText('must be a number');
  await expect(exact).toHaveAttribute('aria-invalid', 'true');
  const at850 = await settledFigure(page, before);
  await exact.fill('640');
  await expect(page.locator('fieldset[data-rule="BUREAU_SCORE"] .field-error')).toHaveCount(0);
  await settledFigure(page, at850);

  // A flipped decision from the what-if opens on the decision page.
  await page.getByText(/^Would be declined \(were approved\)/).click();
  const flipped = page.getByRole('table', { name: 'Would be declined (were approved)' }).getByRole('link').first();
  const flippedHref = await flipped.getAttribute('href');
  expect(flippedHref).toMatch(/^\/decisions\/[0-9a-f-]+$/);
  await shot(page, 'threshold-editor');

  // Meanwhile another analyst edits the draft (in their own session): saving now is a conflict.
  type DraftRules = { thresholdDraft: { revision: number; rules: { measuredValue: string; comparator: string; cutoff: number; enabled: boolean }[] } };
  const current = await apiAs<DraftRules>(baseURL!, 'analyst.bruno', 'ThresholdDraft', { id: draftId });
  const rules = current.thresholdDraft.rules.map(({ measuredValue, comparator, cutoff, enabled }) => ({
    measuredValue,
    comparator,
    cutoff: measuredValue === 'MONTHLY_INCOME' ? cutoff + 1 : cutoff,
    enabled,
  }));
  await apiAs(baseURL!, 'analyst.bruno', 'EditThresholdDraft', { id: draftId, revision: current.thresholdDraft.revision, rules });
  await page.getByRole('button', { name: 'Save draft' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Conflict' });
  await expect(conflict).toContainText('this draft changed since you opened it');
  await expect(conflict.locator('.request-id')).toHaveText(/^[0-9a-f]{16}$/);

  // Reload the latest revision, make the change again, save and submit with a rationale.
  await conflict.getByRole('button', { name: 'Reload the draft' }).click();
  await expect(page.getByLabel('Bureau score cut-off', { exact: true })).toHaveValue(original);
  const reloaded = await settledFigure(page, '');
  await page.getByLabel('Bureau score cut-off', { exact: true }).fill('640');
  const at640 = await settledFigure(page, reloaded);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as revision' })).toBeVisible();
  await page.getByLabel('Rationale for the approver').fill('Tighten the score floor in SE after the rise in defaults.');
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByRole('heading', { name: 'Impact simulated at submission' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Stored impact' })).toContainText(at640);
  await expect(page.getByRole('table', { name: 'Changed rules' })).toContainText('Bureau score');
  // The analyst cannot review.
  await expect(page.getByRole('button', { name: 'Approve and publish' })).toHaveCount(0);

  // The flipped decision link lands on the decision page.
  await page.goto(flippedHref!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Decision /);

  // An approver who is another user approves, then activates the published version.
  await signOut(page);
  await page.goto('/thresholds?market=SE');
  await signInAs(page, 'approver.ali');
  const pending = page.getByRole('table', { name: 'Submissions awaiting approval' });
  await expect(pending).toContainText('analyst.anna');
  await expect(pending).toContainText(at640);
  await pending.getByRole('link', { name: `Review draft ${draftId}` }).click();
  await expect(page.getByRole('table', { name: 'Changed rules' })).toContainText('≥ 640');
  await shot(page, 'threshold-review');
  await page.getByLabel('Comment (required to reject)').fill('Agreed.');
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve and publish' }).click();
  await page.getByRole('link', { name: 'Open the published version' }).click();
  await expect(page).toHaveURL(/\/thresholds\/versions\/\d+$/);
  const versionTitle = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const version = /version (\d+)$/.exec(versionTitle)?.[1];
  expect(version).toBeTruthy();
  await expect(page.locator('.badge').first()).toHaveText('Approved');
  await page.getByRole('button', { name: 'Activate now' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Activate now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Activated at' })).toBeVisible();
  await expect(page.locator('.badge').first()).toHaveText('Active');
  await expect(page.getByRole('heading', { name: /^Activation of / })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Realized against predicted/ })).toContainText(at640);
  await shot(page, 'threshold-version');

  // The overview marks the activation: hovering the marker tells what, when and who.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page).toHaveURL(/\/overview$/);
  const marker = page.getByRole('button', { name: new RegExp(`^SE version ${version} activated .* by approver\\.ali$`) });
  await expect(marker).toBeVisible();
  await marker.hover();
  const tip = page.getByRole('tooltip').filter({ hasText: `SE thresholds version ${version}` });
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('by approver.ali');
  await expect(tip).toContainText('written by analyst.anna');
  await expect(page.getByRole('table', { name: 'Threshold activations' })).toContainText(`version ${version}`);
  await expect(page.getByRole('table', { name: 'Declines by principal reason' }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByText(/^Source: hourly rollups/).first()).toBeVisible();
  await shot(page, 'overview');

  // Anomalies: checkout declines a burst of SE purchases today (low bureau scores); today's SE
  // bucket departs from the same weekday of the weeks before, is listed with its main reason and
  // ringed on the chart. The rollups follow within seconds, so the page is reloaded until then.
  await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      api(baseURL!, 'SERVICE', `mutation($in: PurchaseInput!, $k: String!) { assessPurchase(input: $in, idempotencyKey: $k) { outcome } }`, {
        k: `e2e-anomaly-${Date.now()}-${i}`,
        in: {
          market: 'SE',
          currency: 'SEK',
          amount: 899,
          merchant: { id: 'm_e2e', name: 'E2E Elektronik', category: 'electronics' },
          shopperId: `s_e2e_${i}`,
          locale: 'sv-SE',
          channel: 'WEB',
          values: { ...sampleValues, bureauScore: 320 },
        },
      }),
    ),
  );
  await page.getByLabel('Anomaly score at least (σ)').fill('2');
  await page.getByLabel('Anomaly minimum decisions').fill('3');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/z=2&minVolume=3/);
  const anomalies = page.getByRole('table', { name: 'Anomalies' }).locator('tbody tr').filter({ hasText: 'SE' });
  await expect(async () => {
    await page.reload();
    await expect(anomalies.filter({ hasText: 'Credit score insufficient' }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText(/[1-9]\d* anomalous buckets? \(red rings\)/)).toBeVisible();
  await shot(page, 'overview-anomalies');

  // The bucket picker: hourly buckets over the last week.
  const weekAgo = new Date(Date.now() - 7 * 24 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  await page.getByLabel('From (UTC)').fill(weekAgo);
  await page.getByRole('combobox', { name: /^Bucket/ }).selectOption('HOUR');
  await page.getByRole('combobox', { name: /^Market/ }).selectOption('SE');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/bucket=HOUR/);
  await expect(page.getByText(/hour buckets in UTC/)).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^SE version ${version} activated`) })).toBeVisible();
});

test('the author of a submission sees no approve button, even as an approver', async ({ page }) => {
  await page.goto('/thresholds?market=GB');
  await signInAs(page, 'approver.bea');
  await page.getByRole('button', { name: 'New draft for GB' }).click();
  await expect(page).toHaveURL(/\/thresholds\/drafts\/\d+$/);
  // The editor stays usable at 125 % zoom of a 1280×800 laptop (a 1024×640 CSS viewport).
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect(page.locator('[data-figure="proposed"] .value')).toHaveText(/%$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.getByLabel('Age years cut-off', { exact: true }).fill('21');
  await page.getByLabel('Rationale for the approver').fill('Raise the minimum age in GB.');
  await page.getByRole('button', { name: 'Save and submit for approval' }).click();
  await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
  await expect(page.getByText('You submitted this draft, so another approver must review it')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve and publish' })).toHaveCount(0);
});
