/**
 * `command:` — the checker runs a command line itself (out of sight) and
 * looks at its output and exit status; `ran:` — the learner ran a docker
 * subcommand during the step (use sparingly: state first).
 */
import type { CommandCheck, RanCheck } from '../format/check-schema';
import type { Text } from '../model';
import type { CheckPass, Outcome } from './context';
import { canonicalSubcommand, dockerInvocations } from './docker-words';
import { joinTexts, preview, say } from './say';

export async function commandCheck(c: CommandCheck, pass: CheckPass): Promise<Outcome> {
  const parts: string[] = [];
  if (c.output !== undefined) parts.push(`prints "${c.output}"`);
  if (c.matches !== undefined) parts.push(`prints text matching /${c.matches}/`);
  if (c.exit !== undefined) parts.push(`exits with ${c.exit}`);
  const partsZh: string[] = [];
  if (c.output !== undefined) partsZh.push(`输出包含“${c.output}”`);
  if (c.matches !== undefined) partsZh.push(`输出符合 /${c.matches}/`);
  if (c.exit !== undefined) partsZh.push(`退出码为 ${c.exit}`);
  const expect = say(`\`${c.command}\` ${parts.join(' and ') || 'succeeds'}`, `\`${c.command}\` ${partsZh.join('，') || '执行成功'}`);
  const r = await pass.env.exec(c.command);
  const out = r.stdout + r.stderr;
  const problems: Text[] = [];
  const head = preview(out);
  const seen = head ? say(`it printed "${head}"`, `它输出的是“${head}”`) : say('it printed nothing', '它什么也没有输出');
  if (c.output !== undefined && !out.includes(c.output)) problems.push(say(`\`${c.command}\` does not print "${c.output}": ${seen.en}`, `\`${c.command}\` 的输出里没有“${c.output}”：${seen['zh-CN']}`));
  if (c.matches !== undefined && !new RegExp(c.matches, 'm').test(out)) problems.push(say(`the output of \`${c.command}\` does not match /${c.matches}/: ${seen.en}`, `\`${c.command}\` 的输出不符合 /${c.matches}/：${seen['zh-CN']}`));
  const wantExit = c.exit ?? (c.output === undefined && c.matches === undefined ? 0 : undefined);
  if (wantExit !== undefined && r.status !== wantExit) problems.push(say(`\`${c.command}\` exits with ${r.status}, not ${wantExit}${head ? ` (${seen.en})` : ''}`, `\`${c.command}\` 的退出码是 ${r.status}，不是 ${wantExit}${head ? `（${seen['zh-CN']}）` : ''}`));
  return problems.length ? { ok: false, expect, problem: joinTexts(problems) } : { ok: true, expect, problem: expect };
}

export async function ranCheck(c: RanCheck, pass: CheckPass): Promise<Outcome> {
  const want = canonicalSubcommand(c.ran.trim().split(/\s+/));
  const shown = `docker ${c.ran.trim()}${c.with?.length ? ` … ${c.with.join(' ')}` : ''}`;
  const expect = say(`you ran \`${shown}\``, `你运行了 \`${shown}\``);
  const needOk = c.succeeded ?? true;
  let ranIt = false;
  for (const rec of pass.commands) {
    for (const inv of dockerInvocations(rec.line)) {
      if (inv.subcommand !== want) continue;
      if (c.with && !c.with.every((w) => inv.words.some((x) => x === w || x.includes(w)))) continue;
      ranIt = true;
      if (!needOk || rec.status === 0) return { ok: true, expect, problem: expect };
    }
  }
  if (ranIt) return { ok: false, expect, problem: say(`\`${shown}\` did not succeed yet: look at the error it printed`, `\`${shown}\` 还没有成功执行：看看它输出的错误信息`) };
  return { ok: false, expect, problem: say(`you have not run \`${shown}\` in this step yet`, `这一步里你还没有运行 \`${shown}\``) };
}
