#!/usr/bin/env node
/**
 * Fails (exit 1, listing offenders) when a file under src/ breaks the layer
 * rules of ARCHITECTURE.md. Run by `npm run lint` (part of `npm test`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLayering } from './rules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(?:ts|tsx|mts|cts|js|mjs|jsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const files = walk(join(root, 'src'), []).map((p) => ({
  path: relative(root, p).split(sep).join('/'),
  text: readFileSync(p, 'utf8'),
}));
const offences = checkLayering(files);
if (offences.length) {
  console.error(`layering: ${offences.length} violation(s) of the rules in ARCHITECTURE.md:`);
  for (const o of offences) console.error(`  ${o}`);
  process.exit(1);
}
console.log(`layering: ${files.length} files checked, no violations`);
