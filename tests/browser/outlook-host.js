// The Outlook side of the browser tests: the bot's task pane opened as Outlook would open it, with
// Office.js replaced by a small host stand-in that names the selected item, and the settings that
// point the bot's mail intake at a mailbox of the Graph sandbox.
'use strict';

/** Opens the pane on `mail` (from the sandbox) as `userId` sees it, in a narrow page like Outlook's. */
async function openTaskPane(browser, botPort, mail, userId) {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.route('**/outlook/office-js/office.js', route => route.fulfill({
    contentType: 'text/javascript',
    body: `window.Office = {
      MailboxEnums: { RestVersion: { v2_0: 'v2.0' } },
      context: { mailbox: {
        item: { itemId: ${JSON.stringify('EWS:' + mail.id)}, internetMessageId: ${JSON.stringify(mail.internetMessageId)} },
        convertToRestId: (id, version) => version === 'v2.0' ? id.replace(/^EWS:/, '') : id,
      } },
      auth: { getAccessToken: () => Promise.reject(new Error('no SSO on the local stack')) },
      onReady: (callback) => Promise.resolve({ host: 'Outlook' }).then(callback),
    };`,
  }));
  await page.goto(`http://127.0.0.1:${botPort}/outlook/taskpane?as=${userId}`);
  return page;
}

/** Settings that make the bot watch `mailbox` in the sandbox at `sandboxUrl` for Oldham's referrals. */
function mailboxSettings(sandboxUrl, botPort, mailbox) {
  return {
    Graph__UseSandbox: 'true',
    Graph__BaseUrl: `${sandboxUrl}/v1.0`,
    Graph__Mailbox: mailbox,
    Graph__NotificationUrl: `http://127.0.0.1:${botPort}/api/notifications`,
    Graph__LifecycleNotificationUrl: `http://127.0.0.1:${botPort}/api/notifications/lifecycle`,
    Graph__ClientStateSecret: 'browser-test-client-state-0123456789',
    Graph__WorkerPollInterval: '00:00:00.500',
    Intake__Partnership: 'oldham',
  };
}

module.exports = { openTaskPane, mailboxSettings };
