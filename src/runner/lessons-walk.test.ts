import { describe, expect, it } from 'vitest';
import { loadLesson } from '../course/format/load-lesson';
import { needsAKeyboard, walkRunButtons } from './lessons-walk';

const en = (second: string) => `# Walk

## Run a web server {#web}

\`\`\`sh
docker run -d --name web nginx
\`\`\`

${second}

## Stop it {#stop}

\`\`\`sh
docker stop web
\`\`\`
`;

const YAML = `id: walk
level: beginner
minutes: 5
setup:
  images: [nginx]
steps:
  - id: web
    checks:
      - container: web
        state: running
    solution: docker run -d --name web nginx
  - id: stop
    checks:
      - container: web
        state: exited
    solution: docker stop web
`;

function lesson(second: string) {
  const r = loadLesson('99-walk', { 'lesson.yaml': YAML, 'en.md': en(second), 'zh-CN.md': en(second).replace('# Walk', '# 走一遍') });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.lesson;
}

describe('the walk through the Run buttons', () => {
  it('notes a block that comes after the command that completes its step', { timeout: 60_000 }, async () => {
    const notes = await walkRunButtons(lesson('Then look at it:\n\n```sh\ndocker ps\n```'));
    expect(Object.fromEntries(notes)).toEqual({
      web: ['runnable block 2 (`docker ps`) comes after the step is done: it closes before the learner gets there (move the block to the done note)'],
    });
  });

  it('has nothing to say when the last block completes the step, or the others cannot be run', { timeout: 60_000 }, async () => {
    expect((await walkRunButtons(lesson('Then look at it with `docker ps`.'))).size).toBe(0);
    expect((await walkRunButtons(lesson('```sh norun\ndocker ps\n```'))).size).toBe(0);
  });
});

describe('lines that wait for a keyboard', () => {
  it('are attach, and run or exec with -i but without -d', () => {
    const yes = ['docker attach box', 'docker container attach box', 'docker run -it ubuntu bash', 'docker exec -it web bash', 'docker run -i --rm busybox sh', 'docker run --interactive -t ubuntu'];
    const no = ['docker run -dit --name box ubuntu', 'docker run -d -it ubuntu', 'docker exec web cat /etc/hostname', 'docker ps', 'curl -s localhost', 'docker run --rm busybox echo hi'];
    expect(yes.filter(needsAKeyboard)).toEqual(yes);
    expect(no.filter(needsAKeyboard)).toEqual([]);
  });
});
