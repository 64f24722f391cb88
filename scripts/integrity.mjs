// Writes dist/integrity.json: the SHA-384 of every file the build put in dist/, as the
// `integrity` value a partner pins it with (`sha384-…`), so the files they host can be checked
// against the files that were reviewed. Run after the build (npm run build does).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const dist = fileURLToPath(new URL('../dist', import.meta.url));
export const integrityFile = 'integrity.json';

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
function filesIn(dir, base = dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesIn(path, base) : [relative(base, path).split('\\').join('/')];
    })
    .sort();
}

export const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

export function writeIntegrity(dir = dist) {
  const sums = Object.fromEntries(filesIn(dir).filter((f) => f !== integrityFile).map((f) => [f, sha384(readFileSync(join(dir, f)))]));
  writeFileSync(join(dir, integrityFile), `${JSON.stringify(sums, null, 2)}\n`);
  return sums;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sums = writeIntegrity();
  console.log(`dist/${integrityFile}: SHA-384 of ${Object.keys(sums).length} files; safety-chat.js ${sums['safety-chat.js']}`);
}
