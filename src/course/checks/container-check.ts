/**
 * `container:` — a container exists (or is gone) with the state, image,
 * port mappings, mounts, networks, restart policy, exit code, environment
 * and labels the step asks for (docker inspect). The container is named
 * (name, ID, $name) or selected ({ image: nginx:v2 }: the first container
 * from that image that has every property asked for).
 */
import type { ContainerJSON, ContainerSummary } from '../../api/container';
import type { PortMap } from '../../api/network';
import type { ContainerCheck } from '../format/check-schema';
import type { Text } from '../model';
import { envProblems, labelProblems, portKey } from './config-match';
import type { CheckPass, Outcome } from './context';
import { withTag } from './image-check';
import { joinTexts, list, say, shortId, unbound } from './say';

export const nameOf = (c: { Name: string } | { Names: string[] }): string => ('Name' in c ? c.Name : (c.Names[0] ?? '')).replace(/^\//, '');

interface PortWant {
  ip?: string;
  host?: string;
  port: string;
}

/** "127.0.0.1:8080:80/tcp", "81:80", "80" */
export function parsePortWant(spec: string | number): PortWant {
  const s = String(spec);
  const slash = s.indexOf('/');
  const proto = slash >= 0 ? s.slice(slash + 1) : 'tcp';
  const parts = (slash >= 0 ? s.slice(0, slash) : s).split(':');
  const port = `${parts[parts.length - 1]}/${proto}`;
  if (parts.length === 1) return { port };
  if (parts.length === 2) return { host: parts[0], port };
  return { ip: parts.slice(0, -2).join(':'), host: parts[parts.length - 2], port };
}

/** the port bindings that count: the live ones of a running container, else the configured ones */
function bindingsOf(c: ContainerJSON): PortMap {
  const live = c.State.Running ? c.NetworkSettings?.Ports : undefined;
  if (live && Object.values(live).some((b) => b && b.length > 0)) return live;
  return c.HostConfig.PortBindings ?? {};
}

function showBindings(ports: PortMap): string[] {
  const out: string[] = [];
  for (const [k, bs] of Object.entries(ports)) {
    for (const b of bs ?? []) {
      const ip = b.HostIp && b.HostIp !== '0.0.0.0' && b.HostIp !== '::' ? `${b.HostIp}:` : '';
      const p = k.endsWith('/tcp') ? k.slice(0, -4) : k;
      const s = `${ip}${b.HostPort || '?'}→${p}`;
      if (!out.includes(s)) out.push(s);
    }
  }
  return out;
}

function portOk(ports: PortMap, w: PortWant): boolean {
  const bs = ports[portKey(w.port)] ?? [];
  return bs.some((b) => (!w.host || b.HostPort === w.host) && (!w.ip || b.HostIp === w.ip));
}

function restartName(c: ContainerJSON): string {
  const p = c.HostConfig.RestartPolicy;
  const name = p?.Name || 'no';
  return name === 'on-failure' && p.MaximumRetryCount > 0 ? `on-failure:${p.MaximumRetryCount}` : name;
}

function stateText(c: ContainerJSON): Text {
  const s = c.State.Status;
  if (s === 'exited') return say(`exited (code ${c.State.ExitCode})`, `已退出（退出码 ${c.State.ExitCode}）`);
  const zh: Record<string, string> = { running: '正在运行', created: '已创建但未启动', paused: '已暂停', restarting: '正在重启', dead: '已失效', removing: '正在删除' };
  return say(s, zh[s] ?? s);
}

const STATE_ZH: Record<string, string> = { running: '运行中', created: '已创建', paused: '已暂停', restarting: '重启中', exited: '已退出', dead: '已失效' };

function propertyProblems(c: ContainerCheck, ct: ContainerJSON, pass: CheckPass, imageId: string | undefined): Text[] {
  const out: Text[] = [];
  const n = nameOf(ct);
  if (c.state !== undefined && ct.State.Status !== c.state) {
    const st = stateText(ct);
    out.push(say(`${n} is ${st.en}, not ${c.state}`, `容器 ${n} ${st['zh-CN']}，不是${STATE_ZH[c.state] ?? c.state}`));
  }
  if (c.image !== undefined && !(imageId !== undefined && ct.Image === imageId) && withTag(ct.Config.Image) !== withTag(c.image))
    out.push(say(`${n} runs image ${ct.Config.Image}, not ${c.image}`, `容器 ${n} 运行的镜像是 ${ct.Config.Image}，不是 ${c.image}`));
  if (c.ports !== undefined) {
    const ports = bindingsOf(ct);
    const have = showBindings(ports);
    for (const w of [c.ports].flat().map(parsePortWant)) {
      if (portOk(ports, w)) continue;
      const p = w.port.replace(/\/tcp$/, '');
      const head = w.host
        ? say(`${n} exists but does not map port ${w.ip ? `${w.ip}:` : ''}${w.host} to ${p}`, `容器 ${n} 存在，但没有把 ${w.ip ? `${w.ip}:` : ''}${w.host} 端口映射到 ${p}`)
        : say(`${n} exists but does not publish port ${p}`, `容器 ${n} 存在，但没有发布 ${p} 端口`);
      const tail = have.length ? say(` (it maps ${list(have, 'en')})`, `（它映射的是 ${list(have, 'zh-CN')}）`) : say(' (it publishes no port)', '（它没有发布任何端口）');
      out.push(say(head.en + tail.en, head['zh-CN'] + tail['zh-CN']));
    }
  }
  for (const m of c.mounts ?? []) {
    const found = ct.Mounts.find((x) => x.Destination === m.target);
    const mounts = ct.Mounts.map((x) => `${x.Type === 'volume' ? x.Name : x.Source}:${x.Destination}`);
    if (!found) {
      out.push(
        mounts.length
          ? say(`${n} has nothing mounted at ${m.target} (its mounts: ${list(mounts, 'en')})`, `容器 ${n} 的 ${m.target} 上没有挂载任何东西（它的挂载：${list(mounts, 'zh-CN')}）`)
          : say(`${n} has nothing mounted at ${m.target} (it has no mounts)`, `容器 ${n} 的 ${m.target} 上没有挂载任何东西（它没有挂载）`),
      );
      continue;
    }
    const from = found.Type === 'volume' ? (found.Name ?? found.Source) : found.Source;
    if (m.type && found.Type !== m.type) out.push(say(`${m.target} in ${n} is a ${found.Type} mount, not a ${m.type} mount`, `容器 ${n} 的 ${m.target} 是 ${found.Type} 挂载，不是 ${m.type} 挂载`));
    if (m.source !== undefined) {
      const want = pass.hostPath(m.source);
      if (from !== want && found.Source !== want) out.push(say(`${m.target} in ${n} comes from ${from}, not ${m.source}`, `容器 ${n} 的 ${m.target} 挂载自 ${from}，不是 ${m.source}`));
    }
    if (m.readonly !== undefined && found.RW === m.readonly)
      out.push(m.readonly ? say(`${m.target} in ${n} is writable, not read-only`, `容器 ${n} 的 ${m.target} 是可写的，不是只读的`) : say(`${m.target} in ${n} is read-only`, `容器 ${n} 的 ${m.target} 是只读的`));
  }
  if (c.networks) {
    const nets = Object.keys(ct.NetworkSettings?.Networks ?? {});
    for (const net of c.networks) {
      if (!nets.includes(net))
        out.push(
          nets.length
            ? say(`${n} is not on network ${net} (it is on ${list(nets, 'en')})`, `容器 ${n} 不在网络 ${net} 上（它在 ${list(nets, 'zh-CN')} 上）`)
            : say(`${n} is not on network ${net} (it is on no network)`, `容器 ${n} 不在网络 ${net} 上（它不在任何网络上）`),
        );
    }
  }
  if (c.restart !== undefined && restartName(ct) !== c.restart)
    out.push(say(`the restart policy of ${n} is ${restartName(ct)}, not ${c.restart}`, `容器 ${n} 的重启策略是 ${restartName(ct)}，不是 ${c.restart}`));
  if (c.exitCode !== undefined) {
    if (ct.State.Status !== 'exited') {
      const st = stateText(ct);
      out.push(say(`${n} has not exited yet (it is ${st.en})`, `容器 ${n} 还没有退出（它${st['zh-CN']}）`));
    } else if (ct.State.ExitCode !== c.exitCode)
      out.push(say(`${n} exited with code ${ct.State.ExitCode}, not ${c.exitCode}`, `容器 ${n} 的退出码是 ${ct.State.ExitCode}，不是 ${c.exitCode}`));
  }
  if (c.env) out.push(...envProblems(say(n, `容器 ${n} `), c.env, ct.Config.Env));
  if (c.labels) out.push(...labelProblems(say(n, `容器 ${n} `), c.labels, ct.Config.Labels));
  return out;
}

type Selector = Exclude<ContainerCheck['container'], string>;

function describeSelector(s: Selector): Text {
  const en: string[] = [];
  const zh: string[] = [];
  if (s.state) {
    en.push(s.state);
    zh.push(STATE_ZH[s.state] ?? s.state);
  }
  let e = `a ${en.length ? `${en.join(' ')} ` : ''}container`;
  let z = `一个${zh.join('')}的容器`;
  if (s.image) {
    e += ` from ${s.image}`;
    z = `一个由 ${s.image} 创建的${zh.join('')}容器`;
  }
  if (s.label) {
    e += ` labeled ${s.label}`;
    z += `（标签 ${s.label}）`;
  }
  return say(e, z);
}

async function candidates(s: Selector, pass: CheckPass): Promise<ContainerSummary[]> {
  const all = await pass.containers();
  const img = s.image ? await pass.image(s.image) : undefined;
  return all.filter((c) => {
    if (s.state && c.State !== s.state) return false;
    if (s.image && !(img && c.ImageID === img.Id) && withTag(c.Image) !== withTag(s.image)) return false;
    if (s.label) {
      const [k, v] = s.label.split('=', 2);
      if (!(k in (c.Labels ?? {})) || (v !== undefined && c.Labels[k] !== v)) return false;
    }
    return true;
  });
}

function expectation(c: ContainerCheck, who: Text): Text {
  if (c.gone) return typeof c.container === 'string' ? say(`container ${who.en} is gone`, `容器 ${who['zh-CN']} 已被删除`) : say(`no ${who.en.replace(/^a /, '')} is left`, `不再有${who['zh-CN'].replace(/^一个/, '')}`);
  const props = Object.keys(c).filter((k) => !['container', 'not', 'message', 'as'].includes(k));
  const base = typeof c.container === 'string' ? say(`container ${who.en} exists`, `容器 ${who['zh-CN']} 存在`) : say(`there is ${who.en}`, `有${who['zh-CN']}`);
  return props.length ? say(`${base.en} with ${props.join(', ')} as given`, `${base['zh-CN']}，且 ${props.join('、')} 符合要求`) : base;
}

async function listNames(pass: CheckPass): Promise<Text> {
  const all = await pass.containers();
  if (all.length === 0) return say('there are no containers', '现在没有任何容器');
  const names = all.map((c) => `${nameOf(c)} (${c.Image}, ${c.State})`);
  const namesZh = all.map((c) => `${nameOf(c)}（${c.Image}，${STATE_ZH[c.State] ?? c.State}）`);
  return say(`the containers here: ${list(names, 'en')}`, `现有容器：${list(namesZh, 'zh-CN')}`);
}

export async function containerCheck(c: ContainerCheck, pass: CheckPass): Promise<Outcome> {
  const imageId = c.image ? (await pass.image(c.image))?.Id : undefined;
  if (typeof c.container === 'string') {
    const r = pass.ref(c.container);
    const shown = r.bound ? (r.bound.name ?? shortId(r.bound.id)) : c.container;
    const expect = expectation(c, say(shown, shown));
    if (r.missing) return { ok: false, expect, problem: unbound(r.missing) };
    const ct = await pass.container(r.ref);
    if (c.gone) {
      if (!ct) return { ok: true, expect, problem: expect };
      const st = stateText(ct);
      return { ok: false, expect, problem: say(`container ${shown} still exists (${st.en})`, `容器 ${shown} 仍然存在（${st['zh-CN']}）`) };
    }
    if (!ct) {
      const here = await listNames(pass);
      return { ok: false, expect, problem: say(`there is no container ${shown} (${here.en})`, `没有名为 ${shown} 的容器（${here['zh-CN']}）`) };
    }
    const problems = propertyProblems(c, ct, pass, imageId);
    const bind = { id: ct.Id, name: nameOf(ct) };
    return problems.length ? { ok: false, expect, problem: joinTexts(problems), bind } : { ok: true, expect, problem: expect, bind };
  }
  const who = describeSelector(c.container);
  const expect = expectation(c, who);
  const found = await candidates(c.container, pass);
  if (c.gone) {
    if (found.length === 0) return { ok: true, expect, problem: expect };
    const names = found.map(nameOf);
    return { ok: false, expect, problem: say(`${list(names, 'en')} ${found.length === 1 ? 'is' : 'are'} still there`, `${list(names, 'zh-CN')} 仍然存在`) };
  }
  if (found.length === 0) {
    const here = await listNames(pass);
    return { ok: false, expect, problem: say(`there is no ${who.en.replace(/^a /, '')} (${here.en})`, `没有${who['zh-CN'].replace(/^一个/, '')}（${here['zh-CN']}）`) };
  }
  let first: { problems: Text[]; ct: ContainerJSON } | undefined;
  for (const s of found) {
    const ct = await pass.container(s.Id);
    if (!ct) continue;
    const problems = propertyProblems(c, ct, pass, imageId);
    if (problems.length === 0) return { ok: true, expect, problem: expect, bind: { id: ct.Id, name: nameOf(ct) } };
    first ??= { problems, ct };
  }
  if (!first) return { ok: false, expect, problem: say(`there is no ${who.en.replace(/^a /, '')}`, `没有${who['zh-CN'].replace(/^一个/, '')}`) };
  return { ok: false, expect, problem: joinTexts(first.problems), bind: { id: first.ct.Id, name: nameOf(first.ct) } };
}
