/**
 * `file:` — a file exists (or is gone), contains a text, matches a regular
 * expression, or (a Dockerfile) has an instruction; on the learner's host
 * (default), in a container, in an image or in a volume.
 */
import { textDecoder } from '../../api/fs';
import { parseDockerfile } from '../../lib/dockerfile/parser';
import type { DockerfileNode } from '../../lib/dockerfile/node';
import type { FileCheck } from '../format/check-schema';
import type { Text } from '../model';
import type { CheckPass, Outcome } from './context';
import { containerFile, type FoundFile, imageFile, volumeFile } from './file-read';
import { joinTexts, list, preview, say, shortId, unbound } from './say';

function hostFile(pass: CheckPass, path: string): FoundFile | undefined {
  const fs = pass.env.hostFs;
  try {
    const st = fs.stat(path);
    if (st.type === 'dir') return { kind: 'dir' };
    return { kind: 'file', data: fs.readFile(path) };
  } catch {
    return undefined;
  }
}

/** "in container web" / "在容器 web 中" */
function place(c: FileCheck, pass: CheckPass): { where: Text; missing?: string; find: (path: string) => Promise<FoundFile | undefined> } {
  const inn = c.in;
  if (!inn || inn === 'host') return { where: say('on your machine', '（在你的主机上）'), find: async (p) => hostFile(pass, pass.hostPath(p)) };
  if ('container' in inn) {
    const r = pass.ref(inn.container);
    const shown = r.bound?.name ?? inn.container;
    return { where: say(`in container ${shown}`, `（在容器 ${shown} 中）`), missing: r.missing, find: (p) => containerFile(pass, r.ref, p) };
  }
  if ('image' in inn) {
    const r = pass.ref(inn.image);
    const shown = r.bound ? (r.bound.name ?? shortId(r.bound.id)) : inn.image;
    return { where: say(`in image ${shown}`, `（在镜像 ${shown} 中）`), missing: r.missing, find: (p) => imageFile(pass, r.ref, p) };
  }
  return { where: say(`in volume ${inn.volume}`, `（在数据卷 ${inn.volume} 中）`), find: (p) => volumeFile(pass, inn.volume, p) };
}

function sameInstruction(want: DockerfileNode, have: DockerfileNode): boolean {
  if (want.value !== have.value) return false;
  // "HEALTHCHECK" alone: any instruction of that kind
  if (want.args.length === 0 && want.flags.length === 0) return true;
  if (want.flags.join(' ') !== have.flags.join(' ')) return false;
  const norm = (n: DockerfileNode) => (n.json ? n.args : n.args.map((a) => a.replace(/\s+/g, ' ').trim()));
  return JSON.stringify(norm(want)) === JSON.stringify(norm(have));
}

function instructionProblem(c: FileCheck, content: string, shown: string): Text | undefined {
  if (c.instruction === undefined) return undefined;
  const want = parseDockerfile(`${c.instruction}\n`).nodes[0];
  let nodes: DockerfileNode[];
  try {
    nodes = parseDockerfile(content).nodes;
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    return say(`${shown} is not a valid Dockerfile (${m})`, `${shown} 不是有效的 Dockerfile（${m}）`);
  }
  if (!want || nodes.some((n) => sameInstruction(want, n))) return undefined;
  const same = nodes.filter((n) => n.value === want.value).map((n) => n.original.trim());
  const kw = want.value.toUpperCase();
  if (same.length > 0)
    return say(`${shown} has ${list(same, 'en')}, not ${c.instruction}`, `${shown} 里写的是 ${list(same, 'zh-CN')}，不是 ${c.instruction}`);
  return say(`${shown} has no ${kw} instruction (the step wants ${c.instruction})`, `${shown} 里没有 ${kw} 指令（这一步要求 ${c.instruction}）`);
}

export async function fileCheck(c: FileCheck, pass: CheckPass): Promise<Outcome> {
  const { where, missing, find } = place(c, pass);
  const shown = c.file;
  const at = `${shown} ${where.en}`;
  const atZh = `${shown}${where['zh-CN']}`;
  const props = ['contains', 'matches', 'instruction'].filter((k) => (c as Record<string, unknown>)[k] !== undefined);
  const expect = c.gone
    ? say(`${at} is gone`, `${atZh}已不存在`)
    : props.length
      ? say(`${at} has ${props.map((k) => `${k} ${JSON.stringify((c as Record<string, unknown>)[k])}`).join(', ')}`, `${atZh}符合要求：${props.map((k) => `${k} ${JSON.stringify((c as Record<string, unknown>)[k])}`).join('，')}`)
      : say(`${at} exists`, `${atZh}存在`);
  if (missing) return { ok: false, expect, problem: unbound(missing) };
  const found = await find(c.file);
  if (c.gone) return found ? { ok: false, expect, problem: say(`${at} still exists`, `${atZh}仍然存在`) } : { ok: true, expect, problem: expect };
  if (!found) return { ok: false, expect, problem: say(`there is no file ${at}`, `没有文件 ${atZh}`) };
  if (props.length === 0) return { ok: true, expect, problem: expect };
  if (found.kind === 'dir') return { ok: false, expect, problem: say(`${at} is a directory, not a file`, `${atZh}是一个目录，不是文件`) };
  const content = found.data ? textDecoder.decode(found.data) : '';
  const problems: Text[] = [];
  const head = preview(content);
  const seen = head ? say(` (it starts with "${head}")`, `（它的开头是“${head}”）`) : say(' (it is empty)', '（它是空的）');
  if (c.contains !== undefined && !content.includes(c.contains))
    problems.push(say(`${at} does not contain "${c.contains}"${seen.en}`, `${atZh}不包含“${c.contains}”${seen['zh-CN']}`));
  if (c.matches !== undefined && !new RegExp(c.matches, 'm').test(content))
    problems.push(say(`${at} does not match /${c.matches}/${seen.en}`, `${atZh}不符合 /${c.matches}/${seen['zh-CN']}`));
  const ins = instructionProblem(c, content, at);
  if (ins) problems.push(ins);
  return problems.length ? { ok: false, expect, problem: joinTexts(problems) } : { ok: true, expect, problem: expect };
}
