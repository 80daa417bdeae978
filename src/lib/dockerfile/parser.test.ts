import { describe, expect, it } from 'vitest';
import { parseStages } from './instructions';
import { DockerfileParseError } from './node';
import { parseDockerfile } from './parser';

describe('Dockerfile parser (20.10 legacy syntax)', () => {
  it('joins continuation lines the way Step lines show them, warns on empty continuation lines', () => {
    const r = parseDockerfile('FROM busybox\nRUN echo a \\\n  b \\\n# comment\n\n  c\nLABEL "k k"="v v" k2=v2\n');
    expect(r.nodes.map((n) => n.original)).toEqual(['FROM busybox', 'RUN echo a   b   c', 'LABEL "k k"="v v" k2=v2']);
    expect(r.nodes[2]?.args).toEqual(['"k k"', '"v v"', 'k2', 'v2']);
    expect(r.warnings).toEqual([
      '[WARNING]: Empty continuation line found in:\n    RUN echo a   b   c',
      '[WARNING]: Empty continuation lines will become errors in a future release.',
    ]);
  });

  it('honours # escape=` and JSON forms', () => {
    const r = parseDockerfile('# escape=`\nFROM busybox\nRUN echo a `\n b\nCMD ["cat", "/x"]\nENTRYPOINT echo hi\n');
    expect(r.escapeToken).toBe('`');
    expect(r.nodes[1]?.original).toBe('RUN echo a  b');
    expect([r.nodes[2]?.json, r.nodes[2]?.args]).toEqual([true, ['cat', '/x']]);
    expect([r.nodes[3]?.json, r.nodes[3]?.args]).toEqual([false, ['echo hi']]);
  });

  it('reports buildkit errors with their line', () => {
    expect(() => parseStages(parseDockerfile('FROM busybox\nRUNN x\n').nodes)).toThrow('dockerfile parse error line 2: unknown instruction: RUNN');
    expect(() => parseStages(parseDockerfile('FROM busybox\nENV\n').nodes)).toThrow('dockerfile parse error line 2: ENV requires at least one argument');
    expect(() => parseStages(parseDockerfile('FROM busybox\nCOPY --bogus a b\n').nodes)).toThrow('dockerfile parse error line 2: Unknown flag: bogus');
    expect(() => parseStages(parseDockerfile('RUN echo\n').nodes)).toThrow('no build stage in current context');
    expect(() => parseDockerfile('# just a comment\n\n')).toThrow(DockerfileParseError);
    expect(() => parseDockerfile('CMD ["a", 1]\n')).toThrow('when using JSON array syntax, arrays must be comprised of strings only');
  });

  it('keeps heredoc lines as instructions of their own (no heredocs before BuildKit)', () => {
    const nodes = parseDockerfile('FROM busybox\nRUN <<EOF\necho hi\nEOF\n').nodes;
    expect(nodes.map((n) => n.value)).toEqual(['from', 'run', 'echo', 'eof']);
  });

  it('groups stages, names, ONBUILD expressions, meta ARGs', () => {
    const { stages, metaArgs } = parseStages(
      parseDockerfile('ARG V=1\nFROM busybox AS Base\nONBUILD RUN echo x\nFROM base\nEXPOSE 80 443/tcp\n').nodes,
    );
    expect(metaArgs.map((a) => a.code)).toEqual(['ARG V=1']);
    expect(stages.map((s) => [s.name, s.baseName, s.sourceCode])).toEqual([
      ['base', 'busybox', 'FROM busybox AS Base'],
      ['', 'base', 'FROM base'],
    ]);
    expect(stages[0]?.commands[0]).toMatchObject({ kind: 'onbuild', expression: 'RUN echo x' });
    expect(stages[1]?.commands[0]).toMatchObject({ kind: 'expose', ports: ['443/tcp', '80'] });
  });

  it('stops at a line of 64 KiB or more, as bufio.Scanner does (checked on Docker 20.10.24)', () => {
    const line = (bytes: number) => `RUN true #${'x'.repeat(bytes - 10)}`;
    const tooLong = 'dockerfile line greater than max allowed size of 65535';
    expect(parseDockerfile(`FROM busybox\n${line(65535)}\n`).nodes).toHaveLength(2);
    expect(parseDockerfile(`FROM busybox\n${line(65535)}`).nodes).toHaveLength(2);
    expect(parseDockerfile(`FROM busybox\r\n${line(65534)}\r\n`).nodes).toHaveLength(2);
    expect(() => parseDockerfile(`FROM busybox\n${line(65536)}\n`)).toThrow(tooLong);
    expect(() => parseDockerfile(`FROM busybox\n${line(65536)}`)).toThrow(tooLong);
    expect(() => parseDockerfile(`FROM busybox\r\n${line(65535)}\r\n`)).toThrow(tooLong);
    expect(() => parseDockerfile(`FROM busybox\n${line(21852).replace(/x/g, '\u4e2d')}\n`)).toThrow(tooLong);
    // errors of earlier lines come first; a long first line leaves no instruction
    expect(() => parseDockerfile(`FROM busybox\nENV X\n${line(70000)}\n`)).toThrow('ENV must have two arguments');
    expect(() => parseDockerfile(`FROM busybox\n${line(70000)}\nENV X\n`)).toThrow(tooLong);
    expect(() => parseDockerfile(`#${'z'.repeat(70000)}\nFROM busybox\n`)).toThrow('file with no instructions');
  });
});
