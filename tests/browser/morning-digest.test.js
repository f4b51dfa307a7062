// The working-morning digest in the Agents Playground. The bot's clock starts two minutes before 8.30 am
// on Tuesday 24 November 2026 (London). Bea Manning, a business manager, opens a case by hand on
// Monday's referral from her personal chat; at 8.30 the digest card arrives in that chat by itself,
// listing the case's threshold decision as due today and the panel members it waits for.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startBot, startPlayground, launchBrowser, screenshotPath } = require('./stack');
const { CHANNEL_ID, panelSettings, watchConversation, cardText, playgroundClient, openCaseByReferForm, until } = require('./playground-panel');

// Two minutes before the digest's time: long enough for the stack to start and Bea to open her chat
// (a business manager without a personal chat with the bot at 8.30 cannot be sent one).
const CLOCK_START = '2026-11-24T08:28:00';

let bot; let playground; let browser; let page; let client;
let created = [];

before(async () => {
  const settings = {
    DevelopmentClock__StartAt: CLOCK_START,
    Timers__PollInterval: '00:00:02',
    ThresholdDecision__Panels__oldham__ChannelId: CHANNEL_ID,
    ThresholdDecision__DefaultPartnership: 'oldham',
    ...panelSettings(),
  };
  bot = await startBot({ settings });
  playground = await startPlayground(bot.port);
  client = playgroundClient(playground.url);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
  ({ created } = watchConversation(page));
  await page.goto(playground.url, { waitUntil: 'networkidle' });
});

after(async () => {
  await browser?.close();
  await playground?.stop();
  await bot?.stop();
});

const waitFor = (predicate, what, timeout = 20000) => until(what, predicate, timeout);

test('the digest card arrives by itself in the business manager\'s personal chat at 8.30 with what is due', async () => {
  // The app is in the panel's channel; Bea opens a case from her personal chat on Monday's referral.
  await client.installInChannel();
  const { caseCode } = await openCaseByReferForm(client, { created });

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
