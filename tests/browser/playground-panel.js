// What the browser tests of the Oldham panel share: the fictional panel of the repository's
// .m365agentsplayground.yml, its settings for the bot, a Graph sandbox process, and the few ways a
// test talks to the Agents Playground (post an activity, press a card button, watch the bot's posts).
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { freePort, root } = require('./stack');

const CHANNEL_ID = '19:channel-panel@thread.tacv2';
const CHANNEL_BUTTON = 'button[aria-label="Oldham Safeguarding Children Partnership - Rapid Review Panel"]';
const PERSONAL_CHAT = 'a:personal-chat-bm';
const TENANT = '11111111-1111-1111-1111-111111111111';

// Ids from the repository's .m365agentsplayground.yml, with work addresses for calendars and mail.
const OLDHAM_PANEL = [
  ['30000000-0000-0000-0000-000000000001', 'Bea Manning', 'BusinessManager', null, 'bea.manning@oldham.example'],
  ['30000000-0000-0000-0000-000000000002', 'Lola Adeyemi', 'StatutoryLead', 'LocalAuthority', 'lola.adeyemi@oldham.example'],
  ['30000000-0000-0000-0000-000000000003', 'Pat Okafor', 'StatutoryLead', 'Police', 'pat.okafor@police.example'],
  ['30000000-0000-0000-0000-000000000004', 'Hana Brook', 'StatutoryLead', 'Health', 'hana.brook@nhs.example'],
];

/** The bot's settings naming each person of the panel (with their address when `withEmail`). */
function panelSettings(people = OLDHAM_PANEL, { withEmail = false } = {}) {
  const settings = {};
  people.forEach(([oid, name, role, partner, email], i) => {
    settings[`Partnership__People__${i}__AadObjectId`] = oid;
    settings[`Partnership__People__${i}__Name`] = name;
    settings[`Partnership__People__${i}__Role`] = role;
    settings[`Partnership__People__${i}__TenantId`] = TENANT;
    if (withEmail && email) settings[`Partnership__People__${i}__Email`] = email;
    if (partner) settings[`Partnership__People__${i}__Partner`] = partner;
  });
  return settings;
}

/** Waits until `check` gives something truthy (errors count as not yet), polling every 200 ms. */
async function until(what, check, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await Promise.resolve().then(check).catch(() => null);
    if (value) return value;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Starts the Graph sandbox (built by the test build) on a free port; `stopProcess` ends it. */
async function startSandbox() {
  const url = `http://127.0.0.1:${await freePort()}`;
  const child = spawn('dotnet', [path.join(root, 'tests', 'GraphSandbox', 'bin', 'Debug', 'net10.0', 'GraphSandbox.dll'), '--urls', url], { stdio: 'ignore' });
  await until(`the Graph sandbox at ${url}`, async () => (await fetch(`${url}/sandbox/faults`)).ok);
  return { url, process: child };
}

/** The bot's posts and edits as the Playground pushes them to the page over its socket. */
function watchConversation(page) {
  const seen = { created: [], edits: [] };
  page.on('websocket', ws => ws.on('framereceived', frame => {
    let data;
    try { data = JSON.parse(String(frame.payload)); } catch { return; }
    if (data.action === 'createMessage') seen.created.push(data);
    if (data.action === 'updateMessage') seen.edits.push(data);
  }));
  return seen;
}

/** The cards of a pushed message, as text to search. */
const cardText = message => JSON.stringify(message.message?.attachments ?? []);

/** Talks to the Playground at `playgroundUrl` as the people of the panel. */
function playgroundClient(playgroundUrl) {
  async function post(pathname, body) {
    const response = await fetch(`${playgroundUrl}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    assert.equal(response.status, 200, `${pathname} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

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

  /** Someone types a message in a conversation. */
  function say(userId, conversationId, text) {
    return post(`_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { type: 'text', text, textFormat: 'plain', from: { id: userId } });
  }

  /** The app is added to the team's channel (Teams' installationUpdate). */
  async function installInChannel(channelId = CHANNEL_ID) {
    const template = await fetch(`${playgroundUrl}_internal/v1/customActivities/template?conversationId=${encodeURIComponent(channelId)}&type=install`);
    await post('_internal/v1/customActivities', JSON.parse(await template.text()));
  }

  return { post, press, say, installInChannel };
}

/** Bea opens a case with the refer form in her personal chat; returns its code and channel thread. */
async function openCaseByReferForm(client, seen, childName = 'Amelia Testchild') {
  await client.say('29:user-bm', PERSONAL_CHAT, 'refer');
  const form = await until('the refer form', () => seen.created.find(m => cardText(m).includes('"verb":"refer"')), 60000);
  const formId = JSON.parse(cardText(form))[0].content.actions[0].data.formId;
  const opened = await client.press('29:user-bm', PERSONAL_CHAT, form.message.messageId, 'refer', {
    formId, partnership: 'oldham', referralKind: 'referral', receivedOn: '2026-11-23', receivedAt: '09:00',
    incidentCategory: 'Physical abuse', ageBand: 'Under 1', incidentDate: '2026-11-21',
    referringOrganisation: 'Hollybank Primary School', referrerEmail: 'referrer@school.example',
    childName, childDateOfBirth: '2026-03-14', childAddress: '12 Example Street, Oldham',
  });
  const caseCode = JSON.stringify(opened).match(/RR-OLD-\d{4}-\d{4}/)[0];
  const thread = await until('the case thread in the channel', () => seen.created.find(m => m.actionConversationId?.startsWith(CHANNEL_ID) && cardText(m).includes(caseCode)));
  // Replies and card actions in a channel thread use the thread's conversation id.
  return { caseCode, threadId: thread.message.postConversationId ?? thread.actionConversationId, messageId: thread.message.messageId };
}

/** Bea's referral, sent to Rapid Review by the three statutory leads (their votes are the decision test's subject). */
async function caseGoingToRapidReview(client, seen) {
  await client.installInChannel();
  const { caseCode, threadId, messageId } = await openCaseByReferForm(client, seen);
  for (const userId of ['29:user-la', '29:user-police', '29:user-health']) {
    await client.press(userId, threadId, messageId, 'vote', {
      caseCode, abuseOrNeglect: 'yes', deathOrSeriousHarm: 'yes', inArea: 'yes', notifiable: 'yes', outcome: 'rapid-review', rationale: 'Serious harm; neglect suspected.',
    });
  }
  await until('the decision on the thread card', () => seen.edits.some(e => cardText(e).includes(caseCode) && cardText(e).includes('Decision: Progression to Rapid Review')));
  return { caseCode, threadId, messageId };
}

module.exports = {
  openCaseByReferForm, caseGoingToRapidReview,
  CHANNEL_ID, CHANNEL_BUTTON, PERSONAL_CHAT, TENANT, OLDHAM_PANEL,
  panelSettings, until, startSandbox, watchConversation, cardText, playgroundClient,
};
