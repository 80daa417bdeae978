import { createSession } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';
import { plain } from '../../src/runner/render';
const s = createSession({ seed: 1 });
for (const n of [1000, 2000, 4000]) {
  for (const cmd of [`docker image save --output '{{split "a" ""}}' ${'a'.repeat(n)}`, `echo '{{split "a" ""}}' ${'a'.repeat(n)}`, `docker image inspect ${'a'.repeat(n)}`, `docker pull ${'a'.repeat(n)}`, `docker tag busybox ${'a'.repeat(n)}`]) {
  const t0 = performance.now();
  const o = await runStep(s, cmd, { timeoutSeconds: 20 });
  console.log(n, cmd.slice(0, 20), Math.round(performance.now() - t0), o.exit, plain(o.stderrRaw).slice(0, 80));
  }
}
process.exit(0);
