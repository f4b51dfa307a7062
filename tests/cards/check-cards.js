#!/usr/bin/env node
// Parses and validates adaptive cards with the official renderer library (adaptivecards 3.0.6).
// Input (stdin): JSON array of {"name": "...", "card": {...}}. Output (stdout): JSON array of
// {"name", "version", "events": [{"phase","event","message"}]} — one entry per card; any event
// (parse or validation) is a defect in the card. Exit code 0 when it ran, 2 when it could not.
'use strict';

const path = require('path');
const root = path.resolve(__dirname, '..', '..');

let JSDOM, AC;
try {
  ({ JSDOM } = require(path.join(root, 'node_modules', 'jsdom')));
  // The package's lib/ entry is ESM with extensionless imports and fails in node; the UMD bundle works.
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  global.window = dom.window;
  global.document = dom.window.document;
  for (const key of Object.getOwnPropertyNames(dom.window)) {
    if (!(key in global)) {
      try { global[key] = dom.window[key]; } catch { /* read-only globals */ }
    }
  }
  AC = require(path.join(root, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));
} catch (error) {
  process.stderr.write(`Cannot load adaptivecards/jsdom from ${root}/node_modules (run npm ci): ${error.message}\n`);
  process.exit(2);
}

function check(name, json) {
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  }
  for (const e of card.validateProperties().validationEvents) {
    events.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  }
  if (json.version !== '1.5') {
    events.push({ phase: 'Project', event: 'WrongVersion', message: `Teams needs version 1.5 for Action.Execute and refresh; the card says ${json.version}.` });
  }
  return { name, version: json.version, events };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  let cards;
  try {
    cards = JSON.parse(input);
  } catch (error) {
    process.stderr.write(`The input is not JSON: ${error.message}\n`);
    process.exit(2);
  }
  const results = cards.map(c => check(c.name, c.card));
  process.stdout.write(JSON.stringify(results));
});
