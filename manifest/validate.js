#!/usr/bin/env node
// Validates Teams app manifests offline against the official JSON schema bundled in
// @microsoft/app-manifest (the repo's pinned dev dependency), then applies the platform
// rules the schema cannot express. Usage: node manifest/validate.js <manifest.json>...
'use strict';
const fs = require('fs');
const path = require('path');
const { AppManifestUtils } = require('@microsoft/app-manifest');

const schemaRoot = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

// The newest numbered schema the shipped validator knows (vDevPreview is not a release).
function newestSchemaVersion() {
  const versions = fs.readdirSync(schemaRoot)
    .map((d) => /^v(\d+)\.(\d+)$/.exec(d))
    .filter(Boolean)
    .map((m) => [Number(m[1]), Number(m[2])])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const [major, minor] = versions[versions.length - 1];
  return `${major}.${minor}`;
}

// Rules from the Teams platform docs (docs/teams-manifest.md), not in the schema.
function platformErrors(manifest, dir) {
  const errors = [];
  const newest = newestSchemaVersion();
  if (manifest.manifestVersion !== newest) {
    errors.push(`manifestVersion ${manifest.manifestVersion} is not the newest bundled schema ${newest}`);
  }
  for (const icon of [manifest.icons?.color, manifest.icons?.outline]) {
    if (!icon || !fs.existsSync(path.join(dir, icon))) errors.push(`icon file ${icon} is missing beside the manifest`);
  }
  for (const bot of manifest.bots ?? []) {
    if (bot.scopes?.includes('team') && manifest.supportsChannelFeatures !== 'tier1') {
      errors.push('a bot with team scope on manifest 1.25+ must declare supportsChannelFeatures "tier1"');
    }
    for (const extension of manifest.composeExtensions ?? []) {
      if (extension.botId !== bot.botId) errors.push('composeExtensions[].botId must be the bot id: the same bot answers its queries');
    }
    if (manifest.webApplicationInfo?.id !== bot.botId) {
      errors.push('webApplicationInfo.id must be the bot id: RSC is granted to that Entra application');
    }
    for (const list of bot.commandLists ?? []) {
      if (list.commands.length > 12) errors.push(`command list for ${list.scopes} has more than 12 commands`);
      for (const c of list.commands) {
        if (c.title.length > 32) errors.push(`command title "${c.title}" is longer than 32 characters`);
        if ((c.description ?? '').length > 128) errors.push(`command "${c.title}" description is longer than 128 characters`);
      }
    }
  }
  return errors;
}

async function validate(file) {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const ver = /\/(v[\d.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema || '')?.[1];
  const schemaFile = ver && path.join(schemaRoot, ver, 'MicrosoftTeams.schema.json');
  if (!schemaFile || !fs.existsSync(schemaFile)) return { ver, errors: [`no bundled schema for $schema ${manifest.$schema}`] };
  // The bundled schemas contain a "\a" escape that ajv's regex engine rejects; it means BEL.
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\x07'));
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  return { ver, errors: [...schemaErrors, ...platformErrors(manifest, path.dirname(file))] };
}

(async () => {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node manifest/validate.js <manifest.json>...');
    process.exit(2);
  }
  let failed = 0;
  for (const file of files) {
    const { ver, errors } = await validate(file);
    console.log(`${file}: ${errors.length ? 'INVALID' : 'valid'} (Teams schema ${ver ?? 'unknown'})`);
    for (const e of errors) console.log(`    ${e}`);
    if (errors.length) failed++;
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.error(`validation could not run: ${e.message}`);
  process.exit(1);
});
