// Starts what a browser test needs: the bot (from its build output) and the Agents Playground
// with the repository's .m365agentsplayground.yml, each on free ports, and stops them after.
// Azurite must already run (./test.sh starts it and sets TEAMSREVIEWBOT_TEST_STORAGE).
'use strict';
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const outputDir = path.join(root, 'test-output', 'browser');
fs.mkdirSync(outputDir, { recursive: true });

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, what, child, logName, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 200));
  }
  const logFile = path.join(outputDir, logName);
  const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
  throw new Error(`${what} did not answer at ${url}${child.exitCode !== null ? ` (it exited with ${child.exitCode})` : ` within ${timeoutMs} ms`}. Last lines of ${logName}:\n${tail}`);
}

function startProcess(name, command, args, env, cwd = root) {
  const log = fs.openSync(path.join(outputDir, `${name}.log`), 'a');
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  child.on('error', e => fs.appendFileSync(path.join(outputDir, `${name}.log`), `failed to start: ${e.message}\n`));
  return child;
}

function stopProcess(child) {
  return new Promise(resolve => {
    if (!child || child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); }, 5000).unref();
  });
}

// The key that seals the child's details: one per test file, so a restarted bot still opens what it sealed.
const privacyKey = crypto.randomBytes(32).toString('base64');

/** Starts the bot on `botPort` (or a free one) with a table prefix of its own. */
async function startBot({ botPort, tablePrefix, settings = {} } = {}) {
  const storage = process.env.TEAMSREVIEWBOT_TEST_STORAGE;
  if (!storage) throw new Error('TEAMSREVIEWBOT_TEST_STORAGE is not set: run the browser tests through ./test.sh, which starts Azurite.');
  const dll = path.join(root, 'bot', 'bin', 'Debug', 'net10.0', 'TeamsReviewBot.dll');
  if (!fs.existsSync(dll)) throw new Error(`${dll} is missing: build the solution first (./test.sh does).`);
  const port = botPort ?? await freePort();
  const env = {
    ASPNETCORE_ENVIRONMENT: 'Development',
    Bot__DevelopmentMode: 'true',
    Storage__ConnectionString: storage,
    Privacy__KeyEncryptionKey: privacyKey,
    Storage__TablePrefix: tablePrefix ?? ('b' + Math.random().toString(36).slice(2, 12)),
    ...settings,
  };
  const logFile = path.join(outputDir, 'bot.log');
  const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const child = startProcess('bot', 'dotnet', [dll, '--urls', `http://127.0.0.1:${port}`], env);
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 'the bot', child, 'bot.log');
  // What this bot wrote to the shared bot.log (tests run one file at a time).
  const log = () => fs.readFileSync(logFile).subarray(logStart).toString('utf8');
  return { port, child, env, log, stop: () => stopProcess(child) };
}

// configDir: a directory holding another .m365agentsplayground.yml (e.g. another current user).
async function startPlayground(botPort, { configDir } = {}) {
  const port = await freePort();
  const bin = path.join(root, 'node_modules', '.bin', 'agentsplayground');
  const child = startProcess('playground', bin,
    ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    { TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: path.join(outputDir, 'playground-internal.log') },
    configDir ?? root);
  await waitForHttp(`http://127.0.0.1:${port}/`, 'the Agents Playground', child, 'playground-internal.log');
  return { port, url: `http://127.0.0.1:${port}/`, child, stop: () => stopProcess(child) };
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

function screenshotPath(name) {
  return path.join(outputDir, `${name}.png`);
}

module.exports = { startBot, startPlayground, launchBrowser, screenshotPath, stopProcess, freePort, root };
