// A business manager opens the bot in personal chat, types "help" and sees the help card.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startBot, startPlayground, launchBrowser, screenshotPath } = require('./stack');

let bot; let playground; let browser;

before(async () => {
  bot = await startBot();
  playground = await startPlayground(bot.port);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await playground?.stop();
  await bot?.stop();
});

test('help in personal chat shows the help card with the commands', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(playground.url, { waitUntil: 'networkidle' });

  const composer = page.locator('[contenteditable=true]').first();
  await composer.click();
  await page.keyboard.type('help');
  await page.keyboard.press('Enter');

  const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'TeamsReviewBot' }).last();
  await card.waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: screenshotPath('help-card'), fullPage: true });

  const text = await card.innerText();
  assert.match(text, /Rapid Reviews/);
  assert.match(text, /Commands/);
  assert.match(text, /help/);
  assert.match(text, /never show a child's name/);

  // Every command with its placeholders, as Teams renders them (it drops anything in angle brackets).
  for (const usage of [
    'cases [closed|all] [‹partnership›]',
    'done ‹case code› ‹item› [‹note›]',
    'timetable ‹partnership› [‹Day 0 date and time›] | timetable ‹case code›',
    'put-to-panel ‹case code›',
    'notified ‹case code› ‹date›',
    'move ‹case code› ‹deadline› ‹date› [‹time›] ‹reason›',
    'requests ‹case code› [choose]',
    'agencies | agencies add ‹name› | ‹kind› | ‹lead email›[, more] | [deputy emails] | agencies remove ‹name›',
    'record ‹case code› consulted ‹what was concluded› | record ‹case code› aware ‹date›',
    'meeting ‹case code› [move ‹date› ‹time› ‹reason› | cancel ‹reason› | invite ‹email address› | outcome]',
    'report ‹case code›',
    'sign-off ‹case code›',
    'wt2018 ‹case code› [‹note›]',
    'submit ‹case code› [‹reason, if not signed off yet›]',
    'case ‹case code›',
    'assign ‹case code› ‹chair | author | lead reviewer | independent adviser› ‹person›',
    'lead ‹case code› ‹local authority›',
    'digest',
    'board [‹partnership›]',
    'export ‹case code›',
    'stats [‹from date›] [‹to date›]',
    'refer', 'mail', 'check-channels',
  ]) {
    assert.ok(text.includes(usage), `the help card shows "${usage}"; it reads:\n${text}`);
  }
  assert.doesNotMatch(text, /\[\]/, 'no placeholder was dropped to an empty []');
  // Submitting to the National Panel is listed with what it does.
  assert.match(text, /Emails the signed-off report with its covering letter from the partnership mailbox to the National Panel/);
});

test('in the panel channel, a mention picked from the list reaches the bot and it answers there', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  await page.goto(playground.url, { waitUntil: 'networkidle' });

  // What the README tells a newcomer: open the channel, type @, pick the bot, type help, Post.
  await page.locator('button[aria-label="Oldham Safeguarding Children Partnership - Rapid Review Panel"]').click();
  const composer = page.locator('[contenteditable=true]').first();
  await composer.click();
  await page.keyboard.type('@Teams');
  await page.getByText('TeamsReviewBot', { exact: true }).last().click();
  await page.keyboard.type(' help');
  await page.getByRole('button', { name: 'Post' }).click();

  const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Commands' }).last();
  await card.waitFor({ timeout: 20000 });
  await page.screenshot({ path: screenshotPath('help-in-channel'), fullPage: true });
  assert.match(await card.innerText(), /put-to-panel ‹case code›/);
});
