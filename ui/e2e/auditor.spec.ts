import { readFileSync } from 'node:fs';
import { account, expect, shot, signIn, test } from './fixtures';

test('auditor filters decisions, opens one, exports CSV and verifies the audit chain', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'AUDITOR');
  // The first page an auditor may open is the overview.
  await expect(page).toHaveURL(/\/overview$/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Overview', 'Decisions', 'Thresholds', 'Reason catalog', 'Reviews', 'Agent look-up', 'Audit log']);
  await nav.getByRole('link', { name: 'Decisions' }).click();
  await expect(page).toHaveURL(/\/decisions$/);

  // Filter: declined decisions in Sweden.
  await page.getByLabel('Market').selectOption('SE');
  await page.getByLabel('Outcome').selectOption('DECLINED');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/decisions\?market=SE&outcome=DECLINED$/);
  const rows = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i).locator('td').nth(2)).toHaveText('SE');
    await expect(rows.nth(i).locator('td').nth(5)).toHaveText('Declined');
  }
  // Sorting by time flips the order and keeps the filter.
  const newestFirst = await rows.first().locator('td').first().textContent();
  await page.getByLabel('Order').selectOption('OLDEST_FIRST');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/order=OLDEST_FIRST/);
  await expect(page.getByRole('columnheader', { name: /Time \(UTC\)/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first().locator('td').first()).not.toHaveText(newestFirst ?? '');
  const oldest = await rows.first().locator('td').first().textContent();
  expect((oldest ?? '') < (newestFirst ?? '')).toBe(true);
  await page.getByLabel('Order').selectOption('NEWEST_FIRST');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/decisions\?market=SE&outcome=DECLINED$/);
  await shot(page, 'decisions');

  // Open one: the factor chart highlights the failed rules; reasons and the pop-up are shown.
  const reference = (await rows.first().locator('td').nth(1).textContent()) ?? '';
  await rows.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Decision ${reference}`);
  await expect(page.locator('.factor-chart g[data-result="fail"]').first()).toBeVisible();
  expect(await page.locator('.factor-chart g[data-rule]').count()).toBe(15);
  await expect(page.getByRole('heading', { name: 'Principal reasons' })).toBeVisible();
  await expect(page.getByLabel('The pop-up the shopper saw')).toBeVisible();
  await expect(page.getByRole('link', { name: /SE version \d+/ })).toHaveAttribute('href', /^\/thresholds\/versions\/\d+$/);
  await page.getByText('Values and cut-offs').click();
  await expect(page.getByRole('table', { name: 'Factor values and cut-offs' }).locator('tr.failed').first()).toBeVisible();
  await shot(page, 'decision-detail');

  // A deep link to the same decision works on a fresh load (the server's SPA fallback).
  const detailURL = page.url();
  await page.goto(detailURL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Decision ${reference}`);

  // Export the filtered decisions as CSV.
  await page.goBack();
  await expect(page).toHaveURL(/\/decisions\?market=SE&outcome=DECLINED$/);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^decisions-\d{8}T\d{6}Z\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trimEnd().split('\n');
  const header = lines[0].split(',');
  const market = header.indexOf('market');
  const outcome = header.indexOf('outcome');
  expect(market).toBeGreaterThanOrEqual(0);
  expect(outcome).toBeGreaterThanOrEqual(0);
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    expect(cells[market]).toBe('SE');
    expect(cells[outcome]).toBe('DECLINED');
  }
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(new RegExp(`: ${(lines.length - 1).toLocaleString('en-US')} rows?,`));
  expect(csv).toContain(reference);

  // The audit log has the export, and the chain verifies.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Action').fill('decisions.export');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/audit\?action=decisions.export$/);
  const events = page.getByRole('table', { name: 'Audit events' }).locator('tbody tr');
  await expect(events.first()).toContainText(account('AUDITOR').username);
  await page.getByRole('button', { name: 'Verify the audit chain' }).click();
  await expect(page.locator('.chain-result')).toContainText('Chain intact');
  await expect(page.locator('.chain-result')).toContainText(/events checked/);
  await shot(page, 'audit-log');
});
