import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinLessons } from '../../runner/lesson-files';
import { createLessonSandbox, type LessonSandbox } from '../../runner/lesson-sandbox';
import type { Lesson } from '../model';
import { CourseRunner, type CourseHost } from './course-runner';
import { classCsv, classOverview, exportProgress, type LessonProgress, parseProgressFile, progressCsv, stepsDone } from './progress';

function lesson(folder: string): Lesson {
  const l = loadBuiltinLessons().find((x) => x.ok && x.lesson.folder === folder);
  if (!l?.ok) throw new Error(`no lesson ${folder}`);
  return l.lesson;
}

let box: LessonSandbox | undefined;
afterEach(() => box?.dispose());

/** the runner on a headless sandbox; "terminals" type through the sandbox and report to the runner */
function harness() {
  const progress = new Map<string, LessonProgress>();
  let active: string | undefined;
  box = createLessonSandbox();
  const typed: string[] = [];
  const host: CourseHost = {
    env: () => (box as LessonSandbox).env,
    now: () => (box as LessonSandbox).clock.now(),
    progress: (id) => progress.get(id),
    saveProgress: (p) => progress.set(p.lessonId, p),
    setActive: (id) => {
      active = id;
    },
    async freshSandbox() {
      box?.dispose();
      box = createLessonSandbox();
    },
    pin: () => {},
    hasPin: () => false,
    restorePin: async () => false,
    unpin: () => {},
    async runLines(_t, lines) {
      for (const l of lines) {
        typed.push(l);
        await type(l);
      }
    },
  };
  const runner = new CourseRunner(host);
  const type = async (line: string) => {
    const b = box as LessonSandbox;
    const r = await b.type('t1', line);
    await runner.commandFinished({ terminal: 't1', line, status: r.status, at: b.clock.now() });
    return r;
  };
  return { runner, type, progress, typed, active: () => active };
}

describe('following a lesson', () => {
  it('opens the next step when the checks pass, counts hints and solutions, takes quiz answers', { timeout: 120_000 }, async () => {
    const { runner, type, progress, typed, active } = harness();
    const first = lesson('01-first-container');
    await runner.start(first);
    expect(active()).toBe('first-container');
    expect(runner.get()).toMatchObject({ stepIndex: 0, status: 'ready' });
    expect(runner.whyNotYet().map((t) => t.en)).toEqual(['you have not run `docker version` in this step yet']);
    expect(runner.nextHint()).toBe(1);
    expect(runner.nextHint()).toBe(1);
    await type('docker version');
    expect(runner.get()).toMatchObject({ stepIndex: 1, justDone: 0, status: 'ready' });
    expect(runner.whyNotYet().map((t) => t['zh-CN'])).toEqual(['没有镜像 hello-world：现在还没有任何镜像', '没有由 hello-world 创建的容器（现在没有任何容器）']);
    runner.showSolution();
    await runner.runSolution();
    expect(typed).toEqual(['docker run hello-world']);
    expect(runner.get().stepIndex).toBe(2);
    expect(await runner.answer(['a'])).toBe(false);
    expect(runner.get()).toMatchObject({ stepIndex: 2, answer: { ids: ['a'], right: false } });
    expect(await runner.answer(['b'])).toBe(true);
    expect(runner.get().stepIndex).toBe(3);
    await type('docker ps -a');
    await type('docker rm $(docker ps -aq)');
    expect(runner.get().stepIndex).toBe(5);
    await type('docker run --rm hello-world');
    expect(runner.get().status).toBe('finished');

    const p = progress.get('first-container') as LessonProgress;
    expect(stepsDone(p)).toBe(6);
    expect(p.doneAt).toBeDefined();
    expect(p.steps.version).toMatchObject({ hints: 1, commands: ['docker version'] });
    expect(p.steps.hello).toMatchObject({ solutionShown: true, solutionRun: true });
    expect(p.steps['what-happened'].answers).toEqual(['a', 'b']);
    const csv = progressCsv([p]);
    expect(csv.split('\r\n')[0]).toBe('lesson,step,started,done,seconds,hints,solution_shown,solution_run,commands');
    expect(csv).toContain('first-container,version,');
  });

  it('resets a step to its start state and starts a lesson at a given step', { timeout: 120_000 }, async () => {
    const { runner, type } = harness();
    const drill = lesson('drill-port-allocated');
    await runner.start(drill, 3);
    expect(runner.get()).toMatchObject({ stepIndex: 3, status: 'ready' });
    // the start of step 4: web2 was created by the failed run of step 1
    expect(runner.whyNotYet()[0].en).toBe('web2 is created, not running; web2 exists but does not map port 8080 to 80 (it maps 80→80)');
    await type('docker rm web2');
    expect(runner.whyNotYet()[0].en).toBe('there is no container web2 (the containers here: web (nginx, running))');
    await runner.resetStep();
    expect(runner.get().stepIndex).toBe(3);
    expect(runner.whyNotYet()[0].en).toMatch(/^web2 is created, not running/);
  });
});

describe('progress files and the class overview', () => {
  it('exports, reads back and sums up several learners', () => {
    const p = (id: string, done: number, hints: number): LessonProgress => ({
      lessonId: id,
      totalSteps: 3,
      startedAt: 0,
      current: done,
      steps: Object.fromEntries(Array.from({ length: done }, (_, i) => [`s${i}`, { startedAt: i * 1000, doneAt: i * 1000 + 30_000, hints, commands: [], solutionShown: i === 0 }])),
    });
    const a = JSON.stringify(exportProgress([p('first-container', 3, 1), p('dangling-images', 1, 0)], 'Wang Fang', 0));
    const b = JSON.stringify(exportProgress([p('first-container', 2, 2)], '', 0));
    const files = [a, b].map((t) => {
      const r = parseProgressFile(t);
      if (!r.ok) throw new Error(r.reason);
      return r.file;
    });
    expect(parseProgressFile('{"format":"x"}')).toEqual({ ok: false, reason: 'not a Dockyard progress file' });
    expect(parseProgressFile('nope')).toEqual({ ok: false, reason: 'not JSON' });
    const o = classOverview(files);
    expect(o.learners).toEqual(['Wang Fang', 'learner 2']);
    expect(o.lessons).toEqual(['first-container', 'dangling-images']);
    expect(o.cells['Wang Fang']['first-container']).toEqual({ done: 3, total: 3, seconds: 90, hints: 3, solutions: 1 });
    expect(classCsv(o)).toBe(
      'learner,lesson,steps_done,steps_total,seconds,hints,solutions\r\nWang Fang,first-container,3,3,90,3,1\r\nWang Fang,dangling-images,1,3,30,0,1\r\nlearner 2,first-container,2,3,60,4,1\r\n',
    );
  });
});
