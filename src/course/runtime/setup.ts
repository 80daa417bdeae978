/**
 * Preparing a lesson or a step (Setup of model.ts): images pulled, host files
 * written, command lines run out of sight, Hub events. Resolves with what went
 * wrong, or undefined when everything is in place.
 */
import type { CheckEnv } from '../checks/context';
import { say } from '../checks/say';
import type { LessonStep, Setup, Text } from '../model';

/** changes on the Docker Hub the engine pulls from (the simulator's; a real engine's stand-in Hub) */
export interface HubControl {
  /** the Hub publishes a newer build of `ref` ("mongo:3.2"); throws when it has none */
  publish(ref: string): void | Promise<void>;
}

export interface LessonEnv extends CheckEnv {
  readonly hub?: HubControl;
}

/** "'it''s'": one shell word */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export async function applySetup(setup: Setup | undefined, env: LessonEnv): Promise<Text | undefined> {
  if (!setup) return undefined;
  for (const image of setup.images ?? []) {
    const r = await env.exec(`docker pull -q ${shellQuote(image)}`);
    if (r.status !== 0) return say(`could not pull ${image}: ${(r.stderr || r.stdout).trim()}`, `无法拉取 ${image}：${(r.stderr || r.stdout).trim()}`);
  }
  for (const [raw, content] of Object.entries(setup.files ?? {})) {
    const path = raw === '~' ? env.home : raw.startsWith('~/') ? `${env.home}/${raw.slice(2)}` : raw;
    try {
      env.hostFs.mkdir(parentOf(path), { recursive: true });
      env.hostFs.writeFile(path, content);
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      return say(`could not write ${raw}: ${m}`, `无法写入 ${raw}：${m}`);
    }
  }
  for (const line of setup.commands ?? []) {
    const r = await env.exec(line);
    if (r.status !== 0) return say(`the setup command \`${line}\` failed: ${(r.stderr || r.stdout).trim()}`, `准备命令 \`${line}\` 失败：${(r.stderr || r.stdout).trim()}`);
  }
  for (const ev of setup.hub ?? []) {
    if (!env.hub && env.client.remote) {
      return say(
        `This step needs Docker Hub to publish a new build of ${ev.publish} behind your back, which only the simulated Hub can do: on a real engine the Hub is shared by everyone. Switch back to the simulator for this step.`,
        `这一步需要 Docker Hub 在你不知情时发布 ${ev.publish} 的新版本，只有模拟的 Hub 能做到：在真实引擎上 Hub 由所有人共用。请切换回模拟器完成这一步。`,
      );
    }
    if (!env.hub) return say(`this engine's Docker Hub cannot publish ${ev.publish}`, `这个引擎的 Docker Hub 无法发布 ${ev.publish}`);
    try {
      await env.hub.publish(ev.publish);
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      return say(`the Hub could not publish ${ev.publish}: ${m}`, `Docker Hub 无法发布 ${ev.publish}：${m}`);
    }
  }
  return undefined;
}

/**
 * A step marked `simulator-only` on a real engine: what the learner is told
 * (the lesson cannot go on there; the simulator kept its sandbox). Undefined
 * when the step can run here.
 */
export function simulatorOnlyText(step: Pick<LessonStep, 'simulatorOnly'>, env: CheckEnv): Text | undefined {
  const why = step.simulatorOnly;
  if (!why || !env.client.remote) return undefined;
  return say(
    `This step cannot be done on the real engine: ${why.en} Switch back to the simulator for this step.`,
    `这一步无法在真实引擎上完成：${why['zh-CN']}请切换回模拟器完成这一步。`,
  );
}
