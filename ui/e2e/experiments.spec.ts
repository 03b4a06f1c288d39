// Shadow versions and the challenger split (issue 17): an approver starts an approved US version
// that is not in force in shadow, purchases are assessed through the API, and the comparison the
// page shows is the API's and the row-by-row count of what was sent; then one approver requests
// a split and another approves it. US, because the journeys that assert on anomalies use GB and
// SE; the journey stops its shadow and its split at the end, so US is decided as before.
import { measures } from '../src/lib/measures.gen';
import { api, apiAs, expect, shot, signInAs, signOut, test } from './fixtures';

/** Measured values that pass every rule at any cut-off in its range: each measure's declared passing value (measures.gen.ts). */
const passing = Object.fromEntries(measures.map((m) => [m.field, m.passing]));

type Rule = { measuredValue: string; comparator: string; cutoff: number; enabled: boolean };
type Comparison = {
  thresholdShadow: {
    comparison: {
      decisions: number;
      liveDeclineRate: number;
      shadowDeclineRate: number;
      freshAsOf: string | null;
      cells: { agreement: string; decisions: number; samples: { id: string }[] }[];
      reasons: { reason: string; live: number; shadow: number }[];
    };
  } | null;
};

test('an approver runs a version in shadow, reads its comparison against live traffic, and a split is requested by one approver and approved by another', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const run = Date.now();

  // analyst.anna publishes, through her session's API, a US version with a higher score floor;
  // approver.ali approves it. It is published, not in force.
  const draftId = (await apiAs<{ createThresholdDraft: { id: string } }>(baseURL!, 'analyst.anna', 'CreateThresholdDraft', { market: 'US' })).createThresholdDraft.id;
  const draft = await apiAs<{ thresholdDraft: { revision: number; rules: Rule[] } }>(baseURL!, 'analyst.anna', 'ThresholdDraft', { id: draftId });
  const floor = draft.thresholdDraft.rules.find((r) => r.measuredValue === 'BUREAU_SCORE')!.cutoff;
  const rules = draft.thresholdDraft.rules.map(({ measuredValue, comparator, cutoff, enabled }) => ({
    measuredValue,
    comparator,
    cutoff: measuredValue === 'BUREAU_SCORE' ? floor + 100 : cutoff,
    enabled,
  }));
  const edited = await apiAs<{ editThresholdDraft: { revision: number } }>(baseURL!, 'analyst.anna', 'EditThresholdDraft', { id: draftId, revision: draft.thresholdDraft.revision, rules });
  await apiAs(baseURL!, 'analyst.anna', 'SubmitThresholdDraft', { id: draftId, revision: edited.editThresholdDraft.revision, rationale: 'A score floor 100 higher in US, tried in shadow.' });
  const versionId = (await apiAs<{ approveThresholdDraft: { publishedVersionId: string } }>(baseURL!, 'approver.ali', 'ApproveThresholdDraft', { id: draftId, comment: 'in shadow first' }))
    .approveThresholdDraft.publishedVersionId;

  // approver.ali starts it in shadow on its page.
  await page.goto(`/thresholds/versions/${versionId}`);
  await signInAs(page, 'approver.ali');
  const shadows = page.locator('section', { has: page.getByRole('heading', { name: 'Shadow runs' }) });
  await expect(shadows).toContainText(/has never run in shadow/);
  await shadows.getByRole('button', { name: 'Start in shadow' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('the shadow changes no answer');
  await dialog.getByRole('button', { name: 'Start the shadow' }).click();
  await expect(shadows.getByRole('status')).toContainText(/runs in shadow since .*, running until stopped\./);
  const runLink = shadows.getByRole('link', { name: /^Comparison of run \d+$/ });
  await expect(runLink).toHaveCount(1);
  const shadowId = /(\d+)$/.exec((await runLink.textContent()) ?? '')![1];
  await expect(shadows.getByRole('button', { name: `Stop run ${shadowId}` })).toBeVisible();
  await expect(shadows.getByRole('button', { name: 'Start in shadow' })).toHaveCount(0);
  await shot(page, 'experiments-shadow-started');

  // Purchases in US: 4 both sets approve, 3 only the shadow declines (between the two floors), 2
  // both decline (under the live floor). The assessment picks the shadow up at the next poll:
  // until a probe's decision carries its result, wait.
  const assess = async (key: string, bureauScore: number) => {
    const a = await api<{ assessPurchase: { decisionId: string; outcome: string; reasons: { code: string }[] } }>(
      baseURL!,
      'SERVICE',
      `mutation($in: PurchaseInput!, $k: String!) { assessPurchase(input: $in, idempotencyKey: $k) { decisionId outcome reasons { code } } }`,
      {
        k: `e2e-shadow-${run}-${key}`,
        in: {
          market: 'US',
          currency: 'USD',
          amount: 120,
          merchant: { id: 'm_e2e_shadow', name: 'E2E Shadow Goods', category: 'home' },
          shopperId: `s_e2e_shadow_${run}_${key}`,
          locale: 'en-US',
          channel: 'WEB',
          values: { ...passing, bureauScore },
        },
      },
    );
    return a.assessPurchase;
  };
  const probe = await assess('probe', 850);
  await expect(async () => {
    const d = await api<{ decision: { shadows: { versionId: string }[] } }>(baseURL!, 'AUDITOR', `query($id: ID!) { decision(id: $id) { shadows { versionId } } }`, { id: probe.decisionId });
    if (!d.decision.shadows.some((s) => s.versionId === versionId)) {
      // Decided before the poll saw the shadow: it is not part of the run's figures.
      throw new Error('the shadow is not evaluated yet');
    }
  }).toPass({ timeout: 20_000 });
  const sent: { outcome: string }[] = [];
  for (let i = 0; i < 3; i++) sent.push(await assess(`approve-${i}`, 850));
  for (let i = 0; i < 3; i++) sent.push(await assess(`flip-${i}`, floor + 50));
  for (let i = 0; i < 2; i++) sent.push(await assess(`decline-${i}`, floor - 50));
  // The shadow never changes the answer: live decided on its own floor.
  expect(sent.map((s) => s.outcome), JSON.stringify(sent)).toEqual([...Array(6).fill('APPROVED'), ...Array(2).fill('DECLINED')]);

  // The rollups catch up within seconds (THRESHOLD_REFRESH, 1 s in the journeys' server).
  let api9: Comparison['thresholdShadow'] = null;
  await expect(async () => {
    api9 = (await apiAs<Comparison>(baseURL!, 'approver.ali', 'ShadowRun', { id: shadowId, arm: null, bucket: 'HOUR' })).thresholdShadow;
    expect(api9?.comparison.decisions).toBe(9);
  }).toPass({ timeout: 60_000 });
  const c = api9!.comparison;
  // Row by row: 7 live approvals of which the shadow declines 3; 2 declined by both.
  const cell = (a: string) => c.cells.find((x) => x.agreement === a)?.decisions;
  expect([cell('BOTH_APPROVE'), cell('SHADOW_DECLINES'), cell('BOTH_DECLINE'), cell('SHADOW_APPROVES')]).toEqual([4, 3, 2, 0]);
  expect(c.liveDeclineRate).toBeCloseTo(2 / 9, 6);
  expect(c.shadowDeclineRate).toBeCloseTo(5 / 9, 6);

  // The comparison page shows those numbers.
  await runLink.click();
  await expect(page).toHaveURL(new RegExp(`/thresholds/shadows/${shadowId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^US version \\d+ in shadow: run ${shadowId}$`));
  await expect(page.getByTestId('comparison-window')).toContainText('9 US decisions compared');
  await expect(page.getByTestId('fresh-as-of')).toContainText(/The rollups count decisions up to \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  await expect(page.getByTestId('live-rate')).toHaveText(`${((2 / 9) * 100).toFixed(2)} %`);
  await expect(page.getByTestId('shadow-rate')).toHaveText(`${((5 / 9) * 100).toFixed(2)} %`);
  const agreement = page.getByRole('table', { name: 'Agreement between live and shadow' });
  await expect(agreement.locator('tbody tr')).toHaveText([/^Both approve4/, /^Both decline2/, /^Live approved, shadow would decline3/, /^Live declined, shadow would approve0/]);
  await expect(agreement.getByTestId('cell-SHADOW_DECLINES').locator('td').nth(2)).toHaveText(`${((3 / 9) * 100).toFixed(1)} %`);
  // The per-reason table: the score reason, declined 2 times live and 5 times in shadow, as the API says.
  const reasons = page.getByRole('table', { name: 'Declines per principal reason, live and shadow' });
  for (const r of c.reasons) {
    await expect(reasons.locator('tr', { hasText: new RegExp(`^${r.reason.charAt(0)}${r.reason.slice(1).toLowerCase().replace(/_/g, ' ')}`) })).toHaveText(new RegExp(`${r.live}${r.shadow}$`));
  }
  expect(c.reasons.reduce((n, r) => n + r.shadow, 0)).toBe(5);
  expect(c.reasons.reduce((n, r) => n + r.live, 0)).toBe(2);
  // The prediction stored at submission stands beside the realized rates.
  await expect(page.getByRole('table', { name: 'Decline rates: live, shadow and predicted' }).getByRole('row', { name: /^Predicted at submission/ })).toContainText(/\d+\.\d\d %/);
  // The chart draws once two hours hold decisions; the journey's purchases usually fall in one.
  const series = (await apiAs<{ thresholdShadow: { comparison: { series: { decisions: number }[] } } }>(baseURL!, 'approver.ali', 'ShadowRun', { id: shadowId, arm: null, bucket: 'HOUR' }))
    .thresholdShadow.comparison.series;
  if (series.filter((b) => b.decisions > 0).length > 1) {
    await expect(page.getByRole('group', { name: 'Decline rate in percent per bucket, live and shadow' }).locator('canvas').first()).toBeVisible();
  } else {
    await expect(page.getByTestId('chart-note')).toHaveText('All the decisions so far fall in one hour: the chart draws from two on.');
  }
  // By day, the same figures.
  await page.getByLabel('Bucket').selectOption('DAY');
  await expect(page).toHaveURL(new RegExp(`/thresholds/shadows/${shadowId}\\?bucket=DAY$`));
  await expect(page.getByTestId('shadow-rate')).toHaveText(`${((5 / 9) * 100).toFixed(2)} %`);
  // The samples of a disagreement open the decisions.
  const flips = page.getByTestId('samples-SHADOW_DECLINES');
  await flips.locator('summary').click();
  await expect(flips.getByRole('link')).toHaveCount(3);
  const sampleHref = await flips.getByRole('link').first().getAttribute('href');
  expect(c.cells.find((x) => x.agreement === 'SHADOW_DECLINES')!.samples.map((s) => `/decisions/${s.id}`)).toContain(sampleHref);
  await shot(page, 'experiments-comparison');
  await flips.getByRole('link').first().click();
  await expect(page.getByTestId('decision-shadows')).toHaveText(/^version \d+ would decline: Credit score/);
  await shot(page, 'experiments-decision-shadow');

  // The thresholds page lists the run under US.
  await page.goto('/thresholds?market=US');
  const running = page.getByRole('list', { name: 'Shadows running in US' });
  await expect(running.getByRole('link', { name: `comparison of run ${shadowId}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'In shadow and in split in US' })).toBeVisible();
  await shot(page, 'experiments-thresholds');

  // approver.ali requests a split of 10 %; he may not approve his own request.
  await page.goto(`/thresholds/versions/${versionId}`);
  const split = page.locator('section', { has: page.getByRole('heading', { name: 'Challenger split in US' }) });
  await expect(split).toContainText('No split runs in US');
  await split.getByLabel(/Share of shoppers/).fill('60');
  await split.getByLabel('Rationale for the approver').fill('A tenth of US shoppers meet the higher floor.');
  await split.getByRole('button', { name: 'Request the split' }).click();
  await expect(split.getByText(/percent: at most 50/)).toBeVisible();
  await split.getByLabel(/Share of shoppers/).fill('10');
  await split.getByRole('button', { name: 'Request the split' }).click();
  await expect(split.getByRole('status')).toContainText(/^Request \d+ sent: version \d+ for 10 % of US's shoppers/);
  const requestId = /^Request (\d+)/.exec((await split.getByRole('status').textContent()) ?? '')![1];
  await expect(split.getByTestId(`split-request-${requestId}`)).toContainText('You asked for this split, so another approver must decide on it.');
  await expect(split.getByRole('button', { name: `Approve request ${requestId}` })).toHaveCount(0);
  await expect(split).toContainText('No split runs in US');
  await signOut(page);

  // approver.bea finds it in her inbox and approves it on the version's page.
  await page.goto('/inbox');
  await signInAs(page, 'approver.bea');
  const waiting = page.getByRole('table', { name: 'Submissions awaiting your approval' });
  await waiting.getByRole('link', { name: `US split request ${requestId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/thresholds/versions/${versionId}$`));
  await split.getByRole('button', { name: `Approve request ${requestId}` }).click();
  await expect(dialog).toContainText('10 % of US\'s shoppers');
  await dialog.getByRole('button', { name: 'Approve the split' }).click();
  await expect(split.getByRole('status')).toHaveText(`Request ${requestId} approved: it is in effect now.`);
  await expect(split.getByTestId('split-summary')).toContainText(/decides for 10 % of US's shoppers since .* requested by approver\.ali/);
  await expect(split).toContainText('Approved by approver.bea.');
  await expect(split.getByRole('table', { name: "Decline rate per arm of US's split" })).toBeVisible();
  await expect(split.getByText('No split request awaits approval in US.')).toBeVisible();
  await shot(page, 'experiments-split-running');

  // Leave US as it was: bea ends the split and stops the shadow, each after a confirmation.
  await split.getByRole('button', { name: 'End the split' }).click();
  await dialog.getByRole('button', { name: 'End the split' }).click();
  await expect(split.getByRole('status')).toContainText(/^US's split ended at /);
  await expect(split).toContainText('No split runs in US');
  await shadows.getByRole('button', { name: `Stop run ${shadowId}` }).click();
  await dialog.getByRole('button', { name: 'Stop the shadow' }).click();
  await expect(shadows.getByRole('status')).toContainText(/stopped at /);
  await expect(shadows.getByRole('button', { name: `Stop run ${shadowId}` })).toHaveCount(0);
  await expect(shadows.locator('tbody tr').first()).toContainText(/Stopped.*by approver\.bea/);
  await shot(page, 'experiments-stopped');
});
