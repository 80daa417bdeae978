import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canon, compareScenario, widthFaults } from './compare';
import { normalizeDoc, type TranscriptDoc } from './normalize';

// the recordings (shared/fidelity, beside the repository) when this machine has them
const SHARED = fileURLToPath(new URL('../../../shared/fidelity/transcripts', import.meta.url));

describe('normalize (port of normalize.py)', () => {
  it('replaces ids, times and ports, keeping table columns in place', () => {
    const doc: TranscriptDoc = {
      home: '/h',
      cwd: '/w',
      random_container_names: ['zen_bhaskara'],
      steps: [
        {
          cmd: 'docker ps -a',
          exit: 0,
          stderr: '',
          stdout:
            'CONTAINER ID   IMAGE     CREATED         STATUS                     NAMES\n' +
            '0123456789ab   busybox   3 seconds ago   Exited (0) 2 seconds ago   zen_bhaskara',
        },
      ],
    };
    const out = normalizeDoc(doc).steps[0].stdout;
    expect(out.split('\n')[1]).toBe('<ID12>         busybox   <AGO>           Exited (0) <AGO>           <NAME>');
  });
  it.skipIf(!existsSync(SHARED))('agrees with the Python normalizer on every recorded transcript (needs ../shared/fidelity beside the repository)', () => {
    let n = 0;
    for (const f of readdirSync(SHARED).filter((x) => x.endsWith('.json'))) {
      const raw = JSON.parse(readFileSync(`${SHARED}/${f}`, 'utf8')) as TranscriptDoc;
      const want = JSON.parse(readFileSync(`${SHARED}/normalized/${f}`, 'utf8')) as TranscriptDoc;
      const got = normalizeDoc(raw);
      got.steps.forEach((s, i) => {
        expect(s.cmd, `${f} step ${i + 1}`).toBe(want.steps[i].cmd);
        expect(s.stdout, `${f} step ${i + 1}`).toBe(want.steps[i].stdout);
        expect(s.stderr, `${f} step ${i + 1}`).toBe(want.steps[i].stderr);
        n++;
      });
    }
    expect(n).toBeGreaterThan(100);
  });
});

describe('compare', () => {
  it('compares tables cell by cell and checks column widths', () => {
    expect(canon('A B\nNAME      ID\nx         1')).toBe('A B\nTABLE| NAME | ID\nROW| x | 1');
    expect(widthFaults('NAME   ID\nx      1')).toEqual(["column 'NAME' is 7 wide, docker makes it 10"]);
    expect(widthFaults('NAME      ID\nx         1')).toEqual([]);
  });
  it('canonicalizes JSON with id-keyed maps in a stable order', () => {
    const a = canon('{"a": {"<ID64>x": 1, "<ID64>y": 2}}');
    const b = canon('{"a": {"<ID64>y": 2, "<ID64>x": 1}}');
    expect(a.split('\nLINES|')[0]).toBe(b.split('\nLINES|')[0]);
    expect(canon('{"a": 1}')).not.toBe(canon('{"a": 1.0}'));
  });
  it.skipIf(!existsSync(`${SHARED}/05-image-ls.json`))('a raw recording compared with its golden transcript passes every step (needs ../shared/fidelity)', () => {
    const gold = JSON.parse(readFileSync('test/fidelity/golden/05-image-ls.json', 'utf8')) as TranscriptDoc;
    const raw = JSON.parse(readFileSync(`${SHARED}/05-image-ls.json`, 'utf8')) as TranscriptDoc & { home: string; cwd: string };
    const r = compareScenario('05', gold, raw);
    expect(r.lines).toEqual([]);
    expect(r.passed).toBe(r.total);
    const broken = { ...raw, steps: raw.steps.map((s) => ({ ...s, exit: 99 })) };
    expect(compareScenario('05', gold, broken).passed).toBe(0);
  });
});
