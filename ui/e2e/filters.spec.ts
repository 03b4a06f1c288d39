// The filters of Decisions and Overview (issue 16): every control shows the filter in the URL
// after an apply, a reload, back and forward; times are one 24-hour UTC text field each; markets
// come from the API; bad URL values are shown at their fields; an apply moves focus to the
// results.
import type { Page } from '@playwright/test';
import { expect, shot, signIn, test } from './fixtures';

const decisionForm = (page: Page) => page.getByRole('form', { name: 'Filter decisions' });
const overviewForm = (page: Page) => page.getByRole('form', { name: 'Range and buckets' });

test('the decision filters show what is applied, keep it on the next apply and follow back, forward and reload', async ({ page }) => {
  // A link to declined decisions of one reason: the rows are declined, and so say the controls
  // (they said "Any").
  await page.goto('/decisions?outcome=DECLINED&reason=CREDIT_SCORE_INSUFFICIENT');
  await signIn(page, 'ANALYST');
  const form = decisionForm(page);
  const market = form.getByRole('combobox', { name: 'Market' });
  const outcome = form.getByRole('combobox', { name: 'Outcome' });
  const reason = form.getByRole('combobox', { name: 'Reason' });
  await expect(page.getByRole('table', { name: 'Decisions' }).locator('tbody tr').first().locator('td').nth(5)).toHaveText('Declined');
  await expect(outcome).toHaveValue('DECLINED');
  await expect(reason).toHaveValue('CREDIT_SCORE_INSUFFICIENT');
  await form.getByRole('button', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/decisions$/);
  await expect(outcome).toHaveValue('');
  // The markets come from the API, with their names.
  await expect(market.locator('option')).toHaveText(['Any', 'US · United States', 'GB · United Kingdom', 'SE · Sweden', 'DE · Germany']);

  await market.selectOption('DE');
  await outcome.selectOption('DECLINED');
  await reason.selectOption('CREDIT_SCORE_INSUFFICIENT');
  await form.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/decisions\?market=DE&outcome=DECLINED&reason=CREDIT_SCORE_INSUFFICIENT$/);
  const rows = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator('td').nth(5)).toHaveText('Declined');
  // The controls show the filter the rows obey (they showed "Any").
  const showsApplied = async () => {
    await expect(market).toHaveValue('DE');
    await expect(outcome).toHaveValue('DECLINED');
    await expect(reason).toHaveValue('CREDIT_SCORE_INSUFFICIENT');
  };
  await showsApplied();
  // Focus is on the results' heading, which says how many; one Tab reaches the first result.
  const heading = page.getByRole('heading', { level: 2, name: /decisions? (found|on this page), newest first/ });
  await expect(heading).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(rows.first().getByRole('link')).toBeFocused();
  await shot(page, 'filters-decisions-applied');

  // Applying again, with Enter in another field, keeps every filter applied before.
  await form.getByLabel('Min amount').fill('10');
  await form.getByLabel('Min amount').press('Enter');
  await expect(page).toHaveURL(/\/decisions\?market=DE&outcome=DECLINED&reason=CREDIT_SCORE_INSUFFICIENT&minAmount=10$/);
  await showsApplied();
  await expect(form.getByLabel('Min amount')).toHaveValue('10');
  await expect(heading).toBeFocused();

  // The order is a filter like the others, shown in its control and kept by the next apply.
  await form.getByRole('combobox', { name: 'Order' }).selectOption('OLDEST_FIRST');
  await form.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/minAmount=10&order=OLDEST_FIRST$/);
  await expect(page.getByRole('columnheader', { name: /Time \(UTC\)/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('heading', { level: 2, name: /oldest first/ })).toBeFocused();

  // Reload: the same.
  await page.reload();
  await showsApplied();
  await expect(form.getByRole('combobox', { name: 'Order' })).toHaveValue('OLDEST_FIRST');
  // Back: the fields follow the URL, one step at a time.
  await page.goBack();
  await expect(page).toHaveURL(/minAmount=10$/);
  await expect(form.getByRole('combobox', { name: 'Order' })).toHaveValue('NEWEST_FIRST');
  await page.goBack();
  await expect(page).toHaveURL(/reason=CREDIT_SCORE_INSUFFICIENT$/);
  await expect(form.getByLabel('Min amount')).toHaveValue('');
  await showsApplied();
  await page.goBack();
  await expect(page).toHaveURL(/\/decisions$/);
  await expect(market).toHaveValue('');
  await expect(outcome).toHaveValue('');
  await expect(reason).toHaveValue('');
  await page.goForward();
  await showsApplied();

  // A pasted URL.
  await page.goto('/decisions?market=SE&outcome=APPROVED');
  await expect(market).toHaveValue('SE');
  await expect(outcome).toHaveValue('APPROVED');
  await expect(reason).toHaveValue('');
  await expect(rows.first().locator('td').nth(2)).toHaveText('SE');

  // Clear empties every field, edited or not.
  await form.getByLabel('Merchant id').fill('m-typed');
  await form.getByRole('button', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/decisions$/);
  await expect(market).toHaveValue('');
  await expect(outcome).toHaveValue('');
  await expect(form.getByLabel('Merchant id')).toHaveValue('');
});

test('the overview shows the bucket and market applied and keeps both on the next apply', async ({ page }) => {
  await page.goto('/overview');
  await signIn(page, 'ANALYST');
  const form = overviewForm(page);
  const bucket = form.getByRole('combobox', { name: /^Bucket/ });
  const market = form.getByRole('combobox', { name: 'Market' });

  await bucket.selectOption('WEEK');
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/bucket=WEEK/);
  await expect(page.getByText(/week buckets in UTC/)).toBeVisible();
  await expect(bucket).toHaveValue('WEEK');
  await expect(page.getByRole('heading', { name: 'Decline rate by market' })).toBeFocused();

  // Week, Show, pick DE, Show: the URL keeps the week.
  await market.selectOption('DE');
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/bucket=WEEK/);
  await expect(page).toHaveURL(/market=DE/);
  await expect(bucket).toHaveValue('WEEK');
  await expect(market).toHaveValue('DE');
  await expect(page.getByRole('table', { name: 'Decline rate per market over the range' }).locator('tbody tr')).toHaveText([/^DE/]);
  await shot(page, 'filters-overview-week-de');

  // Reload, back, forward and a pasted URL: the controls follow.
  await page.reload();
  await expect(bucket).toHaveValue('WEEK');
  await expect(market).toHaveValue('DE');
  await page.goBack();
  await expect(page).not.toHaveURL(/market=/);
  await expect(bucket).toHaveValue('WEEK');
  await expect(market).toHaveValue('');
  await page.goForward();
  await expect(market).toHaveValue('DE');
  await page.goto('/overview?bucket=HOUR&market=SE&from=2026-11-01T15%3A00%3A00Z&to=2026-11-03T00%3A00%3A00Z');
  await expect(bucket).toHaveValue('HOUR');
  await expect(market).toHaveValue('SE');
  await expect(form.getByLabel('From (UTC)')).toHaveValue('2026-11-01 15:00');
  await expect(form.getByLabel('To (UTC, exclusive)')).toHaveValue('2026-11-03 00:00');
});

test('times are one 24-hour UTC text field each, wide enough, with an error naming the field', async ({ page }) => {
  await page.goto('/decisions');
  await signIn(page, 'ANALYST');
  const form = decisionForm(page);
  const from = form.getByLabel('From (UTC)');
  const to = form.getByLabel('To (UTC, exclusive)');
  await expect(from).toHaveAttribute('type', 'text');
  await expect(from).toHaveAttribute('placeholder', 'YYYY-MM-DD HH:mm');

  // One tab stop per time field (a datetime-local took 7).
  await from.focus();
  await page.keyboard.press('Tab');
  await expect(to).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('combobox', { name: 'Market' })).toBeFocused();

  // 15:00 is written and read back as 15:00, not 3 AM.
  await from.fill('2026-09-05 15:00');
  await to.fill('2026-09-06 15:30');
  await to.press('Enter');
  await expect(page).toHaveURL(/\/decisions\?from=2026-09-05T15%3A00%3A00Z&to=2026-09-06T15%3A30%3A00Z$/);
  await expect(from).toHaveValue('2026-09-05 15:00');
  await expect(to).toHaveValue('2026-09-06 15:30');

  // Unreadable text is not applied: the field says why, naming itself, and keeps the focus.
  await from.fill('09/05/2026, 03:00 PM');
  await from.press('Enter');
  await expect(form.getByText('From (UTC): not a time; write YYYY-MM-DD HH:mm in UTC, e.g. 2026-11-20 15:00')).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(from).toBeFocused();
  await expect(page).toHaveURL(/from=2026-09-05T15%3A00%3A00Z/);
  await shot(page, 'filters-time-error');
  await from.fill('2026-09-05 16:00');
  await expect(form.getByText(/not a time/)).toHaveCount(0);

  // The whole time is in view at every width from 1024 px, with seconds too.
  for (const width of [1024, 1280, 1600]) {
    await page.setViewportSize({ width, height: 700 });
    for (const [name, path] of [
      ['decisions', '/decisions?from=2026-09-05T15%3A00%3A30Z&to=2026-09-06T15%3A30%3A00Z'],
      ['overview', '/overview?from=2026-09-05T15%3A00%3A30Z&to=2026-09-06T15%3A30%3A00Z'],
    ]) {
      await page.goto(path);
      const f = page.getByRole('form', { name: name === 'decisions' ? 'Filter decisions' : 'Range and buckets' });
      await expect(f.getByLabel('From (UTC)')).toHaveValue('2026-09-05 15:00:30');
      for (const label of ['From (UTC)', 'To (UTC, exclusive)']) {
        const fits = await f.getByLabel(label).evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth);
        expect(fits, `${label} on ${name} at ${width} px`).toBe(true);
      }
      if (width === 1024) await shot(page, `filters-times-${name}-1024`);
    }
  }
});

test('the audit log takes its times in the same field', async ({ page }) => {
  await page.goto('/audit');
  await signIn(page, 'AUDITOR');
  const form = page.getByRole('form', { name: 'Filter audit events' });
  await form.getByLabel('From (UTC)').fill('2020-01-01 00:00');
  await form.getByLabel('From (UTC)').press('Enter');
  await expect(page).toHaveURL(/\/audit\?from=2020-01-01T00%3A00%3A00Z$/);
  await expect(form.getByLabel('From (UTC)')).toHaveValue('2020-01-01 00:00');
  await expect(page.getByRole('table', { name: 'Audit events' }).locator('tbody tr').first()).toBeVisible();
});

test('bad URL values are shown at their fields on both pages', async ({ page }) => {
  await page.goto('/decisions?market=XX&outcome=MAYBE&from=yesterday&minAmount=ten');
  await signIn(page, 'ANALYST');
  const form = decisionForm(page);
  await expect(form.getByText('no market XX: pick one of US, GB, SE, DE')).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'Market' })).toHaveValue('XX');
  await expect(form.getByText(/must be one of APPROVED, DECLINED/)).toBeVisible();
  await expect(form.getByLabel('From (UTC)')).toHaveValue('yesterday');
  await expect(form.getByText('must be a UTC time such as 2026-11-01T00:00:00Z')).toBeVisible();
  await expect(form.getByText('must be a number')).toBeVisible();
  // What is not applied is not shown as applied: Outcome and Min amount show none.
  await expect(form.getByRole('combobox', { name: 'Outcome' })).toHaveValue('');
  await expect(form.getByLabel('Min amount')).toHaveValue('');
  await shot(page, 'filters-decisions-bad-url');
  // The unreadable time must be fixed before the form applies; then the URL holds what is shown.
  await form.getByRole('button', { name: 'Apply filters' }).click();
  await expect(form.getByText(/^From \(UTC\): not a time/)).toBeVisible();
  await expect(page).toHaveURL(/outcome=MAYBE/);
  await form.getByLabel('From (UTC)').fill('');
  await form.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/decisions\?market=XX$/);
  await expect(form.getByText(/must be one of/)).toHaveCount(0);

  await page.goto('/overview?bucket=MONTH&market=germany&from=soon&z=abc&minVolume=2.5');
  const o = overviewForm(page);
  await expect(o.getByText('MONTH is not a bucket (Day, Hour, Week); showing Day')).toBeVisible();
  await expect(o.getByRole('combobox', { name: /^Bucket/ })).toHaveValue('DAY');
  await expect(o.getByText('GERMANY is not a market code such as DE; showing all markets')).toBeVisible();
  await expect(o.getByLabel('From (UTC)')).toHaveValue('soon');
  await expect(o.getByText(/must be a UTC time such as 2026-11-01T00:00:00Z; showing the default/)).toBeVisible();
  await expect(o.getByText('must be a number above 0; showing 4')).toBeVisible();
  await expect(o.getByText('must be a whole number above 0; showing 20')).toBeVisible();
  // The page still shows the defaults it names.
  await expect(page.getByText(/day buckets in UTC/)).toBeVisible();
  await shot(page, 'filters-overview-bad-url');

  // A well-formed market the API does not know is named too.
  await page.goto('/overview?market=XX');
  await expect(o.getByText('no market XX: pick one of US, GB, SE, DE')).toBeVisible();
});
