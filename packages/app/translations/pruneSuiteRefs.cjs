/*
 * Run after `backstage-cli translations export` (see `yarn translations:export`).
 *
 * The export writes the English messages of every translation ref the app
 * depends on, the suite's own plugins included. The suite's plugins carry their
 * Russian and Kazakh messages in their own packages (each plugin's
 * translation ref), so their exported copies here would only go stale: this
 * drops the refs of @qaztech/* packages from the manifest and their files.
 */
const fs = require('node:fs');
const path = require('node:path');

const dir = __dirname;
const manifestPath = path.join(dir, 'manifest.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
for (const [id, ref] of Object.entries(manifest.refs)) {
  if (ref.package.startsWith('@qaztech/')) {
    delete manifest.refs[id];
    for (const file of fs.readdirSync(path.join(dir, 'messages'))) {
      if (file.startsWith(`${id}.`)) {
        fs.rmSync(path.join(dir, 'messages', file));
      }
    }
  }
}
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
