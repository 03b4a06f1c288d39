// Retention policies and legal holds (issue 18): an auditor proposes a longer policy for GB and
// places a hold on a shopper, whose month the plan then shows held; an approver finds the request
// in the inbox, approves it on the Retention page (the plan's dates follow) and lifts the hold;
// an admin reads the policy and the plan, and no hold. The journey leaves nothing pending.
import { api, expect, shot, signInAs, signOut, test } from './fixtures';

test('an auditor proposes a retention policy and places a hold; an approver approves the policy from the inbox and lifts the hold; an admin reads the plan without the holds', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const run = Date.now() % 100000;

  // A GB decision of the demo: its shopper is the one the hold names.
  const d = await api<{ decisions: { nodes: { shopperId: string; createdAt: string }[] } }>(
    baseURL!,
    'AUDITOR',
    `{ decisions(first: 1, filter: { market: "GB" }, orderBy: OLDEST_FIRST) { nodes { shopperId createdAt } } }`,
  );
  const { shopperId, createdAt } = d.decisions.nodes[0];
  const heldMonth = createdAt.slice(0, 7);

  // auditor.aude, on GB's retention: the default is in force.
  await page.goto('/retention?market=GB');
  await signInAs(page, 'auditor.aude');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retention');
  const inForce = page.getByTestId('policy-in-force');
  await expect(inForce).toContainText('The default: decisions are kept 25 months after the end of their month, then deleted.');
  const plan = page.getByRole('table', { name: 'Retention plan of GB' });
  const monthRow = plan.locator(`tr[data-month="${heldMonth}"]`);
  await expect(monthRow).toContainText('Kept');

  // A proposal below the floor is refused where it is typed; a good one becomes a request.
  const propose = page.getByRole('form', { name: 'Propose a retention policy' });
  await propose.getByLabel(/^Keep for/).fill('12');
  await propose.getByRole('button', { name: 'Request the change' }).click();
  await expect(propose).toContainText('At least 25 months in this market.');
  await propose.getByLabel(/^Keep for/).fill('36');
  await propose.getByLabel(/^Then/).selectOption('ANONYMISE');
  await propose.getByLabel(/^Rationale for the approver/).fill(`Three years of anonymised statistics (e2e ${run})`);
  await propose.getByRole('button', { name: 'Request the change' }).click();
  const requests = page.locator('section', { has: page.getByRole('heading', { name: 'Changes awaiting approval' }) });
  await expect(requests.getByRole('status')).toContainText(/^Request \d+ sent: GB decisions kept 36 months/);
  const requestId = /^Request (\d+)/.exec((await requests.getByRole('status').textContent()) ?? '')![1];
  // The form starts again: every control shows what it would send now, the Then select too.
  await expect(propose.getByLabel(/^Keep for/)).toHaveValue('');
  await expect(propose.getByLabel(/^Then/)).toHaveValue('DELETE');
  await expect(propose.getByLabel(/^Rationale for the approver/)).toHaveValue('');
  const pendingItem = page.getByTestId(`retention-request-${requestId}`);
  await expect(pendingItem).toContainText('You proposed this change, so an approver or another auditor must decide on it.');
  await expect(pendingItem.getByRole('button', { name: /Approve/ })).toHaveCount(0);
  await expect(inForce).toContainText('The default');

  // A hold on the shopper: refused without a reason, then placed; the plan holds their month.
  const holds = page.locator('section', { has: page.getByRole('heading', { name: 'Legal holds' }) });
  const place = page.getByRole('form', { name: 'Place a legal hold' });
  await place.getByLabel(/^Shopper id/).fill(shopperId);
  await place.getByRole('button', { name: 'Place the hold' }).click();
  await expect(place).toContainText('is required');
  await place.getByLabel(/^Reason/).fill(`Smith v. Lender, e2e ${run}`);
  await place.getByRole('button', { name: 'Place the hold' }).click();
  await expect(holds.getByRole('status')).toContainText(`placed on every market · shopper ${shopperId}`);
  const holdId = /^Hold (\d+)/.exec((await holds.getByRole('status').textContent()) ?? '')![1];
  const holdItem = page.getByTestId(`hold-${holdId}`);
  await expect(holdItem).toContainText('In force');
  await expect(holdItem).toContainText('You placed this hold, so another auditor or an approver must lift it.');
  await expect(holdItem.getByRole('button', { name: /Lift/ })).toHaveCount(0);
  await expect(monthRow).toContainText('Held');
  await expect(monthRow).toContainText(`hold ${holdId}`);
  await shot(page, 'retention-auditor');
  await signOut(page);

  // approver.ali finds the request in the inbox and decides it on the Retention page.
  await page.goto('/');
  await signInAs(page, 'approver.ali');
  await expect(page).toHaveURL(/\/inbox$/);
  const waiting = page.getByRole('table', { name: 'Submissions awaiting your approval' });
  const row = waiting.locator(`tr[data-submission="retention-${requestId}"]`);
  await expect(row).toContainText('auditor.aude');
  await shot(page, 'retention-inbox');
  await row.getByRole('link', { name: `GB retention policy request ${requestId}` }).click();
  await expect(page).toHaveURL(/\/retention\?market=GB$/);
  await expect(page.getByRole('navigation', { name: 'Markets' }).getByRole('link', { name: /^GB/ })).toHaveText('GB 1');
  const dueBefore = await monthRow.locator('td').nth(2).textContent();
  await page.getByTestId(`retention-request-${requestId}`).getByRole('button', { name: `Approve request ${requestId}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('version 1 is in force in GB');
  await shot(page, 'retention-confirm-approve');
  await dialog.getByRole('button', { name: 'Approve the policy' }).click();
  await expect(requests.getByRole('status')).toHaveText(`Request ${requestId} approved: it is the policy in force in GB now.`);
  await expect(inForce).toContainText('Version 1: decisions are kept 36 months after the end of their month, then anonymised');
  await expect(inForce).toContainText('submitted by auditor.aude · approved by approver.ali');
  await expect(page.getByTestId(`retention-request-${requestId}`)).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Retention policy versions of GB' }).locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Markets' }).getByRole('link', { name: /^GB/ })).toHaveText('GB');
  // Every month is dated by the new policy: eleven months later than under 25.
  const dueAfter = await monthRow.locator('td').nth(2).textContent();
  const months = (a: string, b: string) => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
  expect(months(dueBefore!, dueAfter!)).toBe(11);
  await expect(monthRow).toContainText('Anonymise');

  // The hold: lifted by a second person, with a reason, after asking.
  const lift = holdItem.getByRole('button', { name: `Lift hold ${holdId}` });
  await expect(lift).toBeDisabled();
  await holdItem.getByLabel(/^Why it may be lifted/).fill('settled out of court');
  await lift.click();
  await expect(dialog).toContainText(`shopper ${shopperId}`);
  await dialog.getByRole('button', { name: 'Lift the hold' }).click();
  await expect(holds.getByRole('status')).toHaveText(`Hold ${holdId} lifted.`);
  await expect(holdItem).toHaveCount(0);
  await expect(monthRow).toContainText('Kept');
  await expect(monthRow).not.toContainText(`hold ${holdId}`);
  await page.getByLabel('Show lifted holds too').check();
  await expect(holdItem).toContainText('Lifted by approver.ali');
  await expect(holdItem).toContainText('settled out of court');
  await shot(page, 'retention-approver');
  await signOut(page);

  // The admin reads the policy and the plan, proposes nothing and sees no hold.
  await page.goto('/retention?market=GB');
  await signInAs(page, 'admin');
  await expect(inForce).toContainText('Version 1');
  await expect(plan).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Legal holds' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Propose a retention policy' })).toHaveCount(0);
  await shot(page, 'retention-admin');
});
