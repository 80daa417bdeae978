import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../../client/engine-client';
import { loadBuiltinLessons } from '../../runner/lesson-files';
import { createLessonSandbox } from '../../runner/lesson-sandbox';
import type { Lesson } from '../model';
import { CourseRunner } from './course-runner';
import { simulatorOnlyText } from './setup';

function lesson19(): Lesson {
  const l = loadBuiltinLessons().find((x) => x.ok && x.lesson.folder === '19-daemon-config');
  if (!l?.ok) throw new Error('no lesson 19');
  return l.lesson;
}

/** the sandbox's client, flagged as a real engine's */
const asRemote = (client: EngineClient): EngineClient =>
  new Proxy(client, { get: (t, p) => (p === 'remote' ? true : (t as unknown as Record<PropertyKey, unknown>)[p]) });

describe('steps marked simulator-only', () => {
  it('lesson.yaml marks the daemon.json steps of lesson 19, in both languages', () => {
    const marked = lesson19().steps.filter((s) => s.simulatorOnly).map((s) => s.id);
    expect(marked).toEqual(['tutorial-config', 'push-again', 'no-mirrors', 'broken', 'fix']);
    const why = lesson19().steps[2].simulatorOnly;
    expect(why?.en).toMatch(/daemon\.json/);
    expect(why?.['zh-CN']).toMatch(/daemon\.json/);
  });

  it('run on the simulator; on a real engine the runtime stops at them and says why', async () => {
    const box = createLessonSandbox();
    try {
      const step = lesson19().steps[2];
      expect(simulatorOnlyText(step, box.env)).toBeUndefined();
      const real = { ...box.env, client: asRemote(box.env.client) };
      expect(simulatorOnlyText(lesson19().steps[0], real)).toBeUndefined();
      const text = simulatorOnlyText(step, real);
      expect(text?.en).toMatch(/^This step cannot be done on the real engine: .*Switch back to the simulator for this step\.$/);
      expect(text?.['zh-CN']).toMatch(/^这一步无法在真实引擎上完成：.*请切换回模拟器完成这一步。$/);

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
      await runner.start(lesson19(), 2);
      expect(runner.get()).toMatchObject({ stepIndex: 2, status: 'failed', error: text });
    } finally {
      box.dispose();
    }
  });
});
