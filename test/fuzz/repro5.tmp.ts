import { createSession } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';
import { plain } from '../../src/runner/render';
const s = createSession({ seed: 1 });
for (const cmd of JSON.parse(process.env.CMDS ?? '[]') as string[]) {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  const o = await runStep(s, cmd, { timeoutSeconds: 20 });
  const c = process.cpuUsage(c0);
  console.log(cmd.slice(0, 70), 'wall', Math.round(performance.now() - t0), 'cpu', Math.round((c.user + c.system) / 1000), o.exit, plain(o.stderrRaw).slice(0, 160).replace(/\n/g, ' | '), plain(o.stdoutRaw).length);
}
process.exit(0);
