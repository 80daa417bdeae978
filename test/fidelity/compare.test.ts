import { describe, expect, it } from 'vitest';
import { againstKnown, parseKnownDifferences, type ScenarioResult } from './compare';

const md = `# Known differences

| scenario | step | command | what differs | why |
|---|---|---|---|---|
| 14-build | 24 | \`docker image ls -a\` | order | Go map |
| 05-image-ls | 3 | x | y | z |
| 05-image-ls | 7 | x | y | z |

Prose with | pipes | that is not a row.
`;

const result = (name: string, failed: number[]): ScenarioResult => ({ name, passed: 10 - failed.length, total: 10, lines: [], failed });

describe('the exact fidelity floor', () => {
  it('reads the listed steps by scenario from KNOWN_DIFFERENCES.md', () => {
    const known = parseKnownDifferences(md);
    expect([...known.keys()]).toEqual(['14-build', '05-image-ls']);
    expect([...(known.get('05-image-ls') ?? [])]).toEqual([3, 7]);
  });
  it('flags a differing step that is not listed, and a listed step that now matches', () => {
    const known = parseKnownDifferences(md);
    expect(againstKnown(result('05-image-ls', [3, 7]), known.get('05-image-ls'))).toEqual({ unlisted: [], nowMatching: [] });
    expect(againstKnown(result('05-image-ls', [3, 9]), known.get('05-image-ls'))).toEqual({ unlisted: [9], nowMatching: [7] });
    expect(againstKnown(result('02-hello-world', [1]), known.get('02-hello-world'))).toEqual({ unlisted: [1], nowMatching: [] });
  });
});
