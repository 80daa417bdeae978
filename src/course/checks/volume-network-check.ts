/**
 * `volume:` and `network:` — a volume or network exists (or is gone), with
 * its driver and labels; containers attached to a network.
 */
import type { NetworkCheck, VolumeCheck } from '../format/check-schema';
import type { Text } from '../model';
import { labelProblems } from './config-match';
import type { CheckPass, Outcome } from './context';
import { joinTexts, list, say, unbound } from './say';

export async function volumeCheck(c: VolumeCheck, pass: CheckPass): Promise<Outcome> {
  const r = pass.ref(c.volume);
  const shown = r.bound?.name ?? c.volume;
  const expect = c.gone ? say(`volume ${shown} is gone`, `数据卷 ${shown} 已被删除`) : say(`volume ${shown} exists`, `数据卷 ${shown} 存在`);
  if (r.missing) return { ok: false, expect, problem: unbound(r.missing) };
  const all = await pass.volumes();
  const v = all.find((x) => x.Name === r.ref);
  if (c.gone) {
    if (!v) return { ok: true, expect, problem: expect };
    const users = (await pass.containers()).filter((x) => x.Mounts.some((m) => m.Type === 'volume' && m.Name === v.Name)).map((x) => x.Names[0]?.replace(/^\//, '') ?? '');
    return {
      ok: false,
      expect,
      problem: users.length
        ? say(`volume ${shown} still exists (used by ${list(users, 'en')})`, `数据卷 ${shown} 仍然存在（${list(users, 'zh-CN')} 正在使用它）`)
        : say(`volume ${shown} still exists`, `数据卷 ${shown} 仍然存在`),
    };
  }
  if (!v) {
    const names = all.map((x) => x.Name);
    return {
      ok: false,
      expect,
      problem: names.length
        ? say(`there is no volume ${shown} (the volumes here: ${list(names, 'en')})`, `没有数据卷 ${shown}（现有数据卷：${list(names, 'zh-CN')}）`)
        : say(`there is no volume ${shown}: there are no volumes yet`, `没有数据卷 ${shown}：现在还没有任何数据卷`),
    };
  }
  const problems: Text[] = [];
  if (c.driver !== undefined && v.Driver !== c.driver) problems.push(say(`volume ${shown} uses driver ${v.Driver}, not ${c.driver}`, `数据卷 ${shown} 的驱动是 ${v.Driver}，不是 ${c.driver}`));
  if (c.labels) problems.push(...labelProblems(say(`volume ${shown}`, `数据卷 ${shown} `), c.labels, v.Labels));
  const bind = { id: v.Name, name: v.Name };
  return problems.length ? { ok: false, expect, problem: joinTexts(problems), bind } : { ok: true, expect, problem: expect, bind };
}

export async function networkCheck(c: NetworkCheck, pass: CheckPass): Promise<Outcome> {
  const r = pass.ref(c.network);
  const shown = r.bound?.name ?? c.network;
  const expect = c.gone ? say(`network ${shown} is gone`, `网络 ${shown} 已被删除`) : say(`network ${shown} exists`, `网络 ${shown} 存在`);
  if (r.missing) return { ok: false, expect, problem: unbound(r.missing) };
  const net = await pass.network(r.ref);
  if (c.gone) return net ? { ok: false, expect, problem: say(`network ${shown} still exists`, `网络 ${shown} 仍然存在`) } : { ok: true, expect, problem: expect };
  if (!net) {
    const names = (await pass.networks()).map((n) => n.Name);
    return { ok: false, expect, problem: say(`there is no network ${shown} (the networks here: ${list(names, 'en')})`, `没有网络 ${shown}（现有网络：${list(names, 'zh-CN')}）`) };
  }
  const problems: Text[] = [];
  if (c.driver !== undefined && net.Driver !== c.driver) problems.push(say(`network ${shown} uses driver ${net.Driver}, not ${c.driver}`, `网络 ${shown} 的驱动是 ${net.Driver}，不是 ${c.driver}`));
  const attached = Object.entries(net.Containers ?? {}).map(([id, e]) => ({ id, name: e.Name }));
  for (const want of c.containers ?? []) {
    const w = pass.ref(want);
    if (w.missing) {
      problems.push(unbound(w.missing));
      continue;
    }
    const name = w.bound?.name ?? want;
    if (attached.some((a) => a.name === name || a.id === w.ref || a.id.startsWith(w.ref))) continue;
    const names = attached.map((a) => a.name);
    problems.push(
      names.length
        ? say(`${name} is not attached to network ${shown} (attached: ${list(names, 'en')})`, `${name} 没有连接到网络 ${shown}（已连接的有：${list(names, 'zh-CN')}）`)
        : say(`${name} is not attached to network ${shown} (no container is)`, `${name} 没有连接到网络 ${shown}（还没有任何容器连接到它）`),
    );
  }
  const bind = { id: net.Id, name: net.Name };
  return problems.length ? { ok: false, expect, problem: joinTexts(problems), bind } : { ok: true, expect, problem: expect, bind };
}
