/**
 * `image:` — an image exists (or is gone), is dangling, and has the layers,
 * labels, user, entrypoint, command, exposed ports, environment, working
 * directory, other Config fields and tags the step asks for
 * (docker image inspect).
 */
import type { ImageInspect, ImageSummary } from '../../api/image';
import type { ImageCheck } from '../format/check-schema';
import type { Text } from '../model';
import { commandMatches, envProblems, labelProblems, portKey, sameValue, showCommand } from './config-match';
import type { CheckPass, Outcome } from './context';
import { joinTexts, list, say, shortId, unbound } from './say';

/** "nginx" → "nginx:latest"; digests and IDs as they are */
export function withTag(ref: string): string {
  if (ref.includes('@')) return ref;
  const slash = ref.lastIndexOf('/');
  return ref.slice(slash + 1).includes(':') ? ref : `${ref}:latest`;
}

function repoOf(ref: string): string {
  const at = ref.indexOf('@');
  const r = at >= 0 ? ref.slice(0, at) : ref;
  const colon = r.lastIndexOf(':');
  return colon > r.lastIndexOf('/') ? r.slice(0, colon) : r;
}

/** how the images present are named in a message: their tags, or "<none> 0a1b2c3d4e5f" */
export function imageNames(images: readonly ImageSummary[]): string[] {
  const out: string[] = [];
  for (const i of images) {
    const tags = (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
    if (tags.length > 0) out.push(...tags);
    else out.push(`<none> ${shortId(i.Id)}`);
  }
  return out;
}

/** "there is no image X" with what is there instead */
export async function missingImage(pass: CheckPass, shown: string, ref: string): Promise<Text> {
  const images = await pass.images();
  if (images.length === 0) return say(`there is no image ${shown}: there are no images yet`, `没有镜像 ${shown}：现在还没有任何镜像`);
  const repo = repoOf(ref);
  const same = imageNames(images).filter((n) => repoOf(n) === repo);
  if (same.length > 0) return say(`there is no image ${shown}, but there is ${list(same, 'en')}`, `没有镜像 ${shown}，但有 ${list(same, 'zh-CN')}`);
  const names = imageNames(images);
  return say(`there is no image ${shown} (the images here: ${list(names, 'en')})`, `没有镜像 ${shown}（现有镜像：${list(names, 'zh-CN')}）`);
}

function tagsOf(img: ImageInspect): string[] {
  return (img.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
}

function propertyProblems(c: ImageCheck, img: ImageInspect, shown: string): Text[] {
  const out: Text[] = [];
  const what = say(`image ${shown}`, `镜像 ${shown} `);
  const cfg = img.Config;
  const tags = tagsOf(img);
  if (c.dangling === true && tags.length > 0) out.push(say(`image ${shown} is not dangling: it is still tagged ${list(tags, 'en')}`, `镜像 ${shown} 不是虚悬镜像：它仍然带有标签 ${list(tags, 'zh-CN')}`));
  if (c.dangling === false && tags.length === 0) out.push(say(`image ${shown} is dangling (it has no tag)`, `镜像 ${shown} 是虚悬镜像（没有任何标签）`));
  if (c.layers !== undefined) {
    const n = img.RootFS.Layers?.length ?? 0;
    if (n !== c.layers) out.push(say(`image ${shown} has ${n} layer${n === 1 ? '' : 's'}, not ${c.layers}`, `镜像 ${shown} 有 ${n} 层，不是 ${c.layers} 层`));
  }
  if (c.labels) out.push(...labelProblems(what, c.labels, cfg?.Labels));
  if (c.user !== undefined && (cfg?.User ?? '') !== c.user) {
    const u = cfg?.User || 'root';
    out.push(say(`image ${shown} runs as user ${u}, not ${c.user || 'root'}`, `镜像 ${shown} 以用户 ${u} 运行，不是 ${c.user || 'root'}`));
  }
  if (c.entrypoint !== undefined && !commandMatches(c.entrypoint, cfg?.Entrypoint))
    out.push(say(`the entrypoint of image ${shown} is ${showCommand(cfg?.Entrypoint)}, not ${showCommand([c.entrypoint].flat())}`, `镜像 ${shown} 的 ENTRYPOINT 是 ${showCommand(cfg?.Entrypoint)}，不是 ${showCommand([c.entrypoint].flat())}`));
  if (c.cmd !== undefined && !commandMatches(c.cmd, cfg?.Cmd))
    out.push(say(`the command of image ${shown} is ${showCommand(cfg?.Cmd)}, not ${showCommand([c.cmd].flat())}`, `镜像 ${shown} 的 CMD 是 ${showCommand(cfg?.Cmd)}，不是 ${showCommand([c.cmd].flat())}`));
  if (c.exposes !== undefined) {
    const have = Object.keys(cfg?.ExposedPorts ?? {});
    for (const p of [c.exposes].flat().map(portKey)) {
      if (!have.includes(p))
        out.push(
          have.length
            ? say(`image ${shown} does not expose ${p} (it exposes ${list(have, 'en')})`, `镜像 ${shown} 没有声明暴露 ${p}（它暴露的是 ${list(have, 'zh-CN')}）`)
            : say(`image ${shown} exposes no port, not even ${p}`, `镜像 ${shown} 没有声明暴露任何端口，也没有 ${p}`),
        );
    }
  }
  if (c.env) out.push(...envProblems(what, c.env, cfg?.Env));
  if (c.workdir !== undefined && (cfg?.WorkingDir ?? '') !== c.workdir)
    out.push(say(`the working directory of image ${shown} is ${cfg?.WorkingDir || '/'}, not ${c.workdir}`, `镜像 ${shown} 的工作目录是 ${cfg?.WorkingDir || '/'}，不是 ${c.workdir}`));
  if (c.config) {
    const rec = (cfg ?? {}) as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(c.config)) {
      if (!sameValue(rec[k], v)) out.push(say(`Config.${k} of image ${shown} is ${JSON.stringify(rec[k] ?? null)}, not ${JSON.stringify(v)}`, `镜像 ${shown} 的 Config.${k} 是 ${JSON.stringify(rec[k] ?? null)}，不是 ${JSON.stringify(v)}`));
    }
  }
  for (const t of c.tags ?? []) {
    if (!tags.includes(withTag(t)))
      out.push(
        tags.length
          ? say(`image ${shown} is not tagged ${withTag(t)} (its tags: ${list(tags, 'en')})`, `镜像 ${shown} 没有标签 ${withTag(t)}（它的标签：${list(tags, 'zh-CN')}）`)
          : say(`image ${shown} is not tagged ${withTag(t)} (it has no tag)`, `镜像 ${shown} 没有标签 ${withTag(t)}（它没有任何标签）`),
      );
  }
  return out;
}

function expectation(c: ImageCheck, shown: string): Text {
  if (c.gone) return say(`image ${shown} is gone`, `镜像 ${shown} 已被删除`);
  if (c.dangling) return say(`image ${shown} is dangling`, `镜像 ${shown} 是虚悬镜像`);
  const props = Object.keys(c).filter((k) => !['image', 'not', 'message', 'as'].includes(k));
  return props.length ? say(`image ${shown} exists with ${props.join(', ')} as given`, `镜像 ${shown} 存在，且 ${props.join('、')} 符合要求`) : say(`image ${shown} exists`, `镜像 ${shown} 存在`);
}

export async function imageCheck(c: ImageCheck, pass: CheckPass): Promise<Outcome> {
  const r = pass.ref(c.image);
  const shown = r.bound ? (r.bound.name ?? shortId(r.bound.id)) : c.image;
  const expect = expectation(c, shown);
  if (r.missing) return { ok: false, problem: unbound(r.missing), expect };
  const img = await pass.image(r.ref);
  if (c.gone) {
    if (!img) return { ok: true, problem: expect, expect };
    const tags = tagsOf(img);
    return {
      ok: false,
      expect,
      problem: say(`image ${shown} is still there (ID ${shortId(img.Id)}${tags.length ? `, tags ${list(tags, 'en')}` : ''})`, `镜像 ${shown} 还在（ID ${shortId(img.Id)}${tags.length ? `，标签 ${list(tags, 'zh-CN')}` : ''}）`),
    };
  }
  if (!img) return { ok: false, expect, problem: await missingImage(pass, shown, r.ref) };
  const problems = propertyProblems(c, img, shown);
  const bind = { id: img.Id, name: tagsOf(img)[0] };
  if (problems.length > 0) return { ok: false, expect, problem: joinTexts(problems), bind };
  return { ok: true, expect, problem: expect, bind };
}
