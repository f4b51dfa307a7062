// The Rapid Review meeting booked from the Agents Playground. The panel sends Bea Manning's referral to
// Rapid Review; Bea types "meeting ‹case›" in her personal chat, the card offers the best times from the
// invitees' calendars (in the Graph sandbox), she presses the first one, and the case's thread card in
// the "Rapid Review Panel" channel then shows the meeting's time and its Teams join link.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startBot, startPlayground, launchBrowser, screenshotPath, stopProcess, freePort, root } = require('./stack');

const CHANNEL_ID = '19:channel-panel@thread.tacv2';
const CHANNEL_BUTTON = 'button[aria-label="Oldham Safeguarding Children Partnership - Rapid Review Panel"]';
const PERSONAL_CHAT = 'a:personal-chat-bm';
const TENANT = '11111111-1111-1111-1111-111111111111';
const ORGANISER = 'rapid.reviews@oldham.example';

// Ids from the repository's .m365agentsplayground.yml (a fictional Oldham panel), with work addresses.
const people = [
  ['30000000-0000-0000-0000-000000000001', 'Bea Manning', 'BusinessManager', null, 'bea.manning@oldham.example'],
  ['30000000-0000-0000-0000-000000000002', 'Lola Adeyemi', 'StatutoryLead', 'LocalAuthority', 'lola.adeyemi@oldham.example'],
  ['30000000-0000-0000-0000-000000000003', 'Pat Okafor', 'StatutoryLead', 'Police', 'pat.okafor@police.example'],
  ['30000000-0000-0000-0000-000000000004', 'Hana Brook', 'StatutoryLead', 'Health', 'hana.brook@nhs.example'],
];
// The bot's clock starts on Monday 23 November 2026 at 9.30 am (London) and runs on from there.
const CLOCK_START = '2026-11-23T09:30';

let sandbox; let sandboxUrl; let bot; let playground; let browser; let page;
const created = [];
const edits = [];

async function waitForSandbox(timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try { if ((await fetch(`${sandboxUrl}/sandbox/faults`)).ok) return; } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`the Graph sandbox did not answer at ${sandboxUrl}`);
}

before(async () => {
  sandboxUrl = `http://127.0.0.1:${await freePort()}`;
  sandbox = spawn('dotnet', [path.join(root, 'tests', 'GraphSandbox', 'bin', 'Debug', 'net10.0', 'GraphSandbox.dll'), '--urls', sandboxUrl], { stdio: 'ignore' });
  await waitForSandbox();
  // Everyone invited is in the tenant with a free calendar (anyone never set would be "availability unknown").
  for (const [, , , , email] of people) {
    const response = await fetch(`${sandboxUrl}/sandbox/calendars/${email}/busy`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '[]' });
    assert.ok(response.ok, `the sandbox took ${email}'s calendar`);
  }

  const settings = {
    DevelopmentClock__StartAt: CLOCK_START,
    Graph__UseSandbox: 'true',
    Graph__BaseUrl: `${sandboxUrl}/v1.0`,
    Meeting__Organiser: ORGANISER,
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
  playground = await startPlayground(bot.port);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  page.on('websocket', ws => ws.on('framereceived', frame => {
    let data;
    try { data = JSON.parse(String(frame.payload)); } catch { return; }
    if (data.action === 'createMessage') created.push(data);
    if (data.action === 'updateMessage') edits.push(data);
  }));
  await page.goto(playground.url, { waitUntil: 'networkidle' });
});

after(async () => {
  await browser?.close();
  await playground?.stop();
  await bot?.stop();
  await stopProcess(sandbox);
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

function press(userId, conversationId, messageId, verb, data) {
  return post('_conversation/v1/invoke', {
    name: 'adaptiveCard/action',
    from: { id: userId },
    conversation: { id: conversationId },
    replyToId: messageId,
    value: { action: { type: 'Action.Execute', verb, data } },
  });
}

/** Bea's referral, sent to Rapid Review by the three statutory leads (their votes are the decision test's subject). */
async function caseGoingToRapidReview() {
  const template = await fetch(`${playground.url}_internal/v1/customActivities/template?conversationId=${encodeURIComponent(CHANNEL_ID)}&type=install`);
  await post('_internal/v1/customActivities', JSON.parse(await template.text()));
  await post(`_conversation/v1/conversations/${encodeURIComponent(PERSONAL_CHAT)}/messages`, { type: 'text', text: 'refer', textFormat: 'plain', from: { id: '29:user-bm' } });
  const form = await waitFor(() => created.find(m => cardText(m).includes('"verb":"refer"')), 'the refer form');
  const formId = JSON.parse(cardText(form))[0].content.actions[0].data.formId;
  const opened = await press('29:user-bm', PERSONAL_CHAT, form.message.messageId, 'refer', {
    formId, partnership: 'oldham', referralKind: 'referral', receivedOn: '2026-11-23', receivedAt: '09:00',
    incidentCategory: 'Physical abuse', ageBand: 'Under 1', incidentDate: '2026-11-21',
    referringOrganisation: 'Hollybank Primary School', referrerEmail: 'referrer@school.example',
    childName: 'Amelia Testchild', childDateOfBirth: '2026-03-14', childAddress: '12 Example Street, Oldham',
  });
  const caseCode = JSON.stringify(opened).match(/RR-OLD-\d{4}-\d{4}/)[0];
  const thread = await waitFor(() => created.find(m => m.actionConversationId?.startsWith(CHANNEL_ID) && cardText(m).includes(caseCode)), 'the case thread in the channel');
  const threadId = thread.message.postConversationId ?? thread.actionConversationId;
  for (const userId of ['29:user-la', '29:user-police', '29:user-health']) {
    await press(userId, threadId, thread.message.messageId, 'vote', {
      caseCode, abuseOrNeglect: 'yes', deathOrSeriousHarm: 'yes', inArea: 'yes', notifiable: 'yes', outcome: 'rapid-review', rationale: 'Serious harm; neglect suspected.',
    });
  }
  await waitFor(() => edits.some(e => cardText(e).includes(caseCode) && cardText(e).includes('Decision: Progression to Rapid Review')), 'the decision on the thread card');
  return caseCode;
}

test('the business manager types meeting in her chat, picks a slot, and the thread card shows the meeting and its Teams link', async () => {
  const caseCode = await caseGoingToRapidReview();

  // Bea, in her personal chat, asks for the meeting.
  const composer = page.locator('[contenteditable=true]').first();
  await composer.click();
  await page.keyboard.type(`meeting ${caseCode}`);
  await page.keyboard.press('Enter');
  const slots = page.locator('.ac-adaptiveCard').filter({ hasText: `Rapid Review meeting – ${caseCode}` }).last();
  await slots.waitFor({ timeout: 30000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath('meeting-slots'), fullPage: true });
  const offered = await slots.innerText();
  assert.match(offered, /every statutory partner has someone free/);
  assert.doesNotMatch(offered, /Amelia Testchild/);

  // She presses the first (best) time.
  const first = slots.getByRole('button', { name: /^Book / }).first();
  const label = (await first.innerText()).replace(/^Book /, '').trim();
  await first.click();
  await page.locator('.ac-adaptiveCard').filter({ hasText: `Meeting booked – ${caseCode}` }).last().waitFor({ timeout: 30000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath('meeting-booked'), fullPage: true });

  // One Teams meeting in the organiser's calendar, at the time she picked.
  const events = await (await fetch(`${sandboxUrl}/sandbox/calendars/${ORGANISER}/events`)).json();
  assert.equal(events.length, 1);
  const joinUrl = events[0].joinUrl;
  assert.ok(joinUrl, 'the event has a Teams join link');
  assert.deepEqual([...events[0].attendees].sort(), people.map(p => p[4]).sort());

  // The channel's thread card shows the time and a button with the same join link.
  await page.locator(CHANNEL_BUTTON).click();
  const threadCard = page.locator('.ac-adaptiveCard').filter({ hasText: caseCode }).first();
  // The card renderer gives an Action.OpenUrl the role of a link.
  const join = threadCard.getByRole('link', { name: 'Join the meeting' });
  await join.waitFor({ timeout: 20000 });
  await join.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath('meeting-on-thread-card'), fullPage: true });
  const shown = await threadCard.innerText();
  assert.ok(shown.includes(`${label} (UK time)`), `the thread card shows "${label} (UK time)"; it reads:\n${shown}`);
  assert.match(shown, /Microsoft Teams/);
  const lastEdit = edits.filter(e => (e.actionConversationId ?? '').startsWith(CHANNEL_ID) && cardText(e).includes(caseCode)).at(-1);
  assert.ok(cardText(lastEdit).includes(joinUrl), 'the thread card\'s join button opens the event\'s join link');
  assert.doesNotMatch(JSON.stringify(edits.filter(e => (e.actionConversationId ?? '').startsWith(CHANNEL_ID))), /Amelia Testchild/);
});
