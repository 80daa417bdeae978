/** `containers:` — how many containers come from an image, are in a state, or carry a name. */
import type { ContainersCheck } from '../format/check-schema';
import { type Text, text } from '../model';
import { nameOf } from './container-check';
import type { CheckPass, Outcome } from './context';
import { countOk, countProblem, singular, thereAre } from './count';
import { withTag } from './image-check';
import { listText } from './say';

const STATE_ZH: Record<string, string> = { running: '运行中的', created: '已创建的', paused: '已暂停的', restarting: '重启中的', exited: '已退出的', dead: '已失效的' };

function noun(c: ContainersCheck): Text {
  const s = c.containers;
  let en = `${s.state ? `${s.state} ` : ''}containers`;
  let zh = `${s.state ? STATE_ZH[s.state] : ''}容器`;
  if (s.image) {
    en += ` from ${s.image}`;
    zh = `由 ${s.image} 创建的${zh}`;
  }
  if (s.name) {
    en += ` named ${s.name}`;
    zh = `名为 ${s.name} 的${zh}`;
  }
  return text(en, zh);
}

export async function containersCheck(c: ContainersCheck, pass: CheckPass): Promise<Outcome> {
  const s = c.containers;
  const img = s.image ? await pass.image(s.image) : undefined;
  const found = (await pass.containers()).filter(
    (x) =>
      (!s.state || x.State === s.state) &&
      (!s.name || nameOf(x) === s.name) &&
      (!s.image || (img !== undefined && x.ImageID === img.Id) || withTag(x.Image) === withTag(s.image)),
  );
  const what = noun(c);
  const expect = thereAre(c, what);
  if (countOk(found.length, c)) return { ok: true, expect, problem: expect };
  return { ok: false, expect, problem: countProblem(found.length, c, what, singular(what.en), listText(found.map(nameOf))) };
}
