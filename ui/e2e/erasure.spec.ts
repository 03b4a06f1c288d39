// GDPR erasure on the Retention page: an admin erases a demo shopper (a blank id is refused where
// it is typed; the erasure is confirmed first), reads the server's answer in words and finds the
// request at the top of the list; asking again answers the waiting request; an auditor reads the
// list and erases nobody; an approver, who reads retention, sees no erasure; an analyst cannot
// open the page.
import { api, expect, shot, signIn, signOut, test } from './fixtures';

interface StoredRequest {
  id: string;
  reference: string | null;
  state: string;
  dueAt: string | null;
  erasedAtRequest: number;
}

test('an admin erases a shopper and reads the answer; an auditor reads the request; an approver and an analyst see no erasure', async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const run = Date.now() % 100000;
  const reference = `DSR-e2e-${run}`;

  // The shopper of SE's newest demo decision: its retention duty runs, so some of their decisions wait.
  const d = await api<{ decisions: { nodes: { shopperId: string }[] } }>(
    baseURL!,
    'AUDITOR',
    `{ decisions(first: 1, filter: { market: "SE" }, orderBy: NEWEST_FIRST) { nodes { shopperId } } }`,
  );
  const { shopperId } = d.decisions.nodes[0];
  expect(shopperId).not.toBe('');

  // The admin, on the Retention page: the list and the form.
  await page.goto('/retention?market=SE');
  await signIn(page, 'ADMIN');
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Erasure requests' }) });
  await expect(section).toBeVisible();
  const form = page.getByRole('form', { name: 'Erase a shopper' });
  const idField = form.getByLabel('Shopper id');
  const refField = form.getByLabel(/^Reference/);
  const erase = form.getByRole('button', { name: 'Erase…' });

  // A blank id is refused where it is typed; nothing is asked.
  await idField.fill('   ');
  await erase.click();
  await expect(form).toContainText('Write the id of the shopper to erase.');
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Cancelling the confirmation keeps the form as typed and sends nothing.
  await idField.fill(` ${shopperId} `);
  await refField.fill(reference);
  await erase.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText(`Erase shopper ${shopperId}?`);
  await expect(dialog).toContainText('This cannot be undone.');
  await expect(dialog).toContainText(`with the reference “${reference}”`);
  await shot(page, 'erasure-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(idField).toHaveValue(` ${shopperId} `);
  await expect(refField).toHaveValue(reference);
  await expect(form).not.toContainText('Write the id of the shopper to erase.');
  await expect(section.getByRole('status')).toHaveCount(0);

  // Confirmed: the answer in words, checked against the request the server stored.
  await erase.click();
  await dialog.getByRole('button', { name: 'Erase the shopper' }).click();
  const status = section.getByRole('status');
  await expect(status).toContainText(/^Erasure request \d+ recorded\./);
  const said = (await status.textContent())!;
  const requestId = /^Erasure request (\d+) recorded\./.exec(said)![1];
  const stored = (
    await api<{ erasureRequest: StoredRequest }>(baseURL!, 'AUDITOR', `query($id: ID!) { erasureRequest(id: $id) { id reference state dueAt erasedAtRequest } }`, {
      id: requestId,
    })
  ).erasureRequest;
  expect(stored.reference).toBe(reference);
  expect(stored.state).toBe('SCHEDULED');
  const due = `${stored.dueAt!.slice(0, 10)} ${stored.dueAt!.slice(11, 19)} UTC`;
  const unlinked =
    stored.erasedAtRequest === 0 ? 'No decision was unlinked now.' : `${stored.erasedAtRequest} decision${stored.erasedAtRequest === 1 ? '' : 's'} unlinked from the shopper now.`;
  expect(said).toMatch(
    new RegExp(`^Erasure request ${requestId} recorded\\. ${unlinked} \\d+ decisions? stays? linked while a retention duty runs: (it is|they are) unlinked at ${due}\\.$`),
  );
  // The form is cleared; the request is the list's first row.
  await expect(idField).toHaveValue('');
  await expect(refField).toHaveValue('');
  const table = section.getByRole('table', { name: 'Erasure requests' });
  const first = table.locator('tbody tr').first();
  await expect(first).toHaveAttribute('data-request', requestId);
  await expect(first).toContainText(reference);
  await expect(first).toContainText('admin');
  await expect(first).toContainText('Scheduled');
  await expect(first).toContainText(due);
  await expect(table).not.toContainText(shopperId);
  await shot(page, 'erasure-admin');

  // Asked again while it waits: the waiting request answers, nothing new is recorded.
  await idField.fill(shopperId);
  await erase.click();
  await dialog.getByRole('button', { name: 'Erase the shopper' }).click();
  await expect(status).toContainText(`Request ${requestId} of this shopper was already waiting: nothing new was recorded.`);
  await expect(status).toContainText(`unlinked at ${due}.`);
  await expect(idField).toHaveValue('');
  await expect(first).toHaveAttribute('data-request', requestId);
  await expect(table.locator(`tr[data-request="${requestId}"]`)).toHaveCount(1);
  await shot(page, 'erasure-admin-repeated');
  await signOut(page);

  // The auditor reads the list, filters it by state, and has no form.
  await page.goto('/retention?market=SE');
  await signIn(page, 'AUDITOR');
  const row = table.locator(`tr[data-request="${requestId}"]`);
  await expect(row).toContainText('Scheduled');
  await expect(row).toContainText(reference);
  await expect(page.getByRole('form', { name: 'Erase a shopper' })).toHaveCount(0);
  const filter = section.getByLabel('State');
  await filter.selectOption({ label: 'Done at request' });
  await expect(filter).toHaveValue('NOW_DONE');
  await expect(row).toHaveCount(0);
  await filter.selectOption({ label: 'Scheduled' });
  await expect(filter).toHaveValue('SCHEDULED');
  await expect(row).toContainText('Scheduled');
  await expect(table.locator('tbody tr').filter({ hasNotText: 'Scheduled' })).toHaveCount(0);
  await shot(page, 'erasure-auditor');
  await signOut(page);

  // An approver reads retention, not erasures.
  await page.goto('/retention?market=SE');
  await signIn(page, 'APPROVER');
  await expect(page.getByTestId('policy-in-force')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Erasure requests' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Erase a shopper' })).toHaveCount(0);
  await signOut(page);

  // An analyst cannot open the Retention page.
  await page.goto('/retention?market=SE');
  await signIn(page, 'ANALYST');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not available to your roles');
  await expect(page.getByRole('heading', { name: 'Erasure requests' })).toHaveCount(0);
});
