import { readFileSync } from 'node:fs';
import { account, api, apiAs, expect, shot, signIn, test } from './fixtures';

test('auditor filters decisions, opens one, exports CSV and verifies the audit chain', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'AUDITOR');
  // The first page an auditor may open is the overview.
  await expect(page).toHaveURL(/\/overview$/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Overview', 'Decisions', 'Thresholds', 'Reason catalog', 'Reviews', 'Agent look-up', 'Audit log', 'Retention']);
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

test('auditor finds a person’s events by name, reads labelled actions, follows entity links and reads a threshold change old → new', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  // An analyst opens a GB draft and moves the bureau score cut-off by 7: two audit events.
  const draftId = (await apiAs<{ createThresholdDraft: { id: string } }>(baseURL!, 'analyst.bruno', 'CreateThresholdDraft', { market: 'GB' })).createThresholdDraft.id;
  type DraftRules = { thresholdDraft: { revision: number; rules: { measuredValue: string; comparator: string; cutoff: number; enabled: boolean }[] } };
  const current = await apiAs<DraftRules>(baseURL!, 'analyst.bruno', 'ThresholdDraft', { id: draftId });
  const old = current.thresholdDraft.rules.find((r) => r.measuredValue === 'BUREAU_SCORE')!.cutoff;
  const rules = current.thresholdDraft.rules.map(({ measuredValue, comparator, cutoff, enabled }) => ({
    measuredValue,
    comparator,
    cutoff: measuredValue === 'BUREAU_SCORE' ? cutoff + 7 : cutoff,
    enabled,
  }));
  await apiAs(baseURL!, 'analyst.bruno', 'EditThresholdDraft', { id: draftId, revision: current.thresholdDraft.revision, rules });

  await page.goto('/overview');
  await signIn(page, 'AUDITOR');
  // The audit log's code loads when it is opened; its heading still takes the focus.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeFocused();
  // The name alone finds the person's events.
  await page.getByLabel('Actor').fill('analyst.bruno');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/audit\?actor=analyst.bruno$/);
  await expect(page.getByLabel('Actor')).toHaveValue('analyst.bruno');
  const events = page.getByRole('table', { name: 'Audit events' }).locator('tbody tr');
  await expect(events.first()).toBeVisible();
  const n = await events.count();
  for (let i = 0; i < n; i++) await expect(events.nth(i).locator('td').nth(1)).toContainText(/^analyst\.bruno\s*user:\d+:analyst\.bruno/);

  // The edit: a readable action with its code, the draft named and linked, the cut-off old → new.
  const edit = events.filter({ hasText: 'Threshold draft edited' }).filter({ hasText: `threshold_draft ${draftId}` }).first();
  await expect(edit.locator('td').nth(2).locator('span[title="threshold.draft_edit"]')).toHaveText('Threshold draft edited');
  await expect(edit.locator('td').nth(2).locator('code')).toHaveText('threshold.draft_edit');
  const link = edit.getByRole('link', { name: `threshold draft ${draftId} (GB)` });
  await expect(link).toHaveAttribute('href', `/thresholds/drafts/${draftId}`);
  const changed = edit.getByRole('list', { name: 'Changed' });
  await expect(changed.getByRole('listitem').filter({ hasText: 'rules[BUREAU_SCORE].cutoff' })).toHaveText(`rules[BUREAU_SCORE].cutoff: ${old} → ${old + 7}`);
  await expect(changed.getByRole('listitem').filter({ hasText: 'revision' })).toHaveText(/^revision: \d+ → \d+$/);
  // Only the changed keys: the comparator of the same rule is not listed.
  await expect(changed.getByRole('listitem').filter({ hasText: 'rules[BUREAU_SCORE].comparator' })).toHaveCount(0);
  // The diff wraps inside its cell: nothing runs past the table's right edge.
  const cell = await edit.locator('td.change').boundingBox();
  const list = await changed.boundingBox();
  expect(list!.x + list!.width).toBeLessThanOrEqual(cell!.x + cell!.width + 1);
  await expect(edit.getByText('Full before / after JSON')).toBeVisible();
  await shot(page, 'audit-log-by-name');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/thresholds/drafts/${draftId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('GB');

  // A review case's event links the case.
  await page.goto('/audit?action=review.request');
  const request = page.getByRole('table', { name: 'Audit events' }).locator('tbody tr').first();
  await expect(request.locator('td').nth(2)).toContainText('Review requested');
  const caseLink = request.getByRole('link', { name: /^review case \d+ \([A-Z]{2}\)$/ });
  const caseId = /review case (\d+)/.exec((await caseLink.textContent()) ?? '')?.[1];
  await caseLink.click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${caseId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(caseId!);

  // An agent's look-up names the decision by its reference; the link opens the decision.
  const { decisions } = await api<{ decisions: { nodes: { reference: string }[] } }>(baseURL!, 'AUDITOR', '{ decisions(first: 1) { nodes { reference } } }');
  const reference = decisions.nodes[0].reference;
  await api(baseURL!, 'AGENT', 'query($r: String!) { agentDecision(reference: $r, locale: "en-US") { reference } }', { r: reference });
  await page.goto('/audit?action=decision.view_agent');
  const lookup = page.getByRole('table', { name: 'Audit events' }).locator('tbody tr').first();
  await expect(lookup.locator('td').nth(2)).toContainText('Decision looked up by an agent');
  await lookup.getByRole('link', { name: `decision ${reference.replace(/-/g, '')}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Decision ${reference}`);
  await expect(page).toHaveURL(/\/decisions\/[0-9a-f]{8}-[0-9a-f-]+$/);
});
