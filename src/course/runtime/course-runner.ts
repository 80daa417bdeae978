/**
 * The lesson being followed: which step is open, what its checks say after
 * every command, hints, solutions, quiz answers, "Reset this step", and the
 * progress that goes with it. No UI and no engine: it acts on the sandbox
 * through CourseHost (the web app wires it to the sandbox store and the
 * terminals) and tells its listeners when its state changes.
 */
import { type CheckResult, evaluateChecks } from '../checks/evaluate';
import { type CheckCaches, type CommandRecord, newCaches } from '../checks/context';
import { say } from '../checks/say';
import type { Lesson, LessonStep, Text } from '../model';
import { type LessonProgress, newProgress, stepOf, withStep } from './progress';
import { applySetup, type LessonEnv, simulatorOnlyText } from './setup';

export interface CourseHost {
  /** the live sandbox as the checks see it (it changes with undo, reset, import) */
  env(): LessonEnv;
  now(): number;
  progress(lessonId: string): LessonProgress | undefined;
  saveProgress(p: LessonProgress): void;
  /** which lesson is open (undefined: none), remembered across reloads */
  setActive(lessonId: string | undefined): void;
  /** a fresh sandbox (the old one stays one undo away) */
  freshSandbox(): Promise<void>;
  pin(key: string): void;
  hasPin(key: string): boolean;
  restorePin(key: string): Promise<boolean>;
  unpin(key: string): void;
  /** type and run lines in a terminal ("T2" = terminal 2; undefined = the active one), one after the other */
  runLines(terminal: string | undefined, lines: string[]): Promise<void>;
}

export type CourseStatus = 'idle' | 'preparing' | 'ready' | 'failed' | 'finished';

export interface CourseState {
  lesson?: Lesson;
  stepIndex: number;
  status: CourseStatus;
  /** the open step's checks, after the last command */
  results: CheckResult[];
  /** the step just completed: its "what just happened" note is shown */
  justDone?: number;
  /** a quiz answer given on the open step, with whether it was right */
  answer?: { ids: string[]; right: boolean };
  /** setup or reset trouble */
  error?: Text;
}

const pinKey = (lesson: Lesson, step: LessonStep) => `lesson:${lesson.id}:${step.id}`;

export class CourseRunner {
  private state: CourseState = { stepIndex: 0, status: 'idle', results: [] };
  private readonly listeners = new Set<() => void>();
  private caches: CheckCaches = newCaches();
  private stepCommands: CommandRecord[] = [];
  private evaluating: Promise<void> | undefined;
  private again = false;
  /** bumps when a lesson starts or stops: late evaluations of another lesson are dropped */
  private generation = 0;
  private inEvaluation = false;

  constructor(private readonly host: CourseHost) {}

  get(): CourseState {
    return this.state;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<CourseState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  private step(): LessonStep | undefined {
    return this.state.lesson?.steps[this.state.stepIndex];
  }

  private progress(): LessonProgress | undefined {
    const l = this.state.lesson;
    if (!l) return undefined;
    return this.host.progress(l.id) ?? newProgress(l, this.host.now());
  }

  private saveStep(f: Parameters<typeof withStep>[2]): void {
    const p = this.progress();
    const s = this.step();
    if (p && s) this.host.saveProgress(withStep(p, s.id, f));
  }

  /** start `lesson` from its beginning (or at step `at`) in a fresh sandbox */
  async start(lesson: Lesson, at = 0): Promise<void> {
    const gen = ++this.generation;
    const index = Math.max(0, Math.min(at, lesson.steps.length - 1));
    this.set({ lesson, stepIndex: index, status: 'preparing', results: [], justDone: undefined, answer: undefined, error: undefined });
    this.host.setActive(lesson.id);
    this.caches = newCaches();
    await this.host.freshSandbox();
    const env = this.host.env();
    let failed = await applySetup(lesson.setup, env);
    // a later step: the earlier steps' setups and solutions make its start state
    for (let i = 0; i < index && !failed; i++) {
      const s = lesson.steps[i];
      failed = simulatorOnlyText(s, env) ?? (await applySetup(s.setup, env));
      for (const line of s.solution) if (!failed) await env.exec(line);
    }
    if (gen !== this.generation) return;
    if (failed) {
      this.set({ status: 'failed', error: failed });
      return;
    }
    const now = this.host.now();
    const old = this.host.progress(lesson.id);
    this.host.saveProgress({ ...(old ?? newProgress(lesson, now)), current: index, totalSteps: lesson.steps.length });
    await this.openStep(index, gen);
  }

  /** reopen `lesson` where the progress says, on the sandbox as it is (after a reload) */
  async resume(lesson: Lesson): Promise<void> {
    const gen = ++this.generation;
    const p = this.host.progress(lesson.id);
    const index = Math.max(0, Math.min(p?.current ?? 0, lesson.steps.length - 1));
    const finished = p?.doneAt !== undefined;
    this.caches = newCaches();
    this.stepCommands = [];
    this.set({ lesson, stepIndex: index, status: finished ? 'finished' : 'ready', results: [], justDone: undefined, answer: undefined, error: undefined });
    this.host.setActive(lesson.id);
    if (!finished) await this.evaluate(gen);
  }

  /** close the lesson: free play */
  stop(): void {
    this.generation++;
    const l = this.state.lesson;
    if (l) for (const s of l.steps) this.host.unpin(pinKey(l, s));
    this.host.setActive(undefined);
    this.set({ lesson: undefined, stepIndex: 0, status: 'idle', results: [], justDone: undefined, answer: undefined, error: undefined });
  }

  private async openStep(index: number, gen: number): Promise<void> {
    const lesson = this.state.lesson;
    if (!lesson) return;
    const step = lesson.steps[index];
    this.stepCommands = [];
    this.set({ stepIndex: index, status: 'preparing', results: [], answer: undefined, error: undefined });
    const env = this.host.env();
    const failed = simulatorOnlyText(step, env) ?? (await applySetup(step.setup, env));
    if (gen !== this.generation) return;
    if (failed) {
      this.set({ status: 'failed', error: failed });
      return;
    }
    this.host.pin(pinKey(lesson, step));
    const p = this.progress();
    if (p) this.host.saveProgress(withStep({ ...p, current: index }, step.id, (s) => ({ ...s, startedAt: s.startedAt ?? this.host.now() })));
    this.set({ status: 'ready' });
    // inside an evaluation (its last check passed the step before): that evaluation goes round once more
    if (this.inEvaluation) this.again = true;
    else await this.evaluate(gen);
  }

  /** a terminal finished a command: record it, look at the state again */
  async commandFinished(record: CommandRecord): Promise<void> {
    if (this.state.status !== 'ready' || !this.step()) return;
    this.stepCommands.push(record);
    this.saveStep((s) => ({ ...s, commands: [...s.commands, record.line] }));
    await this.evaluate(this.generation);
  }

  /** the sandbox was replaced (undo, redo, import): look again */
  async sandboxChanged(): Promise<void> {
    if (this.state.status === 'ready') await this.evaluate(this.generation);
  }

  /** run the open step's checks (one evaluation at a time; a request during one runs once more after it) */
  evaluate(gen = this.generation): Promise<void> {
    if (this.evaluating) {
      this.again = true;
      return this.evaluating;
    }
    this.evaluating = (async () => {
      do {
        this.again = false;
        await this.evaluateOnce(gen);
      } while (this.again && gen === this.generation);
    })().finally(() => {
      this.evaluating = undefined;
    });
    return this.evaluating;
  }

  private async evaluateOnce(gen: number): Promise<void> {
    const lesson = this.state.lesson;
    const step = this.step();
    if (!lesson || !step || step.quiz || this.state.status !== 'ready') return;
    const index = this.state.stepIndex;
    const results = await evaluateChecks(step.checks, this.host.env(), this.caches, this.stepCommands);
    if (gen !== this.generation || this.state.stepIndex !== index || this.state.status !== 'ready') return;
    this.set({ results });
    if (!results.every((r) => r.ok)) return;
    this.inEvaluation = true;
    try {
      await this.complete(gen);
    } finally {
      this.inEvaluation = false;
    }
  }

  private async complete(gen: number): Promise<void> {
    const lesson = this.state.lesson;
    const step = this.step();
    if (!lesson || !step) return;
    const index = this.state.stepIndex;
    const now = this.host.now();
    this.saveStep((s) => ({ ...s, doneAt: s.doneAt ?? now }));
    this.host.unpin(pinKey(lesson, step));
    if (index + 1 >= lesson.steps.length) {
      const p = this.progress();
      if (p) this.host.saveProgress({ ...p, current: index, doneAt: p.doneAt ?? now });
      this.set({ justDone: index, status: 'finished' });
      return;
    }
    this.set({ justDone: index });
    await this.openStep(index + 1, gen);
  }

  /** show one more hint; resolves with how many are shown now */
  nextHint(lang: 'en' | 'zh-CN' = 'en'): number {
    const step = this.step();
    if (!step) return 0;
    const total = step.hints[lang].length;
    const shown = Math.min(total, stepOf(this.progress() as LessonProgress, step.id).hints + 1);
    this.saveStep((s) => ({ ...s, hints: shown }));
    this.set({});
    return shown;
  }

  hintsShown(): number {
    const step = this.step();
    const p = this.progress();
    return step && p ? stepOf(p, step.id).hints : 0;
  }

  /** the learner confirmed "Show solution" */
  showSolution(): void {
    this.saveStep((s) => ({ ...s, solutionShown: true }));
    this.set({});
  }

  solutionShown(): boolean {
    const step = this.step();
    const p = this.progress();
    return !!(step && p && stepOf(p, step.id).solutionShown);
  }

  /** type the open step's solution into the active terminal */
  async runSolution(): Promise<void> {
    const step = this.step();
    if (!step) return;
    this.saveStep((s) => ({ ...s, solutionShown: true, solutionRun: true }));
    await this.host.runLines(undefined, step.solution);
  }

  /** answer the open quiz step */
  async answer(ids: string[]): Promise<boolean> {
    const step = this.step();
    if (!step?.quiz || this.state.status !== 'ready') return false;
    const right = ids.length === step.quiz.answer.length && ids.every((i) => step.quiz?.answer.includes(i));
    this.saveStep((s) => ({ ...s, answers: [...(s.answers ?? []), ids.join('+')] }));
    this.set({ answer: { ids, right } });
    if (right) await this.complete(this.generation);
    return right;
  }

  /** back to the open step's start state: the kept sandbox, or rebuilt from the lesson's setup and earlier solutions */
  async resetStep(): Promise<void> {
    const lesson = this.state.lesson;
    const step = this.step();
    if (!lesson || !step) return;
    const index = this.state.stepIndex;
    if (this.host.hasPin(pinKey(lesson, step)) && (await this.host.restorePin(pinKey(lesson, step)))) {
      this.stepCommands = [];
      this.caches = newCaches();
      this.set({ status: 'ready', results: [], answer: undefined, error: undefined });
      await this.evaluate();
      return;
    }
    await this.start(lesson, index);
  }

  /** the failing checks' messages ("Why not yet?") */
  whyNotYet(): Text[] {
    // several checks on one missing thing (three on a Dockerfile not written yet) say the same: once
    const r = this.state.results.filter((x, i, all) => !x.ok && all.findIndex((y) => !y.ok && y.message.en === x.message.en) === i).map((x) => x.message);
    if (r.length === 0 && this.state.status === 'ready' && !this.step()?.quiz) return [say('checking…', '正在检查…')];
    return r;
  }
}
