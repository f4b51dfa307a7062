// The case board tab in headless Chromium on the local stack (development mode: the page is drawn on
// the server for the person named with ?as=, loopback only). Under a fixed clock (Thursday 14 January
// 2027, 10 am) Bea Manning, the business manager, opens twelve cases across three partnerships with the
// refer form's action (two Gloucestershire Serious Incident Notifications go straight to Rapid Review)
// and moves one deadline; the board then shows each case's row, today's line and overdue marks with
// their accessible names, the keyboard reaches a mark, a case opens on its timetable, and someone the
// partnership does not list is refused.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { startBot, launchBrowser, screenshotPath, freePort } = require('./stack');

const TENANT = '11111111-1111-1111-1111-111111111111';
const BEA = '30000000-0000-0000-0000-000000000001';
const PAT = '30000000-0000-0000-0000-000000000003';
const STRANGER = '30000000-0000-0000-0000-000000000099';
const CLOCK_START = '2027-01-14T10:00';
const settings = { DevelopmentClock__StartAt: CLOCK_START };
[[BEA, 'Bea Manning', 'BusinessManager', null], [PAT, 'Pat Okafor', 'StatutoryLead', 'Police']].forEach(([oid, name, role, partner], i) => {
  settings[`Partnership__People__${i}__AadObjectId`] = oid;
  settings[`Partnership__People__${i}__Name`] = name;
  settings[`Partnership__People__${i}__Role`] = role;
  settings[`Partnership__People__${i}__TenantId`] = TENANT;
  if (partner) settings[`Partnership__People__${i}__Partner`] = partner;
});

// Twelve referrals: [partnership, what arrived, date received].
const referrals = [
  ['oldham', 'referral', '2026-12-21'], ['oldham', 'referral', '2026-12-30'], ['oldham', 'referral', '2027-01-07'], ['oldham', 'referral', '2027-01-13'],
  ['salford', 'referral', '2026-12-22'], ['salford', 'referral', '2027-01-04'], ['salford', 'referral', '2027-01-11'], ['salford', 'referral', '2027-01-14'],
  ['gloucestershire', 'serious-incident-notification', '2027-01-05'], ['gloucestershire', 'serious-incident-notification', '2027-01-12'],
  ['gloucestershire', 'referral', '2027-01-08'], ['gloucestershire', 'referral', '2027-01-13'],
];

let bot; let connector; let browser; let page;
const codes = [];

/** Stands in for the Bot Connector the bot answers through: every call is accepted. */
async function startConnector() {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(JSON.stringify({ id: 'activity-1' })); });
  });
  await new Promise(resolve => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise(resolve => server.close(resolve)) };
}

async function post(activity) {
  const response = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return text;
}

function fromBea(extra) {
  return {
    id: 'a' + Math.random().toString(36).slice(2, 10), serviceUrl: connector.url, channelId: 'msteams',
    from: { id: '29:user-bea', name: 'Bea Manning', aadObjectId: BEA },
    recipient: { id: '28:22222222-2222-2222-2222-222222222222', name: 'TeamsReviewBot' },
    conversation: { id: 'a:personal-chat-bea', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

before(async () => {
  connector = await startConnector();
  bot = await startBot({ settings });
  for (const [i, [partnership, kind, receivedOn]] of referrals.entries()) {
    const data = {
      formId: `board-form-${i}`, partnership, referralKind: kind, receivedOn, receivedAt: '09:30',
      incidentCategory: 'Death', ageBand: '5 to 10', incidentDate: '2026-12-01',
      referringOrganisation: 'Children\'s Social Care', referrerEmail: 'referrer@example.org',
      childName: 'Amelia Boardchild', childDateOfBirth: '2018-03-04', childAddress: '1 Test Street',
    };
    const body = await post(fromBea({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'refer', data } } }));
    const code = (body.match(/RR-[A-Z]+-\d{4}-\d+/) || [])[0];
    assert.ok(code, `the refer action opened no case: ${body}`);
    codes.push(code);
  }
  await post(fromBea({ type: 'message', text: `move ${codes[3]} decision 2027-01-19 the panel asked for the school's report first` }));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
});

after(async () => {
  if (browser) await browser.close();
  if (bot) await bot.stop();
  if (connector) await connector.close();
});

test('the board shows a row for each of the twelve cases, today\'s line and overdue marks, with their accessible names', async () => {
  const response = await page.goto(`http://127.0.0.1:${bot.port}/board?as=${BEA}`, { waitUntil: 'load' });
  assert.equal(response.status(), 200);
  await page.screenshot({ path: screenshotPath('case-board'), fullPage: true });

  const rows = await page.locator('g.case-row').evaluateAll(gs => gs.map(g => ({ code: g.dataset.case, name: g.getAttribute('aria-label'), role: g.getAttribute('role') })));
  assert.deepEqual(rows.map(r => r.code).sort(), [...codes].sort());
  for (const row of rows) {
    assert.equal(row.role, 'listitem');
    assert.match(row.name, new RegExp(`^${row.code}, (Oldham|Salford|Gloucestershire)[^,]*, .+, (Day 0|working day 1) `));
  }
  assert.equal(await page.locator('#today').getAttribute('aria-label'), 'Today, Thursday 14 January 2027');
  assert.equal(await page.locator('#today').getAttribute('data-date'), '2027-01-14');

  // The Oldham referral of 21 December had its decision due on Day 1: long overdue by now.
  const overdue = page.locator(`g[data-case="${codes[0]}"] g.mark-overdue[data-key="decision"]`);
  assert.match(await overdue.getAttribute('aria-label'), new RegExp(`^${codes[0]}: Virtual Panel threshold decision, overdue since `));
  assert.equal(await overdue.locator('title').textContent(), await overdue.getAttribute('aria-label'));
  // The moved decision is drawn at its new date with the original ghosted.
  assert.equal(await page.locator(`g[data-case="${codes[3]}"] g.mark[data-key="decision"]`).getAttribute('data-date'), '2027-01-19');
  assert.match(await page.locator(`g[data-case="${codes[3]}"] g.ghost`).getAttribute('aria-label'), /was originally due Thursday 14 January 2027/);
  // No child's details anywhere on the page.
  assert.doesNotMatch(await page.content(), /Amelia|Boardchild|Test Street/);
});

test('the keyboard reaches a deadline mark and its name is what a screen reader reads', async () => {
  await page.goto(`http://127.0.0.1:${bot.port}/board?as=${BEA}`, { waitUntil: 'load' });
  let focused = null;
  for (let i = 0; i < 80 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el && el.classList && el.classList.contains('mark') ? { label: el.getAttribute('aria-label'), role: el.getAttribute('role') } : null;
    });
  }
  assert.ok(focused, 'Tab never reached a deadline mark');
  assert.equal(focused.role, 'img');
  assert.match(focused.label, /^RR-[A-Z]+-\d{4}-\d+: .+, (done|overdue since|due) .+\((Day|working day) \d+\)/);
});

test('a case opens on its timetable and audit trail', async () => {
  await page.goto(`http://127.0.0.1:${bot.port}/board?as=${BEA}`, { waitUntil: 'load' });
  await page.locator(`g[data-case="${codes[3]}"] a.case-link`).click();
  await page.waitForURL(/\/board\/case\//);
  assert.equal(await page.locator('h1').textContent(), codes[3]);
  assert.match(await page.locator('table.timetable').textContent(), /Virtual Panel threshold decision/);
  assert.match(await page.locator('ol.trail').textContent(), /moved 'Virtual Panel threshold decision'/);
});

test('the filters work as a plain form: Salford only', async () => {
  await page.goto(`http://127.0.0.1:${bot.port}/board?as=${BEA}`, { waitUntil: 'load' });
  await page.selectOption('select[name="partnership"]', 'salford');
  await page.click('button[type="submit"]');
  await page.waitForURL(/partnership=salford/);
  const shown = await page.locator('g.case-row').evaluateAll(gs => gs.map(g => g.dataset.case));
  assert.deepEqual(shown.sort(), codes.filter(c => c.startsWith('RR-SAL-')).sort());
});

test('someone the partnership does not list is refused; a panel member sees the cases put to the panel', async () => {
  const refused = await page.goto(`http://127.0.0.1:${bot.port}/board?as=${STRANGER}`, { waitUntil: 'load' });
  assert.equal(refused.status(), 403);
  assert.match(await page.locator('p.problem').textContent(), /Only the partnership's panel members and business managers can see the case board/);
  assert.equal(await page.locator('g.case-row').count(), 0);

  await page.goto(`http://127.0.0.1:${bot.port}/board?as=${PAT}`, { waitUntil: 'load' });
  // The refer form puts every case to the panel, so the police lead sees all twelve, none still at referral.
  const stages = await page.locator('g.case-row').evaluateAll(gs => gs.map(g => g.dataset.stage));
  assert.equal(stages.length, codes.length);
  assert.ok(stages.every(s => s !== 'Referred'), `the police lead sees a case still at referral: ${stages}`);
});
