// The Rapid Review task pane: names the open email by its internetMessageId and Graph (REST) id,
// asks the bot what it knows about it, and offers the actions that fit. Calls carry the signed-in
// person's Entra token from Office SSO; on the local stack (development mode) ?as=<object id>
// names the person instead, which the bot accepts from this machine only.
'use strict';

const $ = (id) => document.getElementById(id);
let mail = null;
let chosen = { link: null, return: null };

function show(id, visible) { $(id).hidden = !visible; }

function fail(message) {
  $('error').textContent = message;
  show('error', true);
}

async function authHeaders() {
  const as = new URLSearchParams(window.location.search).get('as');
  if (as) {
    return { 'X-Development-User': as };
  }
  const token = await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
  return { Authorization: 'Bearer ' + token };
}

async function call(method, path, body) {
  const headers = await authHeaders();
  if (body) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(data.error || `The bot answered ${response.status}.`);
  }
  return data;
}

function render(view) {
  $('status').textContent = view.state === 'not-seen' ? 'Not seen by the bot' : 'Known to the bot';
  $('summary').textContent = view.summary;
  $('reason').textContent = view.reason ? 'Why it is waiting: ' + view.reason : '';
  show('reason', Boolean(view.reason));
  show('known', true);
  const actions = new Set(view.actions || []);
  show('open-case', actions.has('openCase'));
  show('link', actions.has('link'));
  show('record-return', actions.has('recordReturn'));
  show('not-part', actions.has('notPart'));
  show('actions', actions.size > 0);
  document.body.dataset.state = view.state;
}

async function refresh() {
  const view = await call('GET', `/api/outlook/mail?internetMessageId=${encodeURIComponent(mail.internetMessageId)}&itemId=${encodeURIComponent(mail.itemId)}`);
  render(view);
  if ((view.actions || []).includes('openCase')) {
    readReferral();
  }
}

async function readReferral() {
  try {
    const read = await call('GET', `/api/outlook/mail/referral?internetMessageId=${encodeURIComponent(mail.internetMessageId)}&itemId=${encodeURIComponent(mail.itemId)}`);
    $('referral-kind').value = read.referralKind;
    const parts = [read.source ? `Read from ${read.source}: ${read.fieldsRead} fields.` : 'No referral form or labelled text could be read; the case opens for a person to fill in.'];
    if (read.flagged.length > 0) {
      parts.push(`To check by hand: ${read.flagged.join(', ')}.`);
    }
    if (read.refusals.length > 0) {
      parts.push(`Refused: ${read.refusals.join(' ')}`);
    }
    $('referral-read').textContent = parts.join(' ');
  } catch (error) {
    $('referral-read').textContent = error.message;
  }
}

async function act(action, extra, button) {
  show('error', false);
  button.disabled = true;
  try {
    const result = await call('POST', `/api/outlook/mail/${action}`, { internetMessageId: mail.internetMessageId, itemId: mail.itemId, ...extra });
    render(result.mail);
    $('status').textContent = result.repeated ? 'Already done: nothing changed.' : 'Done.';
  } catch (error) {
    fail(error.message);
  } finally {
    button.disabled = false;
  }
}

function searchCases(inputId, listId, onChoose) {
  let timer = null;
  $(inputId).addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const code = $(inputId).value.trim();
      $(listId).replaceChildren();
      if (code.length < 2) {
        return;
      }
      try {
        const cases = await call('GET', `/api/outlook/cases?code=${encodeURIComponent(code)}`);
        if (cases.length === 0) {
          const none = document.createElement('li');
          none.textContent = `No case matches ${code}.`;
          $(listId).append(none);
        }
        for (const found of cases) {
          const item = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = `${found.caseCode} · ${found.stage}` + (found.nextDeadlineName ? ` · next: ${found.nextDeadlineName}` : '');
          button.addEventListener('click', () => {
            for (const other of $(listId).querySelectorAll('button')) {
              other.setAttribute('aria-pressed', 'false');
            }
            button.setAttribute('aria-pressed', 'true');
            onChoose(found.caseCode);
          });
          item.append(button);
          $(listId).append(item);
        }
      } catch (error) {
        fail(error.message);
      }
    }, 250);
  });
}

async function chooseReturnCase(code) {
  chosen.return = code;
  const agencies = await call('GET', `/api/outlook/cases/${encodeURIComponent(code)}/agencies`);
  const select = $('return-agency');
  select.replaceChildren();
  for (const a of agencies) {
    const option = document.createElement('option');
    option.value = a.agency;
    option.textContent = `${a.agency} (${a.status})`;
    select.append(option);
  }
  select.disabled = agencies.length === 0;
  $('do-record-return').disabled = agencies.length === 0;
  if (agencies.length === 0) {
    fail(`No agency has been asked for information on ${code} yet.`);
  }
}

function wire() {
  searchCases('link-code', 'link-results', (code) => { chosen.link = code; $('do-link').disabled = false; });
  searchCases('return-code', 'return-results', (code) => chooseReturnCase(code).catch((e) => fail(e.message)));
  $('do-open-case').addEventListener('click', (e) => act('openCase', { referralKind: $('referral-kind').value }, e.target));
  $('do-link').addEventListener('click', (e) => act('link', { caseCode: chosen.link }, e.target));
  $('do-record-return').addEventListener('click', (e) => act('recordReturn', { caseCode: chosen.return, agency: $('return-agency').value }, e.target));
  $('do-not-part').addEventListener('click', (e) => act('notPart', {}, e.target));
}

Office.onReady(async () => {
  const item = Office.context.mailbox && Office.context.mailbox.item;
  if (!item) {
    $('status').textContent = 'Open an email to see what the bot knows about it.';
    return;
  }
  // Office.js gives the EWS id; Graph wants the REST form of the same id.
  mail = {
    internetMessageId: item.internetMessageId,
    itemId: Office.context.mailbox.convertToRestId(item.itemId, Office.MailboxEnums.RestVersion.v2_0),
  };
  wire();
  try {
    await refresh();
  } catch (error) {
    $('status').textContent = 'The bot could not be asked about this email.';
    fail(error.message);
  }
});
