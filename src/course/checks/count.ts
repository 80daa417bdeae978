/** `count`, `min` and `max` of the images/containers checks (neither: at least one). */
import type { Text } from '../model';
import { say } from './say';

export interface CountSpec {
  count?: number;
  min?: number;
  max?: number;
}

export function countOk(n: number, c: CountSpec): boolean {
  if (c.count !== undefined) return n === c.count;
  if (c.min === undefined && c.max === undefined) return n >= 1;
  return (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);
}

/** "no dangling images" / "exactly 2 containers from hello-world" */
export function wanted(c: CountSpec, what: Text): Text {
  if (c.count === 0 || c.max === 0) return say(`no ${what.en}`, `没有${sp(what['zh-CN'])}`);
  if (c.count === 1) return say(`exactly one ${singular(what.en)}`, `正好 1 个${sp(what['zh-CN'])}`);
  if (c.count !== undefined) return say(`exactly ${c.count} ${what.en}`, `正好 ${c.count} 个${sp(what['zh-CN'])}`);
  const min = c.min ?? (c.max === undefined ? 1 : undefined);
  if (min !== undefined && c.max !== undefined) return say(`${min} to ${c.max} ${what.en}`, `${min} 到 ${c.max} 个${sp(what['zh-CN'])}`);
  if (min !== undefined) return min === 1 ? say(`at least one ${singular(what.en)}`, `至少一个${sp(what['zh-CN'])}`) : say(`at least ${min} ${what.en}`, `至少 ${min} 个${sp(what['zh-CN'])}`);
  return say(`at most ${c.max} ${what.en}`, `最多 ${c.max} 个${sp(what['zh-CN'])}`);
}

/** `what` in the plural; `one` the same in the singular (English) */
export function countProblem(n: number, c: CountSpec, what: Text, one: string, names: Text): Text {
  const want = wanted(c, what);
  const have = n === 0 ? say(`there are no ${what.en}`, `现在没有${sp(what['zh-CN'])}`) : say(`there ${n === 1 ? 'is' : 'are'} ${n} ${n === 1 ? one : what.en} (${names.en})`, `现在有 ${n} 个${sp(what['zh-CN'])}（${names['zh-CN']}）`);
  return say(`${have.en}; the step wants ${want.en}`, `${have['zh-CN']}；这一步要求${want['zh-CN']}`);
}

/** "dangling images of mongo" → "dangling image of mongo" (the first plural word) */
export function singular(plural: string): string {
  return plural.replace(/\b(images|containers)\b/, (w) => w.slice(0, -1));
}

/** "there is exactly one dangling image" / "有正好 1 个虚悬镜像" */
export function thereAre(c: CountSpec, what: Text): Text {
  const w = wanted(c, what);
  const one = c.count === 1 || (c.count === undefined && c.max === undefined && (c.min ?? 1) === 1);
  return say(`there ${one ? 'is' : 'are'} ${w.en}`, `有${w['zh-CN']}`);
}

/** a space before a Chinese phrase that starts with a Latin word ("1 个 redis 的镜像") */
function sp(zh: string): string {
  return /^[A-Za-z0-9$<]/.test(zh) ? ` ${zh}` : zh;
}
