import { Rng } from './rng';
import { pickLine } from './session-run';
import { createSession } from '../../src/runner/session';
import { runStep, settle } from '../../src/runner/step-driver';
import { plain } from '../../src/runner/render';
const seed = Number(process.argv[2]); const upto = Number(process.argv[3]);
const r = new Rng(seed);
const s = createSession({ seed });
for (let n = 0; n <= upto; n++) {
  const line = pickLine(r, n);
  const t0 = performance.now();
  if (n === upto) (await import("node:fs")).writeFileSync("/tmp/fuzzw/line.json", JSON.stringify(line));
  if (n === upto && process.argv[4] === 'skip') break;
  const o = await runStep(s, line.line, { inputs: line.inputs, timeoutSeconds: 20, maxOutputChars: 256*1024 });
  const dt = performance.now() - t0;
  if (dt > 500 || n === upto) console.log(n, Math.round(dt), line.line.slice(0, 150), '=>', o.exit, plain(o.stderrRaw).slice(0, 200));
  await s.clock.advance(150, settle);
}
process.exit(0);
