import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../../client/engine-client';
import { loadBuiltinLessons } from '../../runner/lesson-files';
import { loadLesson } from '../format/load-lesson';
import { createLessonSandbox } from '../../runner/lesson-sandbox';
import type { Lesson } from '../model';
import { CourseRunner } from './course-runner';
import { simulatorOnlyText } from './setup';

/** lesson 19 with its tutorial-config step marked simulator-only (as a lesson.yaml would) */
function marked(): Lesson {
  const l = loadBuiltinLessons().find((x) => x.ok && x.lesson.folder === '19-daemon-config');
  if (!l?.ok) throw new Error('no lesson 19');
  const steps = l.lesson.steps.map((s) => (s.id === 'tutorial-config' ? { ...s, simulatorOnly: { en: 'the reason.', 'zh-CN': '原因。' } } : s));
  return { ...l.lesson, steps };
}

/** the sandbox's client, flagged as a real engine's */
const asRemote = (client: EngineClient): EngineClient =>
  new Proxy(client, { get: (t, p) => (p === 'remote' ? true : (t as unknown as Record<PropertyKey, unknown>)[p]) });

describe('steps marked simulator-only', () => {
  it('lesson.yaml takes the marking, with its reason in both languages', () => {
    const md = (title: string) => `# ${title}\n\nIntro.\n\n## Pull it {#pull}\n\nRun it.\n`;
    const yaml = (mark: string) => `id: a-lesson\nlevel: beginner\nminutes: 5\nsteps:\n  - id: pull\n${mark}    checks:\n      - image: busybox\n    solution: docker pull busybox\n`;
    const files = (mark: string) => ({ 'lesson.yaml': yaml(mark), 'en.md': md('A lesson'), 'zh-CN.md': md('一课') });
    const r = loadLesson('99-x', files('    simulator-only:\n      en: "the Hub is shared."\n      zh-CN: "Hub 是共用的。"\n'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.lesson.steps[0].simulatorOnly).toEqual({ en: 'the Hub is shared.', 'zh-CN': 'Hub 是共用的。' });
    const half = loadLesson('99-x', files('    simulator-only:\n      en: "the Hub is shared."\n'));
    expect(half.ok).toBe(false);
    // one built-in step needs it today: lesson 10's multi-stage build (apk add needs the Internet); lesson 19's daemon.json steps run on a real engine's session daemon
    expect(loadBuiltinLessons().flatMap((l) => (l.ok ? l.lesson.steps.filter((s) => s.simulatorOnly).map((s) => s.id) : []))).toEqual(['multi-stage']);
  });

  it('run on the simulator; on a real engine the runtime stops at them and says why', async () => {
    const box = createLessonSandbox();
    try {
      const step = marked().steps[2];
      expect(simulatorOnlyText(step, box.env)).toBeUndefined();
      const real = { ...box.env, client: asRemote(box.env.client) };
      expect(simulatorOnlyText(marked().steps[0], real)).toBeUndefined();
      const text = simulatorOnlyText(step, real);
      expect(text?.en).toBe('This step cannot be done on the real engine: the reason. Switch back to the simulator for this step.');
      expect(text?.['zh-CN']).toBe('这一步无法在真实引擎上完成：原因。请切换回模拟器完成这一步。');

      const runner = new CourseRunner({
        env: () => real,
        now: () => box.clock.now(),
        progress: () => undefined,
        saveProgress: () => {},
        setActive: () => {},
        freshSandbox: async () => {},
        pin: () => {},
        hasPin: () => false,
        restorePin: async () => false,
        unpin: () => {},
        runLines: async () => {},
      });
      await runner.start(marked(), 2);
      expect(runner.get()).toMatchObject({ stepIndex: 2, status: 'failed', error: text });
    } finally {
      box.dispose();
    }
  });
});
