// The working-morning digest in the Agents Playground. The bot's clock starts two minutes before 8.30 am
// on Tuesday 24 November 2026 (London). Bea Manning, a business manager, opens a case by hand on
// Monday's referral from her personal chat; at 8.30 the digest card arrives in that chat by itself,
// listing the case's threshold decision as due today and the panel members it waits for.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startBot, startPlayground, launchBrowser, screenshotPath } = require('./stack');

const PERSONAL_CHAT = 'a:personal-chat-bm';
const TENANT = '11111111-1111-1111-1111-111111111111';
// Ids from the repository's .m365agentsplayground.yml (a fictional Oldham panel).
const people = [
  ['30000000-0000-0000-0000-000000000001', 'Bea Manning', 'BusinessManager', null],
  ['30000000-0000-0000-0000-000000000002', 'Lola Adeyemi', 'StatutoryLead', 'LocalAuthority'],
  ['30000000-0000-0000-0000-000000000003', 'Pat Okafor', 'StatutoryLead', 'Police'],
  ['30000000-0000-0000-0000-000000000004', 'Hana Brook', 'StatutoryLead', 'Health'],
];
// Two minutes before the digest's time: long enough for the stack to start and Bea to open her chat
// (a business manager without a personal chat with the bot at 8.30 cannot be sent one).
const CLOCK_START = '2026-11-24T08:28:00';

let bot; let playground; let browser; let page;
const created = [];

before(async () => {
  const settings = {
    DevelopmentClock__StartAt: CLOCK_START,
    Timers__PollInterval: '00:00:02',
    ThresholdDecision__Panels__oldham__ChannelId: '19:channel-panel@thread.tacv2',
    ThresholdDecision__DefaultPartnership: 'oldham',
  };
  people.forEach(([oid, name, role, partner], i) => {
    settings[`Partnership__People__${i}__AadObjectId`] = oid;
    settings[`Partnership__People__${i}__Name`] = name;
    settings[`Partnership__People__${i}__Role`] = role;
    settings[`Partnership__People__${i}__TenantId`] = TENANT;
    if (partner) settings[`Partnership__People__${i}__Partner`] = partner;
  });
  bot = await startBot({ settings });
  playground = await startPlayground(bot.port);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
  page.on('websocket', ws => ws.on('framereceived', frame => {
    let data;
    try { data = JSON.parse(String(frame.payload)); } catch { return; }
    if (data.action === 'createMessage') created.push(data);
  }));
  await page.goto(playground.url, { waitUntil: 'networkidle' });
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

test('the digest card arrives by itself in the business manager\'s personal chat at 8.30 with what is due', async () => {
  // The app is in the panel's channel; Bea opens a case from her personal chat on Monday's referral.
  const template = await fetch(`${playground.url}_internal/v1/customActivities/template?conversationId=${encodeURIComponent('19:channel-panel@thread.tacv2')}&type=install`);
  await post('_internal/v1/customActivities', JSON.parse(await template.text()));
  await post(`_conversation/v1/conversations/${encodeURIComponent(PERSONAL_CHAT)}/messages`, { type: 'text', text: 'refer', textFormat: 'plain', from: { id: '29:user-bm' } });
  const form = await waitFor(() => created.find(m => cardText(m).includes('"verb":"refer"')), 'the refer form', 60000);
  const formId = JSON.parse(cardText(form))[0].content.actions[0].data.formId;
  const opened = await post('_conversation/v1/invoke', {
    name: 'adaptiveCard/action',
    from: { id: '29:user-bm' },
    conversation: { id: PERSONAL_CHAT },
    replyToId: form.message.messageId,
    value: { action: { type: 'Action.Execute', verb: 'refer', data: {
      formId, partnership: 'oldham', referralKind: 'referral', receivedOn: '2026-11-23', receivedAt: '09:00',
      incidentCategory: 'Physical abuse', ageBand: 'Under 1', incidentDate: '2026-11-21',
      referringOrganisation: 'Hollybank Primary School', referrerEmail: 'referrer@school.example',
      childName: 'Amelia Testchild', childDateOfBirth: '2026-03-14', childAddress: '12 Example Street, Oldham',
    } } },
  });
  const caseCode = JSON.stringify(opened).match(/RR-OLD-\d{4}-\d{4}/)[0];

  // At 8.30 the digest comes without anyone asking.
  await waitFor(() => created.find(m => cardText(m).includes('Your working morning')), 'the digest from the bot', 240000);
  // Open Bea's personal chat, where it landed.
  await page.getByText('Personal Chat', { exact: true }).first().click();
  const digest = page.locator('.ac-adaptiveCard').filter({ hasText: 'Your working morning: Tuesday 24 November 2026' }).last();
  await digest.waitFor({ timeout: 20000 });
  await digest.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: screenshotPath('morning-digest'), fullPage: true });

  const text = await digest.innerText();
  assert.match(text, /Due today \(1\)/);
  assert.ok(text.includes(caseCode), `the digest names ${caseCode}; it reads:\n${text}`);
  assert.match(text, /Virtual Panel threshold decision: by 5 pm/);
  assert.match(text, /Decisions waiting \(1\)/);
  assert.match(text, /Lola Adeyemi/);
  assert.match(text, /Overdue \(0\)/);
  assert.doesNotMatch(text, /Amelia Testchild|Example Street/);
  // One digest message in Bea's chat (the Playground may push a message to more than one of its sockets).
  const sent = new Set(created.filter(m => cardText(m).includes('Your working morning')).map(m => m.message.messageId));
  assert.equal(sent.size, 1, 'one digest card for the day');
});
