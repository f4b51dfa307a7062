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
});
