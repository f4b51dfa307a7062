// Sign-off in the Agents Playground. Two Playgrounds talk to one bot: Bea Manning's (the business
// manager, the repository's configuration) shows the panel's channel, and Lola Adeyemi's (the local
// authority's statutory lead, as the current user) shows her personal chat with the bot. Bea opens
// a case, the partners vote for a rapid review, Bea has the draft report generated and asks for
// sign-off; Lola finds the sign-off card in her personal chat and presses "Sign off" in Chromium,
// and the report's card in the channel's thread then shows her answer in its tally.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { startBot, startPlayground, launchBrowser, screenshotPath, stopProcess, freePort, root } = require('./stack');

const CHANNEL_ID = '19:channel-panel@thread.tacv2';
const CHANNEL_BUTTON = 'button[aria-label="Oldham Safeguarding Children Partnership - Rapid Review Panel"]';
const BEA_CHAT = 'a:personal-chat-bm';
const TENANT = '11111111-1111-1111-1111-111111111111';
const CHILD_NAME = 'Amelia Testchild';
const CLOCK_START = '2026-11-23T09:30';

const people = [
  ['30000000-0000-0000-0000-000000000001', 'Bea Manning', 'BusinessManager', null, 'bea.manning@oldham.example'],
  ['30000000-0000-0000-0000-000000000002', 'Lola Adeyemi', 'StatutoryLead', 'LocalAuthority', 'lola.adeyemi@oldham.example'],
  ['30000000-0000-0000-0000-000000000003', 'Pat Okafor', 'StatutoryLead', 'Police', 'pat.okafor@police.example'],
  ['30000000-0000-0000-0000-000000000004', 'Hana Brook', 'StatutoryLead', 'Health', 'hana.brook@nhs.example'],
];

// Lola's Playground: the same tenant, team and channel, with Lola as the person at the keyboard.
const LOLA_CONFIG = `version: "0.1.1"
tenantId: ${TENANT}
bot:
  id: "28:22222222-2222-2222-2222-222222222222"
  name: TeamsReviewBot
currentUser:
  id: "29:user-la"
  name: Lola Adeyemi
  userPrincipleName: lola.adeyemi@oldham.example
  aadObjectId: 30000000-0000-0000-0000-000000000002
  givenName: Lola
  surname: Adeyemi
  email: lola.adeyemi@oldham.example
users:
  - { id: "29:user-bm", name: Bea Manning, userPrincipleName: bea.manning@oldham.example, aadObjectId: 30000000-0000-0000-0000-000000000001, givenName: Bea, surname: Manning, email: bea.manning@oldham.example }
  - { id: "29:user-police", name: Pat Okafor, userPrincipleName: pat.okafor@police.example, aadObjectId: 30000000-0000-0000-0000-000000000003, givenName: Pat, surname: Okafor, email: pat.okafor@police.example }
  - { id: "29:user-health", name: Hana Brook, userPrincipleName: hana.brook@nhs.example, aadObjectId: 30000000-0000-0000-0000-000000000004, givenName: Hana, surname: Brook, email: hana.brook@nhs.example }
  - { id: "29:user-deputy", name: Dev Shah, userPrincipleName: dev.shah@nhs.example, aadObjectId: 30000000-0000-0000-0000-000000000005, givenName: Dev, surname: Shah, email: dev.shah@nhs.example }
  - { id: "29:user-visitor", name: Vic Torres, userPrincipleName: vic.torres@oldham.example, aadObjectId: 30000000-0000-0000-0000-000000000006, givenName: Vic, surname: Torres, email: vic.torres@oldham.example }
personalChat:
  id: "a:personal-chat-la"
groupChat:
  id: "19:group-chat-lola@thread.v2"
  name: Lola's chat
team:
  id: "19:team-oscp@thread.tacv2"
  name: Oldham Safeguarding Children Partnership
  aadGroupId: 40000000-0000-0000-0000-000000000001
  channels:
    - { id: "19:channel-panel@thread.tacv2", name: Rapid Review Panel }
`;

let sandbox; let sandboxUrl; let bot; let beaPlayground; let lolaPlayground; let lolaDir; let browser; let beaPage; let lolaPage;
const created = [];

before(async () => {
  sandboxUrl = `http://127.0.0.1:${await freePort()}`;
  sandbox = spawn('dotnet', [path.join(root, 'tests', 'GraphSandbox', 'bin', 'Debug', 'net10.0', 'GraphSandbox.dll'), '--urls', sandboxUrl], { stdio: 'ignore' });
  const up = Date.now() + 30000;
  for (;;) {
    try { if ((await fetch(`${sandboxUrl}/sandbox/faults`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > up) throw new Error(`the Graph sandbox did not answer at ${sandboxUrl}`);
    await new Promise(r => setTimeout(r, 200));
  }

  const settings = {
    DevelopmentClock__StartAt: CLOCK_START,
    Graph__UseSandbox: 'true',
    Graph__BaseUrl: `${sandboxUrl}/v1.0`,
    Graph__Mailbox: 'oscp.group@oldham.example',
    // The mailbox subscription is not under test here: Graph cannot validate this address.
    Graph__NotificationUrl: 'http://127.0.0.1:9/api/notifications',
    Graph__ClientStateSecret: 'sign-off-browser-test-secret',
    Timers__PollInterval: '00:00:01',
    ThresholdDecision__Panels__oldham__ChannelId: CHANNEL_ID,
    ThresholdDecision__DefaultPartnership: 'oldham',
  };
  people.forEach(([oid, name, role, partner, email], i) => {
    settings[`Partnership__People__${i}__AadObjectId`] = oid;
    settings[`Partnership__People__${i}__Name`] = name;
    settings[`Partnership__People__${i}__Role`] = role;
    settings[`Partnership__People__${i}__TenantId`] = TENANT;
    settings[`Partnership__People__${i}__Email`] = email;
    if (partner) settings[`Partnership__People__${i}__Partner`] = partner;
  });
  bot = await startBot({ settings });
  lolaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lola-playground-'));
  fs.writeFileSync(path.join(lolaDir, '.m365agentsplayground.yml'), LOLA_CONFIG);
  beaPlayground = await startPlayground(bot.port);
  lolaPlayground = await startPlayground(bot.port, { configDir: lolaDir });
  browser = await launchBrowser();
  beaPage = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  beaPage.on('websocket', ws => ws.on('framereceived', frame => {
    let data;
    try { data = JSON.parse(String(frame.payload)); } catch { return; }
    if (data.action === 'createMessage') created.push(data);
  }));
  await beaPage.goto(beaPlayground.url, { waitUntil: 'networkidle' });
  lolaPage = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  await lolaPage.goto(lolaPlayground.url, { waitUntil: 'networkidle' });
  // Both Playgrounds' pages are up (and listening for the bot's posts) before anyone speaks.
  await beaPage.locator(CHANNEL_BUTTON).waitFor({ timeout: 60000 });
  await lolaPage.locator('[contenteditable=true]').first().waitFor({ timeout: 60000 });
});

after(async () => {
  await browser?.close();
  await lolaPlayground?.stop();
  await beaPlayground?.stop();
  await bot?.stop();
  if (sandbox) stopProcess(sandbox);
  if (lolaDir) fs.rmSync(lolaDir, { recursive: true, force: true });
});

async function post(playground, pathname, body) {
  const response = await fetch(`${playground.url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  assert.equal(response.status, 200, `${pathname} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function waitFor(predicate, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = predicate();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

const messageText = message => JSON.stringify([message.message?.text ?? '', message.message?.attachments ?? []]);

function press(userId, conversationId, messageId, verb, data) {
  return post(beaPlayground, '_conversation/v1/invoke', {
    name: 'adaptiveCard/action', from: { id: userId }, conversation: { id: conversationId }, replyToId: messageId,
    value: { action: { type: 'Action.Execute', verb, data } },
  });
}

function say(text) {
  return post(beaPlayground, `_conversation/v1/conversations/${encodeURIComponent(BEA_CHAT)}/messages`, { type: 'text', text, textFormat: 'plain', from: { id: '29:user-bm' } });
}

// The story is bounded: a minute at most once both Playgrounds are up.
test('a statutory lead signs off on the card in her personal chat and the thread card\'s tally changes', { timeout: 60000 }, async () => {
  const started = Date.now();
  // The app is in the panel's channel; Bea opens a case and the three partners vote for a rapid review.
  const template = await fetch(`${beaPlayground.url}_internal/v1/customActivities/template?conversationId=${encodeURIComponent(CHANNEL_ID)}&type=install`);
  await post(beaPlayground, '_internal/v1/customActivities', JSON.parse(await template.text()));
  await say('refer');
  const form = await waitFor(() => created.find(m => messageText(m).includes('"verb":"refer"')), 'the refer form');
  const formId = form.message.attachments[0].content.actions[0].data.formId;
  const opened = await press('29:user-bm', BEA_CHAT, form.message.messageId, 'refer', {
    formId, partnership: 'oldham', referralKind: 'referral', receivedOn: '2026-11-23', receivedAt: '09:00',
    incidentCategory: 'Physical abuse', ageBand: 'Under 1', incidentDate: '2026-11-21',
    referringOrganisation: 'Hollybank Primary School', referrerEmail: 'referrer@school.example',
    childName: CHILD_NAME, childDateOfBirth: '2026-03-14', childAddress: '12 Example Street, Oldham',
  });
  const caseCode = JSON.stringify(opened).match(/RR-OLD-\d{4}-\d{4}/)[0];
  const thread = await waitFor(() => created.find(m => m.actionConversationId?.startsWith(CHANNEL_ID) && messageText(m).includes(caseCode)), 'the case thread');
  const threadId = thread.message.postConversationId ?? thread.actionConversationId;
  for (const userId of ['29:user-la', '29:user-police', '29:user-health']) {
    await press(userId, threadId, thread.message.messageId, 'vote', {
      caseCode, abuseOrNeglect: 'yes', deathOrSeriousHarm: 'yes', inArea: 'yes', notifiable: 'yes', outcome: 'rapid-review', rationale: 'Serious harm; abuse suspected.',
    });
  }

  // Bea has the draft generated; its card appears in the case's thread.
  await say(`report ${caseCode}`);
  await waitFor(() => created.find(m => messageText(m).includes('emailed version 1 of the draft')), 'the draft report answer');
  await waitFor(() => created.find(m => messageText(m).includes(`Rapid Review report for ${caseCode}: version 1`)), 'the report card in the thread');

  // Lola opens her chat with the bot, as anyone does once.
  const composer = lolaPage.locator('[contenteditable=true]').first();
  await composer.click();
  await lolaPage.keyboard.type('help');
  await lolaPage.keyboard.press('Enter');
  await lolaPage.locator('.ac-adaptiveCard').filter({ hasText: 'Commands' }).last().waitFor({ timeout: 20000 });

  // Bea asks for sign-off: the card goes to Lola's personal chat.
  await say(`sign-off ${caseCode}`);
  const sent = await waitFor(() => created.find(m => messageText(m).includes('I sent the sign-off card for version 1')), 'the sign-off answer');
  assert.match(messageText(sent), /Lola Adeyemi/);
  const card = lolaPage.locator('.ac-adaptiveCard').filter({ hasText: `Report version` }).filter({ hasText: caseCode }).last();
  await card.waitFor({ timeout: 20000 });
  await lolaPage.screenshot({ path: screenshotPath('sign-off-card'), fullPage: true });

  // Before: the thread card's tally waits for her.
  await beaPage.locator(CHANNEL_BUTTON).click();
  const reportCard = beaPage.locator('.ac-adaptiveCard').filter({ hasText: `Rapid Review report for ${caseCode}` }).last();
  await reportCard.waitFor({ timeout: 20000 });
  assert.doesNotMatch(await reportCard.innerText(), /Lola Adeyemi signed off/);

  // Lola presses "Sign off" on the card.
  await card.getByRole('button', { name: 'Sign off', exact: true }).click();
  await lolaPage.locator('.ac-adaptiveCard').filter({ hasText: 'Lola Adeyemi signed off' }).last().waitFor({ timeout: 20000 });

  // After: the report's card in the channel shows her answer in the tally, and never the child.
  await reportCard.getByText('Lola Adeyemi signed off', { exact: false }).waitFor({ timeout: 20000 });
  const tally = await reportCard.innerText();
  assert.match(tally, /Assistant Director for Safeguarding\/Quality Assurance/);
  assert.match(tally, /1 of 2 sign-offs so far/);
  assert.doesNotMatch(tally, new RegExp(CHILD_NAME));
  await reportCard.screenshot({ path: screenshotPath('sign-off-thread-tally') });
  console.log(`sign-off story took ${Date.now() - started} ms`);
});
