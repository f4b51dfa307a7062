// The threshold decision in the Agents Playground's channel view. Bea Manning, the business
// manager, opens a case with the refer form; the bot starts the case's thread in the "Rapid Review
// Panel" channel. Lola (local authority), Pat (police) and Hana (health) each vote as themselves
// (the Playground sends their invoke with their own ids); after each vote the shared card in the
// channel shows the new tally, and after the third it shows the decision. Bea, who holds no seat,
// opens the referral's details: they appear in her own view only.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startBot, startPlayground, launchBrowser, screenshotPath } = require('./stack');

const CHANNEL_ID = '19:channel-panel@thread.tacv2';
const CHANNEL_BUTTON = 'button[aria-label="Oldham Safeguarding Children Partnership - Rapid Review Panel"]';
const PERSONAL_CHAT = 'a:personal-chat-bm';
const TENANT = '11111111-1111-1111-1111-111111111111';
const CHILD_NAME = 'Amelia Testchild';

// Ids from the repository's .m365agentsplayground.yml (a fictional Oldham panel).
const people = [
  ['30000000-0000-0000-0000-000000000001', 'Bea Manning', 'BusinessManager', null],
  ['30000000-0000-0000-0000-000000000002', 'Lola Adeyemi', 'StatutoryLead', 'LocalAuthority'],
  ['30000000-0000-0000-0000-000000000003', 'Pat Okafor', 'StatutoryLead', 'Police'],
  ['30000000-0000-0000-0000-000000000004', 'Hana Brook', 'StatutoryLead', 'Health'],
];
// The bot's clock starts on Monday 23 November 2026 at 9.30 am (London) and runs on from there, so the
// referral received that morning is inside its decision window whatever day the test runs on.
const CLOCK_START = '2026-11-23T09:30';
const settings = { DevelopmentClock__StartAt: CLOCK_START, Graph__UseSandbox: 'true', ThresholdDecision__Panels__oldham__ChannelId: CHANNEL_ID, ThresholdDecision__DefaultPartnership: 'oldham' };
people.forEach(([oid, name, role, partner], i) => {
  settings[`Partnership__People__${i}__AadObjectId`] = oid;
  settings[`Partnership__People__${i}__Name`] = name;
  settings[`Partnership__People__${i}__Role`] = role;
  settings[`Partnership__People__${i}__TenantId`] = TENANT;
  if (partner) settings[`Partnership__People__${i}__Partner`] = partner;
});

let bot; let playground; let browser; let page;
const created = [];
const edits = [];

before(async () => {
  // A fixed port when asked (DECISION_BOT_PORT), else a free one.
  bot = await startBot({ botPort: process.env.DECISION_BOT_PORT ? Number(process.env.DECISION_BOT_PORT) : undefined, settings });
  playground = await startPlayground(bot.port);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  // The Playground pushes the bot's posts and its edits of a message over this socket.
  page.on('websocket', ws => ws.on('framereceived', frame => {
    let data;
    try { data = JSON.parse(String(frame.payload)); } catch { return; }
    if (data.action === 'createMessage') created.push(data);
    if (data.action === 'updateMessage') edits.push(data);
  }));
  await page.goto(playground.url, { waitUntil: 'networkidle' });
});

test('the bot says at start-up that its clock starts on the test\'s Monday, not at the real time', () => {
  assert.match(bot.log(), /DEVELOPMENT CLOCK: the bot's clock started at Monday 23 November 2026, 9\.30 am/);
});

after(async () => {
  await browser?.close();
  await playground?.stop();
  await bot?.stop();
});

async function post(pathname, body) {
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
    await page.waitForTimeout(100);
  }
}

const cardText = message => JSON.stringify(message.message?.attachments ?? []);

/** Someone presses a button on a card: the Playground sends the bot an invoke from that person. */
function press(userId, conversationId, messageId, verb, data) {
  return post('_conversation/v1/invoke', {
    name: 'adaptiveCard/action',
    from: { id: userId },
    conversation: { id: conversationId },
    replyToId: messageId,
    value: { action: { type: 'Action.Execute', verb, data } },
  });
}

function threadCard() {
  return page.locator('.ac-adaptiveCard').filter({ hasText: 'RR-OLD-' }).first();
}

test('three members vote in the channel view, the tally updates after each vote and the decision card appears', async () => {
  // The app is added to the team's channel (Teams' installationUpdate), and Bea opens the channel.
  const template = await fetch(`${playground.url}_internal/v1/customActivities/template?conversationId=${encodeURIComponent(CHANNEL_ID)}&type=install`);
  await post('_internal/v1/customActivities', JSON.parse(await template.text()));
  await page.locator(CHANNEL_BUTTON).click();
  await page.waitForTimeout(500);

  // Bea types refer in her personal chat and submits the form.
  await post(`_conversation/v1/conversations/${encodeURIComponent(PERSONAL_CHAT)}/messages`, { type: 'text', text: 'refer', textFormat: 'plain', from: { id: '29:user-bm' } });
  const form = await waitFor(() => created.find(m => cardText(m).includes('"verb":"refer"')), 'the refer form');
  const formId = JSON.parse(cardText(form))[0].content.actions[0].data.formId;
  const opened = await press('29:user-bm', PERSONAL_CHAT, form.message.messageId, 'refer', {
    formId, partnership: 'oldham', referralKind: 'referral', receivedOn: '2026-11-23', receivedAt: '09:00',
    incidentCategory: 'Physical abuse', ageBand: 'Under 1', incidentDate: '2026-11-21',
    referringOrganisation: 'Hollybank Primary School', referrerEmail: 'referrer@school.example',
    childName: CHILD_NAME, childDateOfBirth: '2026-03-14', childAddress: '12 Example Street, Oldham',
  });
  const caseCode = JSON.stringify(opened).match(/RR-OLD-\d{4}-\d{4}/)[0];

  // The case's thread appears in the channel view.
  const thread = await waitFor(() => created.find(m => m.actionConversationId?.startsWith(CHANNEL_ID) && cardText(m).includes(caseCode)), 'the case thread in the channel');
  // Replies and card actions in a channel thread use the thread's conversation id.
  const threadId = thread.message.postConversationId ?? thread.actionConversationId;
  const messageId = thread.message.messageId;
  await threadCard().waitFor({ timeout: 10000 });
  await threadCard().getByText('Votes: 0 of 3 seats', { exact: false }).waitFor({ timeout: 10000 });
  await page.screenshot({ path: screenshotPath('threshold-decision-thread'), fullPage: true });
  const posted = await threadCard().innerText();
  assert.match(posted, /Physical abuse/);
  // Not one of the playground's agencies: the card does not repeat what was typed.
  assert.match(posted, /not in the agency directory/);
  assert.doesNotMatch(posted, new RegExp(CHILD_NAME));

  const voters = [
    ['29:user-la', 'Lola Adeyemi', 'Serious harm; the explanation does not fit the injury.'],
    ['29:user-police', 'Pat Okafor', 'Police investigation opened for suspected abuse.'],
    ['29:user-health', 'Hana Brook', 'Missed health appointments suggest neglect.'],
  ];
  const timings = [];
  for (const [index, [userId, name, rationale]] of voters.entries()) {
    // Each member's client fetches their own vote card; they answer and vote.
    const mine = await press(userId, threadId, messageId, 'refresh', { caseCode });
    assert.match(JSON.stringify(mine), /Is abuse or neglect known or suspected\?/);
    const started = Date.now();
    const answer = await press(userId, threadId, messageId, 'vote', {
      caseCode, abuseOrNeglect: 'yes', deathOrSeriousHarm: 'yes', inArea: 'yes', notifiable: 'yes', outcome: 'rapid-review', rationale,
    });
    timings.push(Date.now() - started);
    assert.equal(answer.statusCode ?? 200, 200);

    if (index < voters.length - 1) {
      // The shared card in the channel now shows the tally and who has voted (not how).
      await threadCard().getByText(`Votes: ${index + 1} of 3 seats`, { exact: false }).waitFor({ timeout: 10000 });
      assert.match(await threadCard().innerText(), new RegExp(`voted, by ${name}`));
      await page.screenshot({ path: screenshotPath(`threshold-decision-tally-${index + 1}`), fullPage: true });
    }
  }

  await threadCard().getByText('Decision: Progression to Rapid Review', { exact: false }).waitFor({ timeout: 10000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath('threshold-decision-decided'), fullPage: true });
  const decided = await threadCard().innerText();
  assert.match(decided, /Police investigation opened for suspected abuse\./);
  assert.match(decided, /Record National Panel notified/);
  assert.ok(edits.length >= 3, `the shared card was edited ${edits.length} times`);
  // Speed is measured by bench/, not asserted here: a loaded machine must not fail a correct vote.
  console.log(`votes answered in ${timings.join(', ')} ms`);
});

test('the business manager opens the referral details in a view only she sees', async () => {
  const card = threadCard();
  await card.getByRole('button', { name: 'View referral details' }).click();
  await card.getByText(CHILD_NAME, { exact: false }).waitFor({ timeout: 10000 });
  assert.match(await card.innerText(), /Only you can see this view, Bea Manning/);
  await page.screenshot({ path: screenshotPath('threshold-decision-referral-details'), fullPage: true });
  // Nothing the bot sent to the channel carries the child's name.
  const channelTraffic = JSON.stringify([...created, ...edits].filter(m => (m.actionConversationId ?? '').startsWith(CHANNEL_ID)));
  assert.doesNotMatch(channelTraffic, new RegExp(CHILD_NAME));
});
