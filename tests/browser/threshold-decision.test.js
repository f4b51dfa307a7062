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
const { CHANNEL_ID, CHANNEL_BUTTON, panelSettings, watchConversation, playgroundClient, openCaseByReferForm } = require('./playground-panel');

const CHILD_NAME = 'Amelia Testchild';

// The bot's clock starts on Monday 23 November 2026 at 9.30 am (London) and runs on from there, so the
// referral received that morning is inside its decision window whatever day the test runs on.
const CLOCK_START = '2026-11-23T09:30';
const settings = { DevelopmentClock__StartAt: CLOCK_START, Graph__UseSandbox: 'true', ThresholdDecision__Panels__oldham__ChannelId: CHANNEL_ID, ThresholdDecision__DefaultPartnership: 'oldham', ...panelSettings() };

let bot; let playground; let browser; let page; let client;
let created = [];
let edits = [];

before(async () => {
  // A fixed port when asked (DECISION_BOT_PORT), else a free one.
  bot = await startBot({ botPort: process.env.DECISION_BOT_PORT ? Number(process.env.DECISION_BOT_PORT) : undefined, settings });
  playground = await startPlayground(bot.port);
  client = playgroundClient(playground.url);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  // The Playground pushes the bot's posts and its edits of a message over this socket.
  ({ created, edits } = watchConversation(page));
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

const press = (...args) => client.press(...args);

function threadCard() {
  return page.locator('.ac-adaptiveCard').filter({ hasText: 'RR-OLD-' }).first();
}

test('three members vote in the channel view, the tally updates after each vote and the decision card appears', async () => {
  // The app is added to the team's channel (Teams' installationUpdate), and Bea opens the channel.
  await client.installInChannel();
  await page.locator(CHANNEL_BUTTON).click();
  await page.waitForTimeout(500);

  // Bea types refer in her personal chat and submits the form; the case's thread appears in the channel view.
  const { caseCode, threadId, messageId } = await openCaseByReferForm(client, { created, edits }, CHILD_NAME);
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
