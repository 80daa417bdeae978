import { afterEach, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../client/engine-client';
import { createLessonSandbox, type LessonSandbox } from '../../runner/lesson-sandbox';
import { checkLesson } from '../../runner/lessons-check';
import { loadLesson } from '../format/load-lesson';
import type { Lesson } from '../model';
import { type CourseHost, CourseRunner } from './course-runner';
import type { LessonEnv } from './setup';

const YAML = `id: marked
level: beginner
minutes: 5
steps:
  - id: pull
    checks:
      - image: busybox
    solution: docker pull busybox
  - id: restart
    simulatorOnly:
      en: the session's daemon is configured by the server.
      zh-CN: 会话的守护进程由服务器配置。
    checks:
      - image: hello-world
    solution: docker pull hello-world
`;
const md = (title: string) => `# ${title}\n\nIntro.\n\n## Pull {#pull}\n\nPull.\n\n## Restart {#restart}\n\nRestart.\n`;

function marked(): Lesson {
  const r = loadLesson('99-marked', { 'lesson.yaml': YAML, 'en.md': md('Marked'), 'zh-CN.md': md('标记') });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.lesson;
}

/** the sandbox's env as a real engine's: the same client, saying it is remote */
function asRemote(env: LessonEnv): LessonEnv {
  const client = new Proxy(env.client, { get: (t, p) => (p === 'remote' ? true : (t as unknown as Record<PropertyKey, unknown>)[p]) }) as EngineClient;
  return { ...env, client };
}

let box: LessonSandbox | undefined;
afterEach(() => box?.dispose());

function runnerOn(remote: () => boolean) {
  box = createLessonSandbox();
  const host: CourseHost = {
    env: () => (remote() ? asRemote((box as LessonSandbox).env) : (box as LessonSandbox).env),
    now: () => 0,
    progress: () => undefined,
    saveProgress: () => {},
    setActive: () => {},
    async freshSandbox() {},
    pin: () => {},
    hasPin: () => false,
    restorePin: async () => false,
    unpin: () => {},
    runLines: async () => {},
  };
  const runner = new CourseRunner(host);
  const type = async (line: string) => {
    const r = await (box as LessonSandbox).type('t1', line);
    await runner.commandFinished({ terminal: 't1', line, status: r.status, at: 0 });
  };
  return { runner, type };
}

describe('a step marked simulatorOnly', () => {
  it('loads with its reason in both languages', () => {
    const l = marked();
    expect(l.steps[1].simulatorOnly).toEqual({ en: "the session's daemon is configured by the server.", 'zh-CN': '会话的守护进程由服务器配置。' });
    expect(l.steps[0].simulatorOnly).toBeUndefined();
    const bad = loadLesson('99-marked', { 'lesson.yaml': YAML.replace("      zh-CN: 会话的守护进程由服务器配置。\n", ''), 'en.md': md('M'), 'zh-CN.md': md('M') });
    expect(bad.ok).toBe(false);
  });

  it('is explained and not checked on a real engine, and is an ordinary step on the simulator', async () => {
    let remote = true;
    const { runner, type } = runnerOn(() => remote);
    await runner.start(marked());
    await type('docker pull busybox');
    expect(runner.get()).toMatchObject({ stepIndex: 1, status: 'ready' });
    expect(runner.get().needsSimulator?.en).toMatch(/^This step cannot work on a real engine: the session's daemon is configured by the server\. Switch back to the simulator/);
    expect(runner.get().needsSimulator?.['zh-CN']).toMatch(/^这一步在真实引擎上无法完成：会话的守护进程由服务器配置。/);
    // even what would pass its checks does not complete it there
    await type('docker pull hello-world');
    expect(runner.get()).toMatchObject({ stepIndex: 1, status: 'ready', results: [] });
    // back on the simulator: the notice goes, the checks run and pass
    remote = false;
    await type('docker images -q hello-world');
    expect(runner.get().needsSimulator).toBeUndefined();
    expect(runner.get().status).toBe('finished');
  });

  it('lessons:check notes it on a real engine instead of failing', async () => {
    box = createLessonSandbox();
    const real = { ...box, env: asRemote(box.env) };
    const steps = await checkLesson(marked(), real);
    expect(steps.map((s) => s.ok)).toEqual([true, true]);
    expect(steps[1].notes[0]).toMatch(/^not checked here: This step cannot work on a real engine/);
  });
});
