// A business manager opens the Rapid Review task pane on emails in the partnership mailbox. Outlook
// is stood in for by a small Office.js host of the test's own (the page is the bot's, as served);
// the mailbox is the Graph sandbox, read by the bot through the real Graph SDK.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startBot, launchBrowser, screenshotPath, stopProcess, freePort } = require('./stack');
const { startSandbox, until } = require('./playground-panel');
const { openTaskPane, mailboxSettings } = require('./outlook-host');

const ada = '33333333-3333-3333-3333-333333333333';
const mailbox = `referrals-${Date.now()}@partnership.example`;
let sandbox; let sandboxUrl; let bot; let browser;

const waitFor = until;

before(async () => {
  ({ url: sandboxUrl, process: sandbox } = await startSandbox());
  const botPort = await freePort();
  bot = await startBot({
    botPort,
    settings: {
      ...mailboxSettings(sandboxUrl, botPort, mailbox),
      Partnership__People__0__AadObjectId: ada,
      Partnership__People__0__Name: 'Ada Lovelace',
      Partnership__People__0__Role: 'BusinessManager',
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await bot?.stop();
  await stopProcess(sandbox);
});

/** Delivers a plain email from someone the bot cannot place, and waits until it is in the mail list. */
async function deliverWaiting(subject, text) {
  const rfc822 = [
    'From: someone@elsewhere.example', `To: ${mailbox}`, `Subject: ${subject}`,
    `Message-ID: <${Date.now()}.${Math.random().toString(36).slice(2)}@elsewhere.example>`,
    `Date: ${new Date().toUTCString()}`, 'Content-Type: text/plain; charset=utf-8', '', text, '',
  ].join('\r\n');
  const response = await fetch(`${sandboxUrl}/sandbox/mailboxes/${encodeURIComponent(mailbox)}/inbox`, {
    method: 'POST', headers: { 'Content-Type': 'message/rfc822' }, body: rfc822,
  });
  assert.equal(response.status, 201);
  const mail = await response.json();
  await waitFor('the bot to put the email in the mail list', async () => {
    const state = await fetch(`http://127.0.0.1:${bot.port}/api/outlook/mail?internetMessageId=${encodeURIComponent(mail.internetMessageId)}`,
      { headers: { 'X-Development-User': ada } }).then(r => r.json());
    return state.state === 'waiting';
  });
  return mail;
}

const openPane = mail => openTaskPane(browser, bot.port, mail, ada);

test('an email waiting for a person: the pane says why, and setting it aside takes it off the list', async () => {
  const mail = await deliverWaiting('Newsletter: training dates', 'Our next safeguarding courses are in March.');
  const page = await openPane(mail);
  await page.getByText('Waiting for a business manager in the mail list.').waitFor({ timeout: 15000 });
  assert.match(await page.locator('#reason').innerText(), /Why it is waiting:/);
  await page.screenshot({ path: screenshotPath('outlook-waiting'), fullPage: true });

  await page.getByText('Not part of any case', { exact: true }).click();
  await page.getByRole('button', { name: 'Mark as not part of any case' }).click();
  await page.getByText('Marked as not part of any case by Ada Lovelace.').waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#actions').isHidden(), true);
  await page.screenshot({ path: screenshotPath('outlook-not-part'), fullPage: true });
});

test('an email not placed by intake: opening a case from it, and the pane then shows its case', async () => {
  const mail = await deliverWaiting('Concern about a child', 'Please could the partnership consider this family. Details by phone.');
  const page = await openPane(mail);
  await page.getByText('Open a case from this email').click();
  await page.getByText(/No referral form or labelled text could be read|Read from/).waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: 'Open the case' }).click();
  const summary = page.locator('#summary');
  await page.getByText(/Case RR-OLD-\S+ was opened from this email by Ada Lovelace\./).waitFor({ timeout: 20000 });
  const code = /RR-OLD-\S+(?= was)/.exec(await summary.innerText())[0];
  await page.screenshot({ path: screenshotPath('outlook-case-opened'), fullPage: true });

  // Opened again later, the pane shows the case and offers nothing more.
  const again = await openPane(mail);
  await again.getByText(`Case ${code} was opened from this email by Ada Lovelace.`).waitFor({ timeout: 15000 });
  assert.equal(await again.locator('#actions').isHidden(), true);
  await again.screenshot({ path: screenshotPath('outlook-already-matched'), fullPage: true });
});
