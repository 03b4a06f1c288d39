// Issue 16, items 6, 7 and 10 (in part): actions with consequences ask first in a dialog that says
// what follows; approvers land on what waits for them, counted in the navigation and on the
// market tabs; statuses say who submitted and who approved; the catalog diff marks the words.
import type { Locator, Page } from '@playwright/test';
import { markets } from '../src/lib/markets';
import { account, apiAs, expect, shot, signIn, signInAs, test } from './fixtures';

/** dialog is the open confirmation. */
const dialog = (page: Page) => page.getByRole('dialog');

/** expectDialog checks that the confirmation is open, focused on Cancel, and says each of texts. */
async function expectDialog(page: Page, title: string, texts: (string | RegExp)[]): Promise<Locator> {
  const d = dialog(page);
  await expect(d).toBeVisible();
  await expect(d.getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(d.getByRole('button', { name: 'Cancel' })).toBeFocused();
  for (const t of texts) await expect(d).toContainText(t);
  return d;
}

test('admin: revoking a token and disabling a user ask first, saying what follows; Cancel and Escape change nothing; nobody is offered to disable their own account', async ({
  page,
  baseURL,
}) => {
  const admin = account('ADMIN');
  const suffix = Date.now() % 100000;
  const username = `e2e.confirm${suffix}`;
  await apiAs(baseURL!, admin.username, 'CreateUser', {
    input: { username, displayName: 'Confirm Me', password: 'a long passphrase 4 e2e tests', roles: ['ANALYST'] },
  });
  const tokenName = `e2e-confirm-${suffix}`;
  await apiAs(baseURL!, admin.username, 'CreateApiToken', { input: { name: tokenName, roles: ['AGENT'], expiresAt: null } });

  await page.goto('/admin');
  await signIn(page, 'ADMIN');
  const users = page.getByRole('table', { name: 'Users' });
  // One's own account: the server refuses it, so it is not offered.
  const own = users.locator(`tr[data-username="${admin.username}"]`);
  await expect(own).toContainText('Your account: another administrator can disable it');
  await expect(own.getByRole('button', { name: /^Disable/ })).toHaveCount(0);

  const row = users.locator(`tr[data-username="${username}"]`);
  await expect(row.locator('.badge')).toHaveText('active');
  await row.getByRole('button', { name: `Disable ${username}` }).click();
  await expectDialog(page, `Disable ${username}?`, ['Confirm Me', 'signed out of every session at once', 'cannot sign in until an administrator enables', 'API tokens they created keep working']);
  await shot(page, 'confirm-disable-user');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(row.locator('.badge')).toHaveText('active');
  await expect(row.getByRole('button', { name: `Disable ${username}` })).toBeFocused();
  await row.getByRole('button', { name: `Disable ${username}` }).click();
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(row.locator('.badge')).toHaveText('active');
  await row.getByRole('button', { name: `Disable ${username}` }).click();
  await dialog(page).getByRole('button', { name: 'Disable the account' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(row.locator('.badge')).toHaveText(/^disabled /);
  await expect(row.getByRole('button', { name: `Enable ${username}` })).toBeVisible();

  const tokenRow = page.getByRole('table', { name: 'API tokens' }).locator(`tr[data-token="${tokenName}"]`);
  await expect(tokenRow.locator('.badge')).toHaveText('active');
  await tokenRow.getByRole('button', { name: `Revoke ${tokenName}` }).click();
  await expectDialog(page, `Revoke the API token “${tokenName}”?`, ['AGENT', `created by ${admin.username}`, 'last used never', 'refused from now on', 'never works again']);
  await shot(page, 'confirm-revoke-token');
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(tokenRow.locator('.badge')).toHaveText('active');
  await tokenRow.getByRole('button', { name: `Revoke ${tokenName}` }).click();
  await dialog(page).getByRole('button', { name: 'Revoke the token' }).click();
  await expect(tokenRow.locator('.badge')).toHaveText(/^revoked /);
  await expect(tokenRow.getByRole('button', { name: `Revoke ${tokenName}` })).toHaveCount(0);
});

type Rule = { measuredValue: string; comparator: string; cutoff: number; enabled: boolean };
type State = { activeThresholdVersion: { version: { id: string; version: number } } | null };
type Pending = { thresholdDrafts: { nodes: { market: string }[] } };
type Texts = { catalogVersion: { texts: { code: string; locale: string; audience: string; text: { title: string; body: string; steps: string[] } }[] } };

test('an approver lands on what waits: submissions by others, counted in the navigation and on the market tabs; approving, activating and rolling back ask first', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  // analyst.anna submits a DE threshold change and a catalog title change (through her session's API).
  const before = (await apiAs<State>(baseURL!, 'analyst.anna', 'ThresholdVersionState', { market: 'DE' })).activeThresholdVersion!.version;
  const created = await apiAs<{ createThresholdDraft: { id: string } }>(baseURL!, 'analyst.anna', 'CreateThresholdDraft', { market: 'DE' });
  const draftId = created.createThresholdDraft.id;
  const draft = await apiAs<{ thresholdDraft: { revision: number; rules: Rule[] } }>(baseURL!, 'analyst.anna', 'ThresholdDraft', { id: draftId });
  const rules = draft.thresholdDraft.rules.map(({ measuredValue, comparator, cutoff, enabled }) => ({
    measuredValue,
    comparator,
    cutoff: measuredValue === 'MONTHLY_INCOME' ? cutoff + 1 : cutoff,
    enabled,
  }));
  const edited = await apiAs<{ editThresholdDraft: { revision: number } }>(baseURL!, 'analyst.anna', 'EditThresholdDraft', { id: draftId, revision: draft.thresholdDraft.revision, rules });
  await apiAs(baseURL!, 'analyst.anna', 'SubmitThresholdDraft', { id: draftId, revision: edited.editThresholdDraft.revision, rationale: 'A little more income in DE.' });

  const texts = await apiAs<Texts>(baseURL!, 'analyst.anna', 'CatalogVersion');
  const text = texts.catalogVersion.texts.find((t) => t.locale === 'de-DE' && t.audience === 'SHOPPER' && t.code === 'INCOME_INSUFFICIENT')!;
  const [first, ...rest] = text.text.title.split(' ');
  const newTitle = [first, 'derzeit', ...rest].join(' ');
  const catalogDraft = (await apiAs<{ createCatalogDraft: { id: string } }>(baseURL!, 'analyst.anna', 'CreateCatalogDraft')).createCatalogDraft.id;
  const saved = await apiAs<{ editCatalogText: { revision: number } }>(baseURL!, 'analyst.anna', 'EditCatalogText', {
    id: catalogDraft,
    revision: 1,
    code: text.code,
    locale: text.locale,
    audience: 'SHOPPER',
    text: { ...text.text, title: newTitle },
  });
  await apiAs(baseURL!, 'analyst.anna', 'SubmitCatalogDraft', { id: catalogDraft, revision: saved.editCatalogText.revision });

  // approver.ali lands on "Waiting for you", first in the navigation, with its count.
  await page.goto('/');
  await signInAs(page, 'approver.ali');
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waiting for you');
  const navInbox = page.getByRole('navigation', { name: 'Main' }).getByRole('link').first();
  await expect(navInbox).toHaveText(/^Inbox \d+$/);
  const waiting = page.getByRole('table', { name: 'Submissions awaiting your approval' });
  const thresholdRow = waiting.locator(`tr[data-submission="thresholds-${draftId}"]`);
  await expect(thresholdRow).toContainText('DE');
  await expect(thresholdRow).toContainText('analyst.anna');
  await expect(thresholdRow.locator('td').nth(3)).toHaveText(/^(less than a minute|\d+ minutes?)$/);
  await expect(waiting.locator(`tr[data-submission="catalog-${catalogDraft}"]`)).toContainText('analyst.anna');
  const count = Number(/(\d+)$/.exec((await navInbox.textContent()) ?? '')?.[1]);
  await expect(page.locator('h2', { hasText: 'Submissions awaiting your approval' })).toHaveText(`Submissions awaiting your approval (${count})`);
  await shot(page, 'inbox-approver');

  // The market tabs count the submissions awaiting approval in each market.
  await page.goto('/thresholds?market=DE');
  const pending = await apiAs<Pending>(baseURL!, 'approver.ali', 'PendingSubmissions');
  const tabs = page.getByRole('navigation', { name: 'Markets' });
  for (const m of markets) {
    const n = pending.thresholdDrafts.nodes.filter((d) => d.market === m).length;
    await expect(tabs.getByRole('link', { name: new RegExp(`^${m}`) })).toHaveText(n > 0 ? `${m} ${n}` : m);
  }
  expect(pending.thresholdDrafts.nodes.some((d) => d.market === 'DE')).toBe(true);
  // Who did what: the author submitted, someone else approved.
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'In force in DE' }) })).toContainText(
    /Version \d+, submitted by [a-z.]+ · approved by [a-z.]+, in force since/,
  );
  await expect(page.getByRole('table', { name: 'Published versions' }).locator('tbody tr').first()).toContainText(/submitted by [a-z.]+ · approved by [a-z.]+/);
  await shot(page, 'thresholds-tab-counts');

  // The submission opens from the inbox; approving asks first, and says nothing changes at checkout yet.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Inbox/ }).click();
  await thresholdRow.getByRole('link', { name: `DE threshold draft ${draftId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/thresholds/drafts/${draftId}$`));
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expectDialog(page, `Approve and publish draft ${draftId} of DE?`, ['submitted by analyst.anna', "DE's next published version", 'Nothing changes at checkout yet']);
  await shot(page, 'confirm-approve-thresholds');
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('main .badge').first()).toHaveText('Submitted');
  await expect(page.getByRole('heading', { name: 'Published' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await dialog(page).getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByRole('heading', { name: 'Published' })).toBeVisible();
  await expect(page.locator('main .badge').first()).toHaveText('Approved');
  await expect(page.locator('main')).toContainText('submitted by analyst.anna · approved by approver.ali');
  // The navigation's count follows at once.
  await expect(navInbox).toHaveText(count > 1 ? `Inbox ${count - 1}` : 'Inbox');

  // Activating names the version it replaces and the rules that change.
  await page.getByRole('link', { name: 'Open the published version' }).click();
  await expect(page.locator('main p').first()).toContainText('submitted by analyst.anna · approved by approver.ali · published');
  const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const version = Number(/version (\d+)$/.exec(title)?.[1]);
  await expect(page.locator('main .badge').first()).toHaveText('Approved');
  // Scheduling takes the time as every time field does: 24-hour UTC text, read back the same way.
  const at = page.getByRole('textbox', { name: 'Activate at (UTC)' });
  await expect(at).toHaveAttribute('placeholder', 'YYYY-MM-DD HH:mm');
  const year = new Date().getUTCFullYear() + 1;
  await at.fill(`${year}-03-04 15:30`);
  await page.getByRole('button', { name: 'Schedule activation' }).click();
  await expectDialog(page, `Schedule DE version ${version} for ${year}-03-04 15:30:00 UTC?`, [`It takes effect at ${year}-03-04 15:30:00 UTC`]);
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await at.fill('');
  await page.getByRole('button', { name: 'Activate now' }).click();
  const activation = await expectDialog(page, `Activate DE version ${version} now?`, [
    `instead of version ${before.version}, in force now`,
    'sees the decline pop-up',
    'takes effect the moment you confirm',
  ]);
  await expect(activation.getByRole('table', { name: 'Rules that change' })).toContainText('Monthly income');
  await shot(page, 'confirm-activate');
  await activation.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('main .badge').first()).toHaveText('Approved');
  await expect(page.getByRole('status').filter({ hasText: 'Activated at' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Activate now' }).click();
  await dialog(page).getByRole('button', { name: 'Activate now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Activated at' })).toBeVisible();
  await expect(page.locator('main .badge').first()).toHaveText('Active');

  // The version it replaced: the two ways back are explained side by side, and the emergency asks first.
  await page.goto(`/thresholds/versions/${before.id}`);
  await expect(page.locator('main .badge').first()).toHaveText('Superseded');
  await expect(page.getByRole('button', { name: 'Activate now' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Emergency rollback now' })).toBeVisible();
  const explained = page.getByTestId('activate-vs-rollback');
  await expect(explained).toContainText('neither asks a second person');
  await expect(explained).toContainText('ordinary activation');
  await expect(explained).toContainText('flagged on the activation and in the audit log');
  await shot(page, 'threshold-version-superseded');
  await page.getByRole('button', { name: 'Emergency rollback now' }).click();
  const rollback = await expectDialog(page, `Emergency rollback of DE to version ${before.version}?`, [`instead of version ${version}, in force now`, 'without a new approval']);
  await expect(rollback.getByRole('button', { name: 'Roll back now' })).toHaveClass(/danger/);
  await shot(page, 'confirm-emergency-rollback');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.locator('main .badge').first()).toHaveText('Superseded');
  await page.getByRole('button', { name: 'Emergency rollback now' }).click();
  await dialog(page).getByRole('button', { name: 'Roll back now' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Emergency rollback: version ${before.version} in force since` })).toBeVisible();
  await expect(page.locator('main .badge').first()).toHaveText('Active');
  await expect(page.getByRole('heading', { name: 'Activations' }).locator('..')).toContainText('emergency rollback');

  // The catalog submission: the diff marks the one word added to the title; the body is unchanged.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Inbox/ }).click();
  await page.getByRole('link', { name: `Catalog draft ${catalogDraft}` }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog\\?draft=${catalogDraft}$`));
  await expect(page.getByText(`Draft ${catalogDraft} Submitted · submitted by analyst.anna`)).toBeVisible();
  const changes = page.getByRole('table', { name: 'Changes in the draft' });
  const change = changes.locator(`tbody[data-text="INCOME_INSUFFICIENT|de-DE|SHOPPER"]`);
  await expect(change.locator('tr[data-field="title"] td.field-new')).toHaveText(newTitle);
  await expect(change.locator('tr[data-field="title"] td.field-old')).toHaveText(text.text.title);
  await expect(change.getByRole('insertion')).toHaveText(['derzeit ']);
  await expect(change.getByRole('deletion')).toHaveCount(0);
  await expect(change.locator('tr[data-field="body"]')).toHaveCount(0);
  await expect(change.locator('tr[data-field="unchanged"]')).toContainText('Body');
  await expect(change.locator('tr[data-field="unchanged"]')).toContainText('unchanged');
  await shot(page, 'catalog-diff-by-word');
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  const publish = await expectDialog(page, `Approve and publish catalog draft ${catalogDraft}?`, ['submitted by analyst.anna', 'every decline from then on', 'keep the texts they were shown']);
  await expect(publish.getByRole('listitem')).toHaveText([`Income insufficient, de-DE, Shopper: “${newTitle}”`]);
  await publish.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(`Draft ${catalogDraft} Submitted`)).toBeVisible();
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await dialog(page).getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByText(/Published as version \d+\./)).toBeVisible();
  await expect(page.getByText(`Draft ${catalogDraft} Approved · submitted by analyst.anna · approved by approver.ali`)).toBeVisible();
});
