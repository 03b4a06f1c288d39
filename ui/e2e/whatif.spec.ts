import type { Locator, Page } from '@playwright/test';
import { apiAs, expect, shot, signInAs, signOut, test } from './fixtures';

// The threshold editor's sliders and the what-if beside them (issue 16, items 3 and 4), and the
// full what-if on the approver's review (item 7).

const proposed = (page: Page) => page.locator('[data-figure="proposed"] .value');

/** The centre x of a range input's knob: the knob (its width the slider's --knob) travels the track less its own width. */
async function knobX(slider: Locator): Promise<number> {
  const box = (await slider.boundingBox())!;
  const { value, max, knob } = await slider.evaluate((el: HTMLInputElement) => ({
    value: Number(el.value),
    max: Number(el.max),
    knob: parseFloat(getComputedStyle(el.parentElement!).getPropertyValue('--knob')),
  }));
  expect(knob).toBeGreaterThan(0);
  return box.x + knob / 2 + ((box.width - knob) * value) / max;
}

/** The centre x of the red cut-off line of a rule's curve. */
async function lineX(rule: Locator): Promise<number> {
  const box = (await rule.getByTestId('cutoff-line').boundingBox())!;
  return box.x + box.width / 2;
}

/** within asserts that the element's box lies inside the viewport. */
async function inView(page: Page, l: Locator): Promise<void> {
  const box = (await l.boundingBox())!;
  const vp = page.viewportSize()!;
  expect(box.y, 'top inside the viewport').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom inside the viewport').toBeLessThanOrEqual(vp.height);
  expect(box.x + box.width, 'right inside the viewport').toBeLessThanOrEqual(vp.width);
}

async function newDraft(page: Page, market: string): Promise<string> {
  await page.getByRole('button', { name: `New draft for ${market}` }).click();
  await expect(page).toHaveURL(/\/thresholds\/drafts\/\d+$/);
  await expect(proposed(page)).toHaveText(/%$/);
  return page.url().split('/').pop()!;
}

for (const [width, height] of [
  [1280, 800],
  [1024, 640],
]) {
  test(`at ${width}×${height} the sliders step by what fits, sit on their curve's cut-off line, and the what-if stays in view`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await page.goto('/thresholds?market=US');
    await signInAs(page, 'analyst.bruno');
    await newDraft(page, 'US');

    // The bar at the top and the page's heading are one line each.
    const bar = page.locator('header.topbar');
    expect((await bar.boundingBox())!.height).toBeLessThan(60);
    await inView(page, bar.getByRole('button', { name: 'Sign out' }));
    expect((await page.getByRole('heading', { level: 1 }).boundingBox())!.height).toBeLessThan(45);

    // Affordability: one arrow press is one step of 0.05, whatever the track's scale there.
    const afford = page.locator('fieldset[data-rule="AFFORDABILITY_RATIO"]');
    const slider = page.getByLabel('Affordability ratio cut-off slider');
    const exact = page.getByLabel('Affordability ratio cut-off', { exact: true });
    await expect(slider).toBeEnabled();
    await expect(afford.getByText('step 0.05')).toBeVisible();
    const start = Number(await exact.inputValue());
    const seen: number[] = [];
    await slider.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft']) {
      await slider.press(key);
      seen.push(Number(await exact.inputValue()));
    }
    const first = (Math.floor(start / 0.05 + 1e-9) + 1) * 0.05;
    expect(seen.map((v) => v.toFixed(2))).toEqual([first, first + 0.05, first + 0.1, first + 0.05].map((v) => v.toFixed(2)));
    await expect(slider).toHaveAttribute('aria-valuetext', `at least ${seen[3]}`);

    // The knob sits on the curve's red cut-off line at every value, typed or slid.
    for (const v of ['0.5', '1.5', '3', '12', '200']) {
      await exact.fill(v);
      await expect(slider).toHaveAttribute('aria-valuetext', `at least ${Number(v).toLocaleString('en-US')}`);
      await expect.poll(async () => Math.abs((await knobX(slider)) - (await lineX(afford))), { message: `knob and line at ${v}` }).toBeLessThanOrEqual(2);
    }
    // Clicking the track puts the knob's centre where the click was (the browser's own geometry);
    // the line follows it there.
    const track = (await slider.boundingBox())!;
    const clickX = track.x + track.width * 0.7;
    await page.mouse.click(clickX, track.y + track.height / 2);
    await expect.poll(async () => Math.abs((await lineX(afford)) - clickX), { message: 'line at the clicked knob' }).toBeLessThanOrEqual(2);
    await expect.poll(async () => Math.abs((await knobX(slider)) - clickX)).toBeLessThanOrEqual(2);

    // Skewed money measures: the cut-off no longer sits on the first pixels, and steps by 50.
    for (const [mv, name] of [
      ['MONTHLY_INCOME', 'Monthly income'],
      ['LIQUID_SAVINGS', 'Liquid savings'],
    ]) {
      const rule = page.locator(`fieldset[data-rule="${mv}"]`);
      const s = page.getByLabel(`${name} cut-off slider`);
      await expect(s).toBeEnabled();
      const box = (await s.boundingBox())!;
      const x = await knobX(s);
      expect(x - box.x, `${name} knob off the left end`).toBeGreaterThan(box.width * 0.05);
      expect(Math.abs(x - (await lineX(rule)))).toBeLessThanOrEqual(2);
      await expect(rule.getByText(/^step \d+$/)).toBeVisible();
    }
    await shot(page, `whatif-editor-${width}`);

    // The rule at the bottom of the list, moved with the keyboard: the what-if's figures are in
    // view beside it, and follow it.
    const last = page.getByLabel('Outstanding credit cut-off slider');
    await last.scrollIntoViewIfNeeded();
    await expect(proposed(page)).toHaveText(/%$/);
    await expect(page.locator('section.whatif')).toHaveAttribute('aria-busy', 'false');
    const before = (await proposed(page).textContent()) ?? '';
    await last.focus();
    for (let i = 0; i < 6; i++) await last.press('PageDown');
    await expect(proposed(page)).not.toHaveText(before);
    await expect(page.locator('section.whatif')).toHaveAttribute('aria-busy', 'false');
    await inView(page, last);
    await inView(page, page.locator('[data-figure="proposed"]'));
    await inView(page, page.locator('[data-figure="a2d"]'));
    await expect(page.locator('[data-figure="a2d"] .value')).toHaveText(/^[1-9]\d{0,2}(,\d{3})*$/);
    // Counts carry thousands separators.
    await expect(page.locator('[data-figure="window"]')).toHaveText(/^\d{1,3}(,\d{3})+ decisions of US/);
    await shot(page, `whatif-editor-bottom-${width}`);
  });
}

test('the approver reviews a submission with the full what-if of its rules, beside the impact stored at submission', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await page.goto('/thresholds?market=US');
  await signInAs(page, 'analyst.anna');
  const draftId = await newDraft(page, 'US');
  type DraftRules = { thresholdDraft: { revision: number; rules: { measuredValue: string; comparator: string; cutoff: number; enabled: boolean }[] } };
  const current = await apiAs<DraftRules>(baseURL!, 'analyst.anna', 'ThresholdDraft', { id: draftId });
  const rules = current.thresholdDraft.rules.map(({ measuredValue, comparator, cutoff, enabled }) => ({
    measuredValue,
    comparator,
    cutoff: measuredValue === 'BUREAU_SCORE' ? cutoff + 60 : cutoff,
    enabled,
  }));
  const edited = await apiAs<{ editThresholdDraft: { revision: number } }>(baseURL!, 'analyst.anna', 'EditThresholdDraft', {
    id: draftId,
    revision: current.thresholdDraft.revision,
    rules,
  });
  await apiAs(baseURL!, 'analyst.anna', 'SubmitThresholdDraft', { id: draftId, revision: edited.editThresholdDraft.revision, rationale: 'A higher score floor in US.' });
  await signOut(page);

  await page.goto(`/thresholds/drafts/${draftId}`);
  await signInAs(page, 'approver.ali');
  await expect(page.getByRole('heading', { name: 'Impact simulated at submission' })).toBeVisible();
  const stored = page.getByRole('group', { name: 'Stored impact' });
  await expect(stored).toContainText('%');

  // The same what-if the analyst saw in the editor, computed now for the submitted rules.
  const live = page.locator('section', { has: page.getByRole('heading', { name: 'What-if of these rules, computed now' }) });
  await expect(live.locator('[data-figure="proposed"] .value')).toHaveText(/%$/);
  await expect(live).toHaveAttribute('aria-busy', 'false');
  // The stored and the live proposal agree: nothing changed since the submission a moment ago.
  const storedProposed = (await stored.locator('.card').nth(1).locator('.value').textContent()) ?? '';
  await expect(live.locator('[data-figure="proposed"] .value')).toHaveText(storedProposed);
  await expect(live.locator('[data-figure="a2d"] .value')).not.toHaveText('0');
  const reasons = live.getByRole('table', { name: 'Declines per principal reason, now and proposed' });
  await expect(reasons.getByRole('row', { name: /Credit score insufficient/ })).toContainText('+');
  await expect(live.getByRole('group', { name: 'Decline rate per day, now and proposed' }).locator('canvas').first()).toBeVisible();
  await live.getByText(/^Would be declined \(were approved\)/).click();
  const flipped = live.getByRole('table', { name: 'Would be declined (were approved)' });
  await expect(flipped.getByRole('link').first()).toHaveAttribute('href', /^\/decisions\/[0-9a-f-]+$/);
  await expect(live.locator('[data-figure="window"]')).toHaveText(/^\d{1,3}(,\d{3})+ decisions of US/);
  await shot(page, 'whatif-review');

  // Leave US as it was for the other journeys.
  await page.getByLabel('Comment (required to reject)').fill('Not now: the e2e journey only looks.');
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('heading', { name: 'Rejected' })).toBeVisible();
});
