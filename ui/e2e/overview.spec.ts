// The overview's pictures as ways down into the decisions: a point of the decline-rate chart, an
// anomaly and a reason open the explorer filtered to them; dragging across the chart zooms and
// the URL follows; the chart's readout writes times as the rest of the console; and no count is
// shown before its data is there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { measures } from '../src/lib/measures.gen';
import { api, expect, shot, signIn, test } from './fixtures';

const manifest: Record<string, string> = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/gql/persisted-documents.json'), 'utf8'),
);

/** hashOf is the persisted document hash the UI sends for operation. */
function hashOf(operation: string): string {
  const hash = Object.keys(manifest).find((h) => new RegExp(`\\bquery ${operation}\\b`).test(manifest[h]));
  if (!hash) throw new Error(`no persisted document ${operation}`);
  return hash.replace(/^sha256:/, '');
}

const ratesChart = (page: Page) => page.getByRole('group', { name: /^Decline rate in percent per/ });

/** plotArea is the chart's plot (uPlot's overlay, which takes the mouse) once it is drawn. */
async function plotArea(page: Page): Promise<{ over: Locator; box: { x: number; y: number; width: number; height: number } }> {
  const over = ratesChart(page).locator('.u-over');
  await expect(over).toBeVisible({ timeout: 20_000 });
  const box = await over.boundingBox();
  if (!box) throw new Error('the chart has no plot area');
  return { over, box };
}

/** readout is the time the chart's legend shows for the point under the cursor. */
const readout = (page: Page) => ratesChart(page).locator('.u-legend .u-series').first().locator('.u-value');

/** clickHoveredPoint clicks the centre of the point uPlot rings under the cursor (its cursor point). */
async function clickHoveredPoint(page: Page) {
  const pt = await ratesChart(page).locator('.u-cursor-pt').first().boundingBox();
  if (!pt) throw new Error('no point under the cursor');
  await page.mouse.click(pt.x + pt.width / 2, pt.y + pt.height / 2);
}

/** decisionRows are the explorer's result rows, once there. */
async function decisionRows(page: Page): Promise<Locator> {
  const rows = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 20_000 });
  return rows;
}

/** expectRows checks every listed decision: its time in [from, to), market, outcome and (when given) a reason. */
async function expectRows(rows: Locator, want: { from: string; to: string; market?: string; reason?: string }) {
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const cells = rows.nth(i).locator('td');
    const at = Date.parse(((await cells.nth(0).textContent()) ?? '').replace(' UTC', 'Z').replace(' ', 'T'));
    expect(at).toBeGreaterThanOrEqual(Date.parse(want.from));
    expect(at).toBeLessThan(Date.parse(want.to));
    if (want.market) await expect(cells.nth(2)).toHaveText(want.market);
    await expect(cells.nth(5)).toHaveText('Declined');
    if (want.reason) await expect(cells.nth(6)).toContainText(want.reason);
  }
}

test('a point of the decline-rate chart opens its declined decisions; dragging zooms, the URL follows, reset goes back', async ({ page }) => {
  await page.goto('/overview?market=DE');
  await signIn(page, 'ANALYST');
  const { box } = await plotArea(page);
  const summary = page.locator('section', { has: page.getByRole('heading', { name: 'Decline rate by market' }) }).locator('p.muted').first();
  const before = await summary.textContent();
  await expect(page.getByText('Click a point to list its declined decisions; drag across the chart to zoom in.')).toBeVisible();

  // Hover a day with declines: the readout names the day; click its point: the explorer lists
  // that day's DE declines.
  const y = box.y + box.height / 2;
  const de = ratesChart(page).locator('.u-legend .u-series').nth(1).locator('.u-value');
  let found = false;
  let fx = 0.6;
  for (; fx > 0.05 && !found; fx -= 0.02) {
    await page.mouse.move(box.x + box.width * fx, y);
    await expect(readout(page)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
    found = Number(await de.textContent()) > 0;
  }
  expect(found).toBe(true);
  const dayShown = (await readout(page).textContent())!;
  fx += 0.02;
  await shot(page, 'overview-chart-hover');
  await page.mouse.move(box.x + box.width * fx, y);
  await expect(readout(page)).toHaveText(dayShown);
  await clickHoveredPoint(page);
  await expect(page).toHaveURL(/\/decisions\?/);
  const q = new URL(page.url()).searchParams;
  expect(Object.fromEntries(q)).toEqual({ from: `${dayShown}T00:00:00Z`, to: expect.stringMatching(/T00:00:00Z$/), market: 'DE', outcome: 'DECLINED' });
  expect(Date.parse(q.get('to')!) - Date.parse(q.get('from')!)).toBe(24 * 3600_000);
  await expectRows(await decisionRows(page), { from: q.get('from')!, to: q.get('to')!, market: 'DE' });
  await shot(page, 'overview-chart-point-decisions');

  // Back on the overview, drag across the chart's middle: the range shown and the URL follow.
  await page.goBack();
  await expect(page).toHaveURL(/\/overview\?market=DE$/);
  const again = await plotArea(page);
  await page.mouse.move(again.box.x + again.box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(again.box.x + again.box.width * 0.45, y, { steps: 5 });
  await page.mouse.move(again.box.x + again.box.width * 0.6, y, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[?&]from=.*&to=/);
  const zoomed = new URL(page.url()).searchParams;
  expect(zoomed.get('market')).toBe('DE');
  expect(zoomed.get('unzoom')).toBe('~');
  const from = zoomed.get('from')!;
  const to = zoomed.get('to')!;
  const days = (Date.parse(to) - Date.parse(from)) / (24 * 3600_000);
  // A drag over 30 % of 90 days: whole days, about 27 of them.
  expect(Number.isInteger(days)).toBe(true);
  expect(days).toBeGreaterThan(20);
  expect(days).toBeLessThan(35);
  const fromText = `${from.slice(0, 10)} ${from.slice(11, 19)} UTC`;
  const toText = `${to.slice(0, 10)} ${to.slice(11, 19)} UTC`;
  await expect(summary).toContainText(`${fromText} to ${toText}`);
  await plotArea(page);
  await shot(page, 'overview-chart-zoomed');

  // The zoom survives a reload; the points now open the zoomed range's days.
  await page.reload();
  await expect(summary).toContainText(`${fromText} to ${toText}`);
  const z = await plotArea(page);
  await page.mouse.move(z.box.x + 2, y);
  await expect(readout(page)).toHaveText(from.slice(0, 10));

  // Reset zoom returns to the range before the zoom; Back returns to the zoom.
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(page).toHaveURL(/\/overview\?market=DE$/);
  await expect(summary).toHaveText(before!);
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toHaveCount(0);
  await page.goBack();
  await expect(summary).toContainText(`${fromText} to ${toText}`);
});

test('the chart readout is 24-hour UTC to the minute for hourly buckets', async ({ page }) => {
  const to = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000);
  const from = new Date(to.getTime() - 7 * 24 * 3600_000);
  const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');
  await page.goto(`/overview?from=${iso(from)}&to=${iso(to)}&bucket=HOUR&market=SE`);
  await signIn(page, 'ANALYST');
  const { box } = await plotArea(page);
  // Across the chart, every readout is "YYYY-MM-DD HH:mm UTC" (a week of hours includes
  // afternoons, which a 12-hour clock writes with pm). The small demo's SE hours are sparse: the
  // chart is scanned finely for one with a value.
  const seen: string[] = [];
  const seValue = ratesChart(page).locator('.u-legend .u-series').nth(1).locator('.u-value');
  let withValue: number | null = null;
  for (let f = 0.01; f < 1; f += 0.01) {
    await page.mouse.move(box.x + box.width * f, box.y + box.height / 2);
    await expect(readout(page)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    seen.push((await readout(page).textContent())!);
    if (withValue === null && (await seValue.textContent()) !== '–') withValue = f;
  }
  expect(seen.join(' ')).not.toMatch(/am|pm/i);
  expect(seen.some((t) => / (1[3-9]|2\d):\d{2} UTC$/.test(t))).toBe(true);
  expect(new Set(seen).size).toBeGreaterThan(10);
  await shot(page, 'overview-chart-hourly-readout');

  // Clicking an hourly point (the first hovered with an SE value) opens that hour's SE declines.
  expect(withValue).not.toBeNull();
  const x = box.x + box.width * withValue!;
  await page.mouse.move(x, box.y + box.height / 2);
  const hourShown = (await readout(page).textContent())!;
  await clickHoveredPoint(page);
  await expect(page).toHaveURL(/\/decisions\?/);
  const q = new URL(page.url()).searchParams;
  expect(Date.parse(q.get('to')!) - Date.parse(q.get('from')!)).toBe(3600_000);
  expect(q.get('market')).toBe('SE');
  expect(q.get('outcome')).toBe('DECLINED');
  expect(`${q.get('from')!.slice(0, 10)} ${q.get('from')!.slice(11, 16)} UTC`).toBe(hourShown);
  const rows = page.getByRole('table', { name: 'Decisions' }).locator('tbody tr');
  await expect(rows.first().or(page.getByText(/No decision/i).first())).toBeVisible({ timeout: 20_000 });
  if ((await rows.count()) > 0) await expectRows(rows, { from: q.get('from')!, to: q.get('to')!, market: 'SE' });
});

/** Measured values that pass every default rule but the bureau score, which fails the credit score rule. */
const lowScore = { ...Object.fromEntries(measures.map((m) => [m.field, m.passing])), bureauScore: 320 };

test('an anomaly row and a reason row open the explorer filtered to them, by mouse and by keyboard', async ({ page, baseURL }) => {
  // Checkout declines a burst of GB purchases: today's GB bucket becomes an anomaly (a low bar
  // for the small demo). The rollups follow within seconds, so the page is reloaded until then.
  await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      api(baseURL!, 'SERVICE', `mutation($in: PurchaseInput!, $k: String!) { assessPurchase(input: $in, idempotencyKey: $k) { outcome } }`, {
        k: `e2e-overview-${Date.now()}-${i}`,
        in: {
          market: 'GB',
          currency: 'GBP',
          amount: 240,
          merchant: { id: 'm_e2e_overview', name: 'E2E Outdoor', category: 'sports' },
          shopperId: `s_e2e_overview_${i}`,
          locale: 'en-GB',
          channel: 'WEB',
          values: lowScore,
        },
      }),
    ),
  );
  await page.goto('/overview?market=GB&z=2&minVolume=3');
  await signIn(page, 'ANALYST');
  const anomalies = page.getByRole('table', { name: 'Anomalies' }).locator('tbody tr');
  await expect(async () => {
    await page.reload();
    await expect(anomalies.first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 40_000 });
  const first = anomalies.first();
  const market = ((await first.locator('td').nth(1).textContent()) ?? '').trim();
  const what = ((await first.locator('td').nth(2).textContent()) ?? '').trim();
  const bucket = ((await first.locator('td').nth(0).textContent()) ?? '').trim();
  // The row's first cell is a link: reachable from the keyboard.
  const link = first.getByRole('link', { name: bucket });
  await link.focus();
  await expect(link).toBeFocused();
  await shot(page, 'overview-anomaly-focused');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/decisions\?/);
  const q = new URL(page.url()).searchParams;
  expect(q.get('market')).toBe(market);
  expect(q.get('outcome')).toBe('DECLINED');
  expect(`${q.get('from')!.slice(0, 10)} ${q.get('from')!.slice(11, 19)} UTC`).toBe(bucket);
  expect(Date.parse(q.get('to')!) - Date.parse(q.get('from')!)).toBe(24 * 3600_000);
  if (what !== 'decline rate') expect(q.get('reason')).not.toBeNull();
  await expectRows(await decisionRows(page), { from: q.get('from')!, to: q.get('to')!, market, reason: what === 'decline rate' ? undefined : what });
  await shot(page, 'overview-anomaly-decisions');

  // A reason row, clicked outside its link: the explorer lists that reason's declines in the range.
  await page.goBack();
  const reasons = page.getByRole('table', { name: 'Declines by principal reason' }).locator('tbody tr');
  await expect(reasons.first()).toBeVisible({ timeout: 30_000 });
  const reasonName = ((await reasons.first().getByRole('link').textContent()) ?? '').trim();
  await reasons.first().locator('td').nth(1).click();
  await expect(page).toHaveURL(/\/decisions\?/);
  const rq = new URL(page.url()).searchParams;
  expect(rq.get('reason')).toMatch(/^[A-Z_]+$/);
  expect(rq.get('from')).toMatch(/Z$/);
  expect(rq.get('to')).toMatch(/Z$/);
  expect(rq.get('market')).toBe('GB');
  await expectRows(await decisionRows(page), { from: rq.get('from')!, to: rq.get('to')!, reason: reasonName });
  await shot(page, 'overview-reason-decisions');
});

test('the overview shows no anomaly count until the anomalies are scored', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'ANALYST');
  // Hold the anomalies' answer until the page has been looked at.
  const anomaliesHash = hashOf('OverviewAnomalies');
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/graphql', async (route) => {
    if (route.request().postData()?.includes(anomaliesHash)) await held;
    await route.continue();
  });
  await page.goto('/overview');
  await plotArea(page);
  await expect(page.getByText('anomalous buckets still being scored')).toBeVisible();
  await expect(page.getByText(/\b0 anomalous buckets?\b/)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Scoring anomalies…' })).toBeVisible();
  await shot(page, 'overview-anomalies-loading');
  release();
  await expect(page.getByText(/\d+ anomalous buckets? \(red rings\)/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('anomalous buckets still being scored')).toHaveCount(0);
});
