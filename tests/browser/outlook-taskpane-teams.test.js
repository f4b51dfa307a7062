// The Rapid Review task pane acting on the partnership mailbox's email, with Teams watched in the
// Agents Playground. Bea Manning, the business manager, opens the pane (the bot's page, with a small
// Office.js host stand-in of the test's own) on: a referral an Outlook rule filed into a folder the
// bot does not watch (not seen: she opens a case from it, and its thread appears in the panel
// channel); an agency's reply without a case code (she records it as the police's return, and the
// `requests ‹case›` card shows it returned); and a referral the bot opened a case from itself (the
// pane shows its case). The mailbox is the Graph sandbox, read by the bot through the real Graph SDK.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startBot, startPlayground, launchBrowser, screenshotPath, stopProcess, freePort } = require('./stack');
const { CHANNEL_ID, CHANNEL_BUTTON, PERSONAL_CHAT, OLDHAM_PANEL, panelSettings, startSandbox, watchConversation, cardText, playgroundClient, until } = require('./playground-panel');
const { openTaskPane, mailboxSettings } = require('./outlook-host');

const BEA = OLDHAM_PANEL[0][0];
const CHILD_NAME = 'Amelia Outlookchild';
const mailbox = `referrals-${Date.now()}@partnership.example`;

let sandbox; let sandboxUrl; let bot; let playground; let browser; let teams; let client;
let created = [];
let edits = [];
let openedCase = null;

const waitFor = until;

before(async () => {
  ({ url: sandboxUrl, process: sandbox } = await startSandbox());
  const botPort = await freePort();
  const settings = {
    ...mailboxSettings(sandboxUrl, botPort, mailbox),
    ThresholdDecision__Panels__oldham__ChannelId: CHANNEL_ID,
    ThresholdDecision__DefaultPartnership: 'oldham',
    Partnership__Agencies__0__Name: 'Oldham Police',
    Partnership__Agencies__0__Kind: 'police',
    Partnership__Agencies__0__Leads: 'lead@police.example',
    ...panelSettings(),
  };
  bot = await startBot({ botPort, settings });
  playground = await startPlayground(bot.port);
  client = playgroundClient(playground.url);
  browser = await launchBrowser();

  // Teams, as Bea sees it: the Playground, with the app added to the panel's channel.
  teams = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
  ({ created, edits } = watchConversation(teams));
  await teams.goto(playground.url, { waitUntil: 'networkidle' });
  await client.installInChannel();
  await teams.locator(CHANNEL_BUTTON).click();
});

after(async () => {
  await browser?.close();
  await playground?.stop();
  await bot?.stop();
  await stopProcess(sandbox);
});

/** Delivers an RFC 822 email into `folder` of the partnership mailbox ("inbox" notifies the bot). */
async function deliver(folder, { from, subject, text }) {
  const rfc822 = [
    `From: ${from}`, `To: ${mailbox}`, `Subject: ${subject}`,
    `Message-ID: <${Date.now()}.${Math.random().toString(36).slice(2)}@elsewhere.example>`,
    `Date: ${new Date().toUTCString()}`, 'Content-Type: text/plain; charset=utf-8', '', text, '',
  ].join('\r\n');
  const where = folder === 'inbox' ? 'inbox' : `folders/${encodeURIComponent(folder)}`;
  const response = await fetch(`${sandboxUrl}/sandbox/mailboxes/${encodeURIComponent(mailbox)}/${where}`, {
    method: 'POST', headers: { 'Content-Type': 'message/rfc822' }, body: rfc822,
  });
  assert.equal(response.status, 201);
  return response.json();
}

/** What the bot says of an email, as the pane's API answers Bea. */
async function stateOf(mail) {
  return fetch(`http://127.0.0.1:${bot.port}/api/outlook/mail?internetMessageId=${encodeURIComponent(mail.internetMessageId)}`,
    { headers: { 'X-Development-User': BEA } }).then(r => r.json());
}

const openPane = mail => openTaskPane(browser, bot.port, mail, BEA);

/** A referral written out as labelled text, as a school might send it. */
function referralText(incidentDate) {
  return [
    'Please find below our referral for the partnership.', '',
    'Referrer Details',
    `Date of Referral: ${new Date().toLocaleDateString('en-GB', { timeZone: 'Europe/London' })}`,
    `Date of Incident: ${incidentDate}`,
    'Referrer Name: Sam Teacher',
    'Referrer Organisation: Hollybank Primary School',
    '',
    'Child and Incident',
    `Child's Name: ${CHILD_NAME}`,
    "Child's DOB: 14/03/2020",
    'Home address: 12 Example Street, Oldham',
  ].join('\n');
}

function threadCard(code) {
  return teams.locator('.ac-adaptiveCard').filter({ hasText: code }).first();
}

test('a referral the bot has not seen: opening a case from the pane starts its thread in the panel channel', async () => {
  // An Outlook rule filed it into "Referrals"; the bot watches the inbox only, so it never saw it.
  const mail = await deliver('Referrals', { from: 'sam.teacher@school.example', subject: 'Referral: concern about a pupil', text: referralText('27/11/2026') });
  const pane = await openPane(mail);
  await pane.getByText('Not seen by the bot').waitFor({ timeout: 15000 });
  assert.match(await pane.locator('#summary').innerText(), /The bot has not seen this email/);
  await pane.screenshot({ path: screenshotPath('outlook-teams-not-seen'), fullPage: true });

  await pane.getByText('Open a case from this email').click();
  await pane.getByText(/^Read from /).waitFor({ timeout: 15000 });
  await pane.getByRole('button', { name: 'Open the case' }).click();
  await pane.getByText(/Case RR-OLD-\S+ was opened from this email by Bea Manning\./).waitFor({ timeout: 20000 });
  openedCase = /RR-OLD-\d{4}-\d+/.exec(await pane.locator('#summary').innerText())[0];
  assert.equal(await pane.locator('#actions').isHidden(), true);
  await pane.screenshot({ path: screenshotPath('outlook-teams-case-opened'), fullPage: true });

  // Teams: the case's thread card is in the panel channel, with the case code and no child's details.
  await waitFor('the case thread in the channel', async () => created.find(m => m.actionConversationId?.startsWith(CHANNEL_ID) && cardText(m).includes(openedCase)));
  await threadCard(openedCase).waitFor({ timeout: 15000 });
  await threadCard(openedCase).getByText('Votes: 0 of 3 seats', { exact: false }).waitFor({ timeout: 10000 });
  await teams.screenshot({ path: screenshotPath('outlook-teams-channel-thread'), fullPage: true });
  assert.match(await threadCard(openedCase).innerText(), new RegExp(openedCase));
  const channelTraffic = JSON.stringify([...created, ...edits].filter(m => (m.actionConversationId ?? '').startsWith(CHANNEL_ID)));
  assert.doesNotMatch(channelTraffic, /Outlookchild|Example Street/);
});

/** The panel decides the case goes to Rapid Review, each member voting as themselves. */
async function decideRapidReview(code) {
  const thread = created.find(m => m.actionConversationId?.startsWith(CHANNEL_ID) && cardText(m).includes(code));
  const threadId = thread.message.postConversationId ?? thread.actionConversationId;
  for (const [userId, rationale] of [['29:user-la', 'Serious harm.'], ['29:user-police', 'Police investigating.'], ['29:user-health', 'Health concerns.']]) {
    await client.press(userId, threadId, thread.message.messageId, 'vote', { caseCode: code, abuseOrNeglect: 'yes', deathOrSeriousHarm: 'yes', inArea: 'yes', notifiable: 'yes', outcome: 'rapid-review', rationale });
  }
  await threadCard(code).getByText('Decision: Progression to Rapid Review', { exact: false }).waitFor({ timeout: 15000 });
}

/** Bea types `requests ‹case›` in her personal chat and reads the card the bot answers with. */
async function requestsCard(code, name) {
  const chat = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await chat.goto(playground.url, { waitUntil: 'networkidle' });
  await chat.locator('[contenteditable=true]').first().click();
  await chat.keyboard.type(`requests ${code}`);
  await chat.keyboard.press('Enter');
  const card = chat.locator('.ac-adaptiveCard').filter({ hasText: `Information requests – ${code}` }).last();
  await card.waitFor({ timeout: 20000 });
  await chat.waitForTimeout(300);
  await chat.screenshot({ path: screenshotPath(name), fullPage: true });
  const text = await card.innerText();
  await chat.close();
  return text;
}

test('an agency reply without a case code: recording it as the police\'s return changes the request', async () => {
  assert.ok(openedCase, 'the first test opened the case');
  await decideRapidReview(openedCase);
  // Bea chooses the police on the agency selection card in her personal chat.
  await client.say('29:user-bm', PERSONAL_CHAT, `requests ${openedCase} choose`);
  const selection = await waitFor('the agency selection card', async () => created.find(m => cardText(m).includes('"verb":"requests.send"')));
  const chose = await client.press('29:user-bm', PERSONAL_CHAT, selection.message.messageId, 'requests.send', { caseCode: openedCase, agencies: 'Oldham Police', childReference: 'A.O. 14/03/2020' });
  assert.match(JSON.stringify(chose), /Oldham Police/);
  const before = await requestsCard(openedCase, 'outlook-teams-requests-before');
  assert.match(before, /Returned\s*0 of 1/);
  assert.doesNotMatch(before, /no records held/);

  // A colleague at the police answers from their own address, with no case code: it waits for a person.
  const mail = await deliver('inbox', { from: 'records.clerk@police.example', subject: 'Your letter', text: 'We hold no records of this child or family.' });
  await waitFor('the reply to wait in the mail list', async () => (await stateOf(mail)).state === 'waiting');

  const pane = await openPane(mail);
  await pane.getByText('Waiting for a business manager in the mail list.').waitFor({ timeout: 15000 });
  await pane.getByText('Record it as an agency\'s return').click();
  await pane.locator('#return-code').fill(openedCase);
  await pane.getByRole('button', { name: new RegExp(`^${openedCase} · `) }).click();
  await pane.locator('#return-agency option', { hasText: 'Oldham Police' }).waitFor({ state: 'attached', timeout: 10000 });
  await pane.getByRole('button', { name: 'Record the return' }).click();
  await pane.getByText(`Counted as Oldham Police's return for case ${openedCase} (recorded by Bea Manning).`).waitFor({ timeout: 20000 });
  assert.equal(await pane.locator('#status').innerText(), 'Done.');
  assert.equal(await pane.locator('#actions').isHidden(), true);
  await pane.screenshot({ path: screenshotPath('outlook-teams-return-recorded'), fullPage: true });

  const after = await requestsCard(openedCase, 'outlook-teams-requests-after');
  assert.match(after, /Returned\s*1 of 1/);
  assert.match(after, /Oldham Police\s*no records held/);
  // The only agency holds no records: nothing was merged, and the card says so plainly.
  assert.match(after, /No agency returned documents, so the multi-agency chronology has no entries\./);
});

test('a referral the bot placed itself: the pane shows its case and offers nothing more', async () => {
  const mail = await deliver('inbox', { from: 'duty.manager@social-care.example', subject: 'Referral for the partnership', text: referralText('28/11/2026') });
  const known = await waitFor('the bot to open a case from the referral', async () => { const s = await stateOf(mail); return s.state === 'case' ? s : null; });
  const pane = await openPane(mail);
  await pane.getByText(`Case ${known.caseCode} was opened from this email.`).waitFor({ timeout: 15000 });
  assert.equal(await pane.locator('#status').innerText(), 'Known to the bot');
  assert.equal(await pane.locator('#actions').isHidden(), true);
  await pane.screenshot({ path: screenshotPath('outlook-teams-already-matched'), fullPage: true });
  // The same case is the one whose thread the channel shows.
  await threadCard(known.caseCode).waitFor({ timeout: 15000 });
});
