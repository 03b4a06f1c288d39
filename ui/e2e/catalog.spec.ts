import { expect, shot, signIn, test } from './fixtures';

test('analyst edits a reason text with a live preview, placeholder errors at the field; an approver publishes it; versions compare', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/catalog');
  const analyst = await signIn(page, 'ANALYST');
  const grid = page.getByRole('table', { name: 'Reason catalog: codes by locale' });
  // 15 codes × 4 locales, each with its title as written in the current version.
  await expect(grid.locator('tbody tr')).toHaveCount(15);
  await expect(grid.locator('tbody button.cell')).toHaveCount(60);
  await expect(grid.locator('button.cell', { hasText: '…' })).toHaveCount(0);
  await expect(grid.locator('button.cell', { hasText: '–' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Start a draft' }).click();
  await expect(page).toHaveURL(/\/catalog\?draft=\d+$/);
  await grid.getByRole('button', { name: 'Income insufficient, en-GB' }).click();
  await expect(page).toHaveURL(/code=INCOME_INSUFFICIENT&locale=en-GB/);
  const editor = page.getByRole('form', { name: 'Edit the shopper text' });
  await expect(page.getByLabel('The pop-up the shopper saw').first()).toBeVisible();

  // The editor starts from the text as written (placeholders unfilled); the preview follows as we type.
  await expect(editor.getByLabel('Title')).not.toHaveValue('');
  await expect(editor.getByLabel('Body')).toHaveValue(/monthly income we hold for you/);
  await editor.getByLabel('Title').fill('Your income is below what {merchant} plans need');
  const preview = page.getByRole('region', { name: 'Live preview' });
  await expect(preview).toContainText('Your income is below what Example Store plans need');

  // An unknown placeholder is refused at the body field, by the server's own check.
  const body = editor.getByLabel('Body');
  const goodBody = await body.inputValue();
  await body.fill(`${goodBody} See {foo}.`);
  await expect(editor.locator('#cat-body-err')).toHaveText(/unknown placeholder \{foo\}/);
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'catalog-editor-error');
  await body.fill(`${goodBody} Limits for {amount} are set per market.`);
  await expect(editor.locator('#cat-body-err')).toHaveCount(0);
  await expect(preview).toContainText('Limits for £129.95 are set per market.');

  await editor.getByRole('button', { name: 'Save text' }).click();
  await expect(editor.getByRole('status')).toContainText('Saved in draft');
  const changes = page.getByRole('table', { name: 'Changes in the draft' });
  await expect(changes).toContainText('Income insufficient, en-GB, Shopper');
  await expect(changes).toContainText('Your income is below what {merchant} plans need');
  await expect(grid.getByRole('button', { name: 'Income insufficient, en-GB, changed in the draft' })).toBeVisible();
  await shot(page, 'catalog');
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByText(/Draft \d+ Submitted · submitted by/)).toBeVisible();
  const draftURL = page.url();

  // An approver (another user) finds it among the submitted drafts and publishes it; the version
  // diff shows the change.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/catalog');
  await signIn(page, 'APPROVER');
  const draftId = /draft=(\d+)/.exec(draftURL)?.[1];
  await page.getByRole('table', { name: 'Catalog drafts' }).getByRole('button', { name: `Draft ${draftId}` }).click();
  await expect(page).toHaveURL(new RegExp(`draft=${draftId}`));
  await expect(page.getByText(`by ${analyst.username}`).first()).toBeVisible();
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve and publish' }).click();
  const published = page.getByText(/Published as version (\d+)\./);
  await expect(published).toBeVisible();
  const version = Number(/Published as version (\d+)\./.exec((await published.textContent()) ?? '')?.[1]);
  await page.getByLabel('From version').fill(String(version - 1));
  await page.getByLabel('To version').fill(String(version));
  await page.getByRole('button', { name: 'Compare' }).click();
  const diff = page.getByRole('table', { name: 'Differences between the versions' });
  await expect(diff).toContainText('Income insufficient, en-GB, Shopper');
  // Field by field, the changed words marked: the body gained one sentence, nothing else of it changed.
  const bodyRow = diff.locator('tbody', { hasText: 'Income insufficient, en-GB, Shopper' }).locator('tr[data-field="body"]');
  await expect(bodyRow.locator('td.field-new')).toContainText('Limits for {amount} are set per market.');
  await expect(bodyRow.getByRole('insertion')).toHaveText(['Limits for {amount} are set per market.']);
  await expect(bodyRow.getByRole('deletion')).toHaveCount(0);
  // The checkout pop-up now uses the new text.
  await page.reload();
  await grid.getByRole('button', { name: 'Income insufficient, en-GB' }).click();
  await expect(grid.getByRole('button', { name: 'Income insufficient, en-GB' })).toContainText('Your income is below what {merchant} plans need');
  await expect(page.getByLabel('The pop-up the shopper saw').first()).toContainText('Your income is below what Example Store plans need');
});
