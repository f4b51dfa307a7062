// "stats" in the Agents Playground's personal chat: Bea Manning, the business manager, asks for
// November's figures after three referrals, none yet decided, and sees the card with the chart the
// bot drew; the picture has loaded (natural width above 0) and its alternative text gives the
// deadline it charts: the two referrals older than a working day missed their Day 1 decision.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { startBot, startPlayground, launchBrowser, screenshotPath, freePort } = require('./stack');

const TENANT = '11111111-1111-1111-1111-111111111111';
// Ids from the repository's .m365agentsplayground.yml (a fictional Oldham panel); Bea is its current user.
const people = [
  ['29:user-bm', '30000000-0000-0000-0000-000000000001', 'Bea Manning', 'BusinessManager', null],
  ['29:user-la', '30000000-0000-0000-0000-000000000002', 'Lola Adeyemi', 'StatutoryLead', 'LocalAuthority'],
];
const settings = { DevelopmentClock__StartAt: '2026-11-30T10:00' };
people.forEach(([, oid, name, role, partner], i) => {
  settings[`Partnership__People__${i}__AadObjectId`] = oid;
  settings[`Partnership__People__${i}__Name`] = name;
  settings[`Partnership__People__${i}__Role`] = role;
  settings[`Partnership__People__${i}__TenantId`] = TENANT;
  if (partner) settings[`Partnership__People__${i}__Partner`] = partner;
});

let bot; let connector; let playground; let browser;

/** Stands in for the Bot Connector while the cases are set up: every call is accepted. */
async function startConnector() {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(JSON.stringify({ id: 'activity-1' })); });
  });
  await new Promise(resolve => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise(resolve => server.close(resolve)) };
}

async function invoke([teamsId, oid, name], verb, data) {
  const response = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke', name: 'adaptiveCard/action', id: 'a' + Math.random().toString(36).slice(2, 10),
      serviceUrl: connector.url, channelId: 'msteams',
      from: { id: teamsId, name, aadObjectId: oid },
      recipient: { id: '28:22222222-2222-2222-2222-222222222222', name: 'TeamsReviewBot' },
      conversation: { id: `a:setup-${teamsId}`, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      value: { action: { type: 'Action.Execute', verb, data } },
    }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return text;
}

before(async () => {
  connector = await startConnector();
  bot = await startBot({ settings });
  const codes = [];
  for (const [i, receivedOn] of ['2026-11-23', '2026-11-25', '2026-11-30'].entries()) {
    const body = await invoke(people[0], 'refer', {
      formId: `stats-form-${i}`, partnership: 'oldham', referralKind: 'referral', receivedOn, receivedAt: '09:00',
      incidentCategory: i === 1 ? 'Neglect' : 'Physical abuse', ageBand: 'Under 1', incidentDate: '2026-11-20',
      referringOrganisation: 'Hollybank Primary School', referrerEmail: 'referrer@school.example',
      childName: 'Amelia Statschild', childDateOfBirth: '2026-03-14', childAddress: '12 Example Street, Oldham',
    });
    codes.push((body.match(/RR-OLD-\d{4}-\d+/) || [])[0]);
  }
  assert.ok(codes.every(Boolean), `the refer form opened three cases: ${codes}`);
  await connector.close();
  connector = null;
  playground = await startPlayground(bot.port);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await playground?.stop();
  await bot?.stop();
  await connector?.close();
});

test('stats in personal chat shows the figures card with the chart image loaded', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
  await page.goto(playground.url, { waitUntil: 'networkidle' });

  const composer = page.locator('[contenteditable=true]').first();
  await composer.click();
  await page.keyboard.type('stats 2026-11-01 2026-11-30');
  await page.keyboard.press('Enter');

  const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Rapid Review statistics' }).last();
  await card.waitFor({ timeout: 30000 });
  const chart = card.locator('img[src^="data:image/png;base64,"]').first();
  await chart.waitFor({ timeout: 10000 });
  await page.waitForFunction(img => img.complete && img.naturalWidth > 0, await chart.elementHandle(), { timeout: 10000 });
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('stats-card'), fullPage: true });

  const size = await chart.evaluate(img => ({ width: img.naturalWidth, height: img.naturalHeight, shown: img.getBoundingClientRect().width }));
  assert.equal(size.width, 640, 'the chart is drawn 640 pixels wide');
  assert.ok(size.height > 0 && size.shown > 0, `the chart is visible: ${JSON.stringify(size)}`);
  assert.match(await chart.getAttribute('alt'), /Virtual Panel threshold decision: 0 of 2 met \(0%\)/);

  const text = await card.innerText();
  assert.match(text, /3 referrals received Sunday 1 November 2026 to Monday 30 November 2026/);
  assert.match(text, /Not yet decided/);
  assert.match(text, /Neglect/);
  assert.match(text, /Hollybank Primary School/);
  assert.doesNotMatch(text, /Amelia Statschild/);
});
