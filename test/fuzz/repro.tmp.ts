import { Rng } from './rng';
import { pickLine } from './session-run';
import { createSession } from '../../src/runner/session';
import { runStep, settle } from '../../src/runner/step-driver';
import { exportSession } from './import-check';
const seed = Number(process.argv[2]); const lines = Number(process.argv[3]);
const r = new Rng(seed);
const s = createSession({ seed });
for (let n = 0; n < lines; n++) {
  const line = pickLine(r, n);
  await runStep(s, line.line, { inputs: line.inputs, timeoutSeconds: 20, maxOutputChars: 256*1024 });
  await s.clock.advance(150, settle);
  for (const img of s.engine.images.all()) {
    const d = img.config.rootfs?.diff_ids;
    if (d !== undefined && !Array.isArray(d)) { console.log('BAD after', n, line.line, JSON.stringify(img.config.rootfs)); process.exit(0); }
  }
}
const t = exportSession(s);
console.log('ok', t.length); (await import('node:fs')).writeFileSync('/tmp/fuzzw/export.txt', t);
process.exit(0);
