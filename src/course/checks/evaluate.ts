/**
 * A step's checks, in order: each one's outcome, `not:` applied, `as:`
 * names bound for the checks after it, a teacher's own `message` used in
 * place of the generated one. A check that throws (an engine error) fails
 * with the error's text; evaluation itself never throws.
 */
import { type CheckSpec, checkKind } from '../format/check-schema';
import type { Text } from '../model';
import { commandCheck, ranCheck } from './command-checks';
import { containerCheck } from './container-check';
import { containersCheck } from './containers-check';
import { type CheckCaches, type CheckEnv, CheckPass, type CommandRecord, type Outcome } from './context';
import { fileCheck } from './file-check';
import { imageCheck } from './image-check';
import { imagesCheck } from './images-check';
import { registryCheck } from './registry-check';
import { negated, say } from './say';
import { networkCheck, volumeCheck } from './volume-network-check';

export interface CheckResult {
  ok: boolean;
  /** when !ok: what is still wrong, in every language */
  message: Text;
}

function outcomeOf(c: CheckSpec, pass: CheckPass): Promise<Outcome> {
  switch (checkKind(c)) {
    case 'image':
      return imageCheck(c as Parameters<typeof imageCheck>[0], pass);
    case 'images':
      return imagesCheck(c as Parameters<typeof imagesCheck>[0], pass);
    case 'container':
      return containerCheck(c as Parameters<typeof containerCheck>[0], pass);
    case 'containers':
      return containersCheck(c as Parameters<typeof containersCheck>[0], pass);
    case 'file':
      return fileCheck(c as Parameters<typeof fileCheck>[0], pass);
    case 'volume':
      return volumeCheck(c as Parameters<typeof volumeCheck>[0], pass);
    case 'network':
      return networkCheck(c as Parameters<typeof networkCheck>[0], pass);
    case 'registry':
      return registryCheck(c as Parameters<typeof registryCheck>[0], pass);
    case 'command':
      return commandCheck(c as Parameters<typeof commandCheck>[0], pass);
    case 'ran':
      return ranCheck(c as Parameters<typeof ranCheck>[0], pass);
  }
}

export async function evaluateChecks(checks: readonly CheckSpec[], env: CheckEnv, caches: CheckCaches, commands: readonly CommandRecord[]): Promise<CheckResult[]> {
  const pass = new CheckPass(env, caches, commands);
  const out: CheckResult[] = [];
  for (const c of checks) {
    let o: Outcome;
    try {
      o = await outcomeOf(c, pass);
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      o = { ok: false, problem: say(`the check could not look: ${m}`, `无法完成检查：${m}`), expect: say(m, m) };
    }
    const ok = c.not ? !o.ok : o.ok;
    const as = (c as { as?: string }).as;
    if (ok && as && o.bind) pass.bindings.set(as, o.bind);
    const message = ok ? o.expect : (c.message ?? (c.not ? negated(o.expect) : o.problem));
    out.push({ ok, message });
  }
  return out;
}
