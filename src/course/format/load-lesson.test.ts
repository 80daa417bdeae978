import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBuiltinLessons, loadPackFolders, PACKS_DIR, readTextFiles } from '../../runner/lesson-files';
import { commandLines } from './blocks';
import { loadLesson } from './load-lesson';
import { loadPack } from './load-pack';
import { readZipTexts } from './read-zip';

const EN = `# A lesson

Intro.

## Pull it {#pull}

Run:

\`\`\`sh T2
$ docker pull busybox
\`\`\`

### Hints {#hints}

- first
- second \`x\`

### Done {#done}

Pulled.

## Quiz {#q}

Which?

### Choices {#choices}

- {a} One
  Because one.
- {b} Two
`;
const ZH = EN.replace('# A lesson', '# 一课');
const YAML = `id: a-lesson
level: beginner
minutes: 5
steps:
  - id: pull
    checks:
      - image: busybox
    solution: docker pull busybox
  - id: q
    quiz:
      answer: a
`;

function problems(files: Record<string, string>) {
  const r = loadLesson('99-x', files);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('loading a lesson', () => {
  it('compiles YAML and both languages into one lesson', () => {
    const r = loadLesson('99-x', { 'lesson.yaml': YAML, 'en.md': EN, 'zh-CN.md': ZH });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const l = r.lesson;
    expect(l.title).toEqual({ en: 'A lesson', 'zh-CN': '一课' });
    expect(l.summary.en).toBe('Intro.');
    expect(l.steps[0].title.en).toBe('Pull it');
    expect(l.steps[0].body.en).toContainEqual({ t: 'code', lang: 'sh', text: '$ docker pull busybox', run: { terminal: 'T2' } });
    expect(l.steps[0].hints.en).toHaveLength(2);
    expect(l.steps[0].done.en).toEqual([{ t: 'p', c: [{ t: 'text', v: 'Pulled.' }] }]);
    expect(l.steps[0].solution).toEqual(['docker pull busybox']);
    expect(l.steps[1].quiz?.answer).toEqual(['a']);
    expect(l.steps[1].quiz?.choices.map((c) => c.id)).toEqual(['a', 'b']);
    expect(l.steps[1].quiz?.choices[0].why.en).toEqual([{ t: 'p', c: [{ t: 'text', v: 'Because one.' }] }]);
  });

  it('names the file, the line and the field of each problem', () => {
    const bad = YAML.replace('      - image: busybox\n', '      - image: busybox\n        lables: { a: b }\n      - imagez: x\n').replace('minutes: 5', 'minutes: five');
    expect(problems({ 'lesson.yaml': bad, 'en.md': EN, 'zh-CN.md': ZH })).toEqual([{ file: '99-x/lesson.yaml', line: 3, field: 'minutes', message: 'minutes must be a number (it is a text)' }]);
    const p = problems({ 'lesson.yaml': YAML.replace('      - image: busybox\n', '      - image: busybox\n        lables: { a: b }\n      - imagez: x\n'), 'en.md': EN, 'zh-CN.md': ZH });
    expect(p[0]).toMatchObject({ file: '99-x/lesson.yaml', line: 8, field: 'steps[0].checks[0].lables' });
    expect(p[0].message).toMatch(/^unknown field "lables" \(this mapping takes: not, message, image, gone, dangling, layers, labels/);
    expect(p[1]).toMatchObject({ file: '99-x/lesson.yaml', line: 9, field: 'steps[0].checks[1]' });
    expect(p[1].message).toMatch(/^a check needs one of: image, images, container/);
  });

  it('reports YAML syntax, missing languages, unbound names and unmatched steps', () => {
    expect(problems({ 'lesson.yaml': 'id: [x\n', 'en.md': EN, 'zh-CN.md': ZH })[0]).toMatchObject({ file: '99-x/lesson.yaml', line: 2 });
    expect(problems({ 'lesson.yaml': YAML, 'en.md': EN })).toEqual([{ file: '99-x/zh-CN.md', message: 'the zh-CN text is missing: every lesson has en.md and zh-CN.md' }]);
    const unbound = problems({ 'lesson.yaml': YAML.replace('      - image: busybox\n', '      - container: $web\n'), 'en.md': EN, 'zh-CN.md': ZH });
    expect(unbound[0]).toMatchObject({ line: 7, message: '$web is not bound: an earlier check of this step must say "as: web"' });
    const zh = problems({ 'lesson.yaml': YAML, 'en.md': EN, 'zh-CN.md': ZH.replace('{#pull}', '{#pul}').replace('- second `x`\n', '') });
    expect(zh.map((x) => x.message)).toEqual(['step "pull" has no text: add a "## Title {#pull}" section', 'step "pul" is not in lesson.yaml']);
    const hints = problems({ 'lesson.yaml': YAML, 'en.md': EN, 'zh-CN.md': ZH.replace('- second `x`\n', '') });
    expect(hints).toEqual([{ file: '99-x/zh-CN.md', line: 5, field: 'steps[0].hints', message: 'step "pull" has 2 hint(s) in en.md and 1 in zh-CN.md' }]);
    const quiz = problems({ 'lesson.yaml': YAML.replace('answer: a', 'answer: c'), 'en.md': EN, 'zh-CN.md': ZH });
    expect(quiz[0]).toMatchObject({ file: '99-x/lesson.yaml', line: 11, message: 'answer "c" is not a choice of en.md (a, b)' });
  });

  it('never throws, whatever the files hold', () => {
    for (const y of ['', '~', '[]', 'steps: 3', 'id: x\nsteps: [{}]', '\u0000\u0001', 'a: &a [*a]']) {
      const r = loadLesson('f', { 'lesson.yaml': y, 'en.md': '', 'zh-CN.md': '##' });
      expect(r.ok).toBe(false);
    }
  });

  it('turns a runnable block into the lines to type', () => {
    expect(commandLines('$ docker run \\\n   -d nginx\n# a comment\n\ndocker ps')).toEqual(['docker run -d nginx', 'docker ps']);
  });

  it('keeps a here-document with the line that opens it, as written (blank and # lines too)', () => {
    const block = "$ sudo tee /etc/docker/daemon.json <<'EOF'\n{\n\n  # not a comment here\n  \"debug\": true\n}\nEOF\nsudo systemctl restart docker";
    expect(commandLines(block)).toEqual([
      "sudo tee /etc/docker/daemon.json <<'EOF'\n{\n\n  # not a comment here\n  \"debug\": true\n}\nEOF",
      'sudo systemctl restart docker',
    ]);
    // <<- strips leading tabs from the delimiter line; two here-documents on one line; <<< is a here-string
    expect(commandLines('cat <<-END >a; cat <<X >b\n\tone\n\tEND\ntwo\nX\ncat <<< word')).toEqual(['cat <<-END >a; cat <<X >b\n\tone\n\tEND\ntwo\nX', 'cat <<< word']);
    // no delimiter: the rest of the block is the body
    expect(commandLines('cat <<EOF\nhello')).toEqual(['cat <<EOF\nhello']);
  });
});

describe('the built-in lessons and packs', () => {
  it('every built-in lesson loads', () => {
    const all = loadBuiltinLessons();
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const l of all) expect(l.ok ? [] : l.problems, l.ok ? l.lesson.id : l.folder).toEqual([]);
    const ids = all.map((l) => (l.ok ? l.lesson.id : ''));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the example pack loads from its folder and from its zip alike', () => {
    const [folder] = loadPackFolders();
    expect(folder.id).toBe('example-class');
    expect(folder.problems).toEqual([]);
    const zip = readZipTexts(new Uint8Array(readFileSync(new URL('../../../test/fixtures/lesson-pack-example.zip', import.meta.url))));
    // the fixture is the folder, zipped: it must not drift from it
    const fromDisk = readTextFiles(`${PACKS_DIR}/example`);
    expect(Object.fromEntries(Object.entries(zip).map(([k, v]) => [k.replace(/^example\//, ''), v]))).toEqual(fromDisk);
    const pack = loadPack(zip, 'upload');
    expect(pack.id).toBe('example-class');
    expect(pack.title['zh-CN']).toBe('示例课程：第一个网页服务器');
    expect(pack.lessons.map((l) => (l.ok ? l.lesson.id : l.problems))).toEqual(['example-web-server']);
    expect(pack.lessons[0].ok && pack.lessons[0].lesson.pack).toBe('example-class');
  });

  it('a zip that is not a zip is refused with a message', () => {
    expect(() => readZipTexts(new TextEncoder().encode('not a zip'))).toThrow();
  });
});
