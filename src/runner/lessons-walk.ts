/**
 * lessons:check's second walk, through the Run buttons: from the lesson's
 * setup, each step's runnable code blocks (in English; both files carry the
 * same commands) are typed one block at a time, as clicks on Run would, with
 * the checks after each block. A step closes as soon as its checks pass and
 * takes its text along, so a runnable block that comes after the step is
 * already done is never seen by the learner: that is a note ("move it to the
 * done note"). When the blocks do not finish a step (a block to edit first,
 * typing inside a container), its solution is typed too; when even that
 * leaves the step open the walk has left the proven path and stops.
 */
import { newCaches } from '../course/checks/context';
import { evaluateChecks } from '../course/checks/evaluate';
import { type Block, commandLines } from '../course/format/blocks';
import type { Lesson } from '../course/model';
import { applySetup } from '../course/runtime/setup';
import { createLessonSandbox } from './lesson-sandbox';

/**
 * A line that waits for a keyboard nobody types on here: `docker attach`, or
 * `docker run`/`exec` with -i and without -d (a shell the learner types into,
 * then leaves). The walk stops typing blocks at it and goes on with the
 * step's solution.
 */
export function needsAKeyboard(line: string): boolean {
  const words = line.trim().split(/\s+/);
  const at = words.indexOf('docker');
  if (at < 0) return false;
  const verb = words[at + 1] === 'container' ? words[at + 2] : words[at + 1];
  if (verb === 'attach') return true;
  if (verb !== 'run' && verb !== 'exec') return false;
  const flags = words.filter((w) => w.startsWith('-'));
  const interactive = flags.some((f) => f === '--interactive' || /^-[a-zA-Z]*i[a-zA-Z]*$/.test(f));
  const detached = flags.some((f) => f === '--detach' || /^-[a-zA-Z]*d[a-zA-Z]*$/.test(f));
  return interactive && !detached;
}

function runnableBlocks(blocks: readonly Block[]): string[][] {
  return blocks.filter((b): b is Extract<Block, { t: 'code' }> => b.t === 'code' && b.run !== undefined).map((b) => commandLines(b.text));
}

/** per step id, the notes of the walk */
export async function walkRunButtons(lesson: Lesson): Promise<Map<string, string[]>> {
  const notes = new Map<string, string[]>();
  const box = createLessonSandbox();
  const caches = newCaches();
  try {
    if (await applySetup(lesson.setup, box.env)) return notes;
    for (const step of lesson.steps) {
      if (await applySetup(step.setup, box.env)) return notes;
      if (step.quiz) continue;
      const from = box.commands.length;
      const done = async () => (await evaluateChecks(step.checks, box.env, caches, box.commands.slice(from))).every((x) => x.ok);
      const blocks = runnableBlocks(step.body.en);
      let passed = false;
      for (const [i, lines] of blocks.entries()) {
        if (passed) {
          const first = lines[0] ?? '';
          notes.set(step.id, [
            ...(notes.get(step.id) ?? []),
            `runnable block ${i + 1} (\`${first}\`) comes after the step is done: it closes before the learner gets there (move the block to the done note)`,
          ]);
          continue;
        }
        if (lines.some(needsAKeyboard)) break;
        for (const line of lines) await box.type('t1', line);
        passed = await done();
      }
      if (passed) continue;
      for (const line of step.solution) await box.type('t1', line);
      if (!(await done())) return notes;
    }
  } finally {
    box.dispose();
  }
  return notes;
}
