// The Rapid Review meeting booked from the Agents Playground. The panel sends Bea Manning's referral to
// Rapid Review; Bea types "meeting ‹case›" in her personal chat, the card offers the best times from the
// invitees' calendars (in the Graph sandbox), she presses the first one, and the case's thread card in
// the "Rapid Review Panel" channel then shows the meeting's time and its Teams join link.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startBot, startPlayground, launchBrowser, screenshotPath, stopProcess } = require('./stack');
const { CHANNEL_ID, CHANNEL_BUTTON, OLDHAM_PANEL, panelSettings, startSandbox, watchConversation, cardText, playgroundClient, caseGoingToRapidReview } = require('./playground-panel');

const ORGANISER = 'rapid.reviews@oldham.example';
const people = OLDHAM_PANEL;
// The bot's clock starts on Monday 23 November 2026 at 9.30 am (London) and runs on from there.
const CLOCK_START = '2026-11-23T09:30';

let sandbox; let sandboxUrl; let bot; let playground; let browser; let page; let client; let seen;

before(async () => {
  ({ url: sandboxUrl, process: sandbox } = await startSandbox());
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
    ...panelSettings(people, { withEmail: true }),
  };
  bot = await startBot({ settings });
  playground = await startPlayground(bot.port);
  client = playgroundClient(playground.url);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  seen = watchConversation(page);
  await page.goto(playground.url, { waitUntil: 'networkidle' });
});

after(async () => {
  await browser?.close();
  await playground?.stop();
  await bot?.stop();
  await stopProcess(sandbox);
});

test('the business manager types meeting in her chat, picks a slot, and the thread card shows the meeting and its Teams link', async () => {
  const { caseCode } = await caseGoingToRapidReview(client, seen);
  const { edits } = seen;

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
