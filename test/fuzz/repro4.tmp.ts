import { Rng } from './rng';
import { pickLine } from './session-run';
import { createSession } from '../../src/runner/session';
import { runStep, settle } from '../../src/runner/step-driver';
import { plain } from '../../src/runner/render';
const seed = Number(process.argv[2]); const upto = Number(process.argv[3]); const skip = (process.argv[4] ?? '').split(',').map(Number);
const r = new Rng(seed);
const s = createSession({ seed });
for (let n = 0; n < upto; n++) {
  const line = pickLine(r, n);
  if (skip.includes(n)) continue;
  await runStep(s, line.line, { inputs: line.inputs, timeoutSeconds: 20, maxOutputChars: 256*1024 });
  await s.clock.advance(150, settle);
}
for (const cmd of JSON.parse(process.env.CMDS ?? '[]') as string[]) {
  const t0 = performance.now();
  const o = await runStep(s, cmd, { timeoutSeconds: 20 });
  console.log(cmd.slice(0, 60), Math.round(performance.now() - t0), o.exit, plain(o.stderrRaw).slice(0, 100), plain(o.stdoutRaw).length);
}
process.exit(0);
