// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile lines with ${VAR}, not templates
/**
 * fast-check generators of random build cases for the Dockerfile property
 * test: a Dockerfile drawn from a grammar that mixes valid and invalid lines
 * (every instruction, known and unknown images, stage names and
 * `COPY --from`, failing RUNs, files present or missing in the context,
 * malformed JSON, `$VAR` expansion, parser directives, continuations,
 * comments, unknown instructions, garbage bytes, very long lines), a small
 * build context and the `docker build` flags.
 *
 * Most lines come from a pool that parses and usually builds (so that many
 * cases get far or succeed); a case then gets no fault, one or two lines that
 * fail at build time, or one line the parser rejects.
 */
import fc from 'fast-check';

export interface BuildCase {
  /** the Dockerfile's bytes */
  dockerfile: Uint8Array;
  /** its name in the context ("Dockerfile" or "other"); -f is passed for "other" */
  dockerfileName: string;
  /** context files (relative path → content), the Dockerfile excluded */
  files: Record<string, string>;
  /** extra `docker build` flags (before `-t prop:test .`) */
  flags: string[];
}

/** one logical line: text, or raw bytes (garbage, possibly invalid UTF-8) */
type Line = string | Uint8Array;

const enc = new TextEncoder();
const pick = <T>(...v: T[]) => fc.constantFrom(...v);

/** `{stage}` in a line becomes an earlier stage's name or index (or an image in the first stage) */
const STAGE = '{stage}';
const STAGE_NAMES = ['build', 'base', 'Builder', 'x1', 'a_b'];

// ---- lines that parse and, on an image with a shell, mostly build ----

const okRun = pick(
  'RUN echo hello',
  'RUN echo $A ${B:-dflt} ${A:+set} > /out.txt',
  'RUN mkdir -p /data && echo x > /data/f',
  'RUN echo x > /x',
  'RUN true',
  'RUN ls / > /dev/null',
  'RUN sleep 1',
  `RUN echo "quoted $HOME" 'single $HOME'`,
  'RUN touch /t && rm /t',
  'RUN echo err >&2',
  'RUN (sleep 3 &) ; echo bg',
  'RUN cd /tmp && pwd && echo "$PWD" > here',
  'RUN for i in 1 2 3; do echo $i; done',
  'RUN if [ -f /etc/passwd ]; then echo yes; else exit 4; fi',
  'RUN whoami',
  'RUN echo $((1 + 2))',
  'RUN env | sort',
  'RUN ["echo", "hi"]',
  'RUN [ "sh", "-c", "echo json > /json.txt" ]',
  'RUN ["echo", "a"] trailing',
  'run echo lower',
  'RUN echo $SRC $DEST',
);

const okCopy = pick(
  'COPY a.txt /dest/',
  'COPY dir /d',
  'ADD *.txt /txt/',
  'COPY --chown=1000:1000 dir/c.txt /c',
  'COPY . /ctx',
  'COPY ["a.txt", "/json/"]',
  'COPY a.txt dir/c.txt /multi/',
  'COPY dir/sub/*.txt /s/',
  'COPY [ab].txt /ab/',
  'COPY a?txt /q/',
  'COPY ./a.txt rel/',
  'COPY /a.txt /abs',
  'ADD dir/ /added',
  'COPY a.txt .',
  'COPY $SRC ${DEST:-/dflt/}',
  `COPY --from=${STAGE} /etc/passwd /p`,
);

const okMeta = pick(
  'CMD ["echo", "hi"]',
  'CMD echo hi',
  'ENTRYPOINT ["/bin/sh", "-c"]',
  'ENTRYPOINT top -b',
  'CMD []',
  'ENTRYPOINT []',
  "CMD ['single', 'quotes']",
  'CMD ["bad json',
  'CMD ["unicode ✓"]',
  'CMD',
  'ENV A=1',
  'ENV A 1 2',
  'ENV B="two words" C=$A',
  'ENV D=${A}x E=${A:-none}',
  "ENV E='single $A'",
  'ENV F=\\$A',
  'ENV SRC=a.txt DEST=/envdest/',
  'ENV HOME=/root/x',
  'ENV PORT=8080',
  'ARG A',
  'ARG B=2',
  'ARG A=fromarg',
  'ARG V="q v"',
  'ARG TAG',
  'ARG SRC=b.txt',
  'ARG W=${A}',
  'LABEL a=b',
  'LABEL "k k"="v v" c=$A',
  'LABEL version=1.0 maintainer="x y"',
  'LABEL com.example.v=${V:-0}',
  "LABEL q='$A'",
  'VOLUME /data',
  'VOLUME ["/a", "/b"]',
  'VOLUME /v1 /v2',
  'VOLUME ["/unterminated"',
  'EXPOSE 80',
  'EXPOSE 80/tcp 53/udp',
  'EXPOSE 8000-8002',
  'EXPOSE $PORT',
  'WORKDIR /app',
  'WORKDIR sub',
  'WORKDIR $HOME/x',
  'WORKDIR ..',
  'WORKDIR /a b',
  'USER nobody',
  'USER 1000:1000',
  'USER root',
  'USER 0',
  'HEALTHCHECK CMD true',
  'HEALTHCHECK --interval=5s CMD ["true"]',
  'HEALTHCHECK NONE',
  'HEALTHCHECK --retries=3 --timeout=2s --start-period=1m CMD curl -f http://localhost/',
  'ONBUILD RUN echo trigger',
  'ONBUILD COPY a.txt /trig/',
  'ONBUILD ENV T=1',
  'SHELL ["/bin/sh", "-c"]',
  'STOPSIGNAL SIGTERM',
  'STOPSIGNAL 9',
  'STOPSIGNAL KILL',
  'STOPSIGNAL sigusr1',
  'MAINTAINER me <me@example.com>',
  'maintainer lower',
);

const comment = pick('# a comment', '   # indented comment', '#', '# escape=`', '# syntax=docker/dockerfile:1', '#!shebang-like');
const blank = pick('', '   ', '\t');
const longLine = pick(`RUN echo ${'x'.repeat(2_000)}`, `LABEL long=${'y'.repeat(10_000)}`, `# ${'z'.repeat(60_000)}`, `RUN true # ${'w'.repeat(5_000)}`);

const okLine: fc.Arbitrary<Line> = fc.oneof(
  { weight: 8, arbitrary: okRun },
  { weight: 6, arbitrary: okCopy },
  { weight: 8, arbitrary: okMeta },
  { weight: 2, arbitrary: comment },
  { weight: 2, arbitrary: blank },
  { weight: 1, arbitrary: longLine },
);

// ---- lines that parse but fail when built (or build something odd) ----

const failingRun = pick(
  'RUN exit 3',
  'RUN false',
  'RUN nosuchcmd --flag',
  'RUN cat /nonexistent',
  "RUN sh -c 'exit 42'",
  'RUN echo ${A:?missing}',
  'RUN echo unterminated "quote',
  'RUN chmod 600 /etc/hostname; exit 7',
  'RUN ["/bin/sh", "-c", "exit 2"]',
  'RUN ["nosuch"]',
  'RUN ["false"]',
  'RUN ["echo", "hi"',
  'RUN []',
  'RUN',
  'RUN --mount=type=cache,target=/x true',
  'RUN --network=none true',
  'RUN echo ok && exit 9',
  'ONBUILD RUN exit 5',
  'ONBUILD BOGUS x',
);

const ctxSource = pick('a.txt', 'dir', 'missing.txt', 'nomatch*', '../outside', '.', 'Dockerfile', 'other', 'b.txt', '$UNSET', 'with space.txt');
const dest = pick('/dest/', '/dest', '/', '.', 'rel/', '/etc/passwd/x', '"/q d/"', '$UNSET');
const chown = pick('', '--chown=nobody ', '--chown=nosuchuser ', '--chown=0:0 ', '--chown= ', '--chown=1:nosuchgroup ', '--chown=$UNSET ');

const failingCopy: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick('COPY', 'ADD'), chown, fc.array(ctxSource, { minLength: 1, maxLength: 3 }), dest).map(([c, o, s, d]) => `${c} ${o}${s.join(' ')} ${d}`),
  fc
    .tuple(pick(STAGE, '0', '1', '5', '-1', 'nosuchstage', 'busybox', 'nosuch', 'scratch', 'Bad:Ref', ''), pick('/x', '/out.txt', '/data', '/data/', '/bin/busybox', '/nosuch', '/etc/*.conf', '/json.txt'), dest)
    .map(([f, s, d]) => `COPY --from=${f} ${s} ${d}`),
  pick(
    'COPY ["a.txt", "b.txt", "/json"]',
    'COPY ["a.txt"]',
    'COPY "with space.txt" /sp',
    'COPY --chmod=755 a.txt /',
    'ADD http://example.com/file.txt /f',
    'COPY http://example.com/file.txt /f',
    'ADD --from=base a.txt /',
    `COPY --from=${STAGE} /x /from-x`,
    `COPY ${'x'.repeat(3_000)} /`,
  ),
);

const badFrom = pick(
  'FROM nosuch',
  'FROM nosuch:1 AS n',
  'FROM Bad:Ref',
  'FROM busybox@sha256:0123',
  'FROM ${UNSET}',
  'FROM ""',
  'FROM --platform=linux/amd64 busybox',
  'FROM --platform=$BUILDPLATFORM busybox',
  'FROM nosuchstage',
  'FROM busybox AS build',
  'FROM scratch',
  'FROM hello-world',
  'FROM busybox:nosuchtag',
);

const runtimeFault: fc.Arbitrary<Line> = fc.oneof(
  { weight: 4, arbitrary: failingRun },
  { weight: 4, arbitrary: failingCopy },
  { weight: 2, arbitrary: badFrom },
  {
    weight: 3,
    arbitrary: pick(
      'EXPOSE 99999',
      'EXPOSE abc',
      'EXPOSE 80/xyz',
      'EXPOSE 3000-1000',
      'EXPOSE 0.0.0.0:80:80',
      'EXPOSE 80/',
      'EXPOSE :80',
      'EXPOSE -1',
      'USER nosuchuser',
      'USER $UNSET',
      'WORKDIR /etc/passwd',
      'WORKDIR $UNSET',
      'STOPSIGNAL SIGBOGUS',
      'STOPSIGNAL 0',
      'SHELL ["/bin/bash", "-c"]',
      'SHELL ["/bin/sh", "-ec"]',
      'SHELL ["sh"]',
      'HEALTHCHECK --interval=0.5ms CMD x',
      'HEALTHCHECK --interval=banana CMD x',
      'HEALTHCHECK --retries=0 CMD x',
      'HEALTHCHECK --retries=x CMD x',
      'ENV J=${A:?need A}',
      'ENV K="unterminated',
      'ENV L=${',
      'ENV PATH=/nowhere',
      'VOLUME $UNSET',
      'VOLUME [""]',
      'LABEL x=${A',
      'ARG Q=${',
    ),
  },
);

// ---- lines the parser rejects ----

/** printable junk and raw bytes (NUL, control characters, invalid UTF-8) */
const garbage: fc.Arbitrary<Line> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'!@%^&*(){}[]<>|;:?,.~=+-_\'"`$\\ \té中✓'.split('')), minLength: 1, maxLength: 30 }),
  fc.uint8Array({ minLength: 1, maxLength: 24 }).map((b) => b.map((x) => (x === 10 ? 32 : x))),
);

const parseFault: fc.Arbitrary<Line> = fc.oneof(
  { weight: 2, arbitrary: garbage },
  {
    weight: 6,
    arbitrary: pick(
      'RUNN echo',
      'FOO bar',
      'COPYY a b',
      'CMDD',
      'FROMM busybox',
      'ONBUILDD RUN x',
      '123 abc',
      'ENV =x',
      'ENV',
      'ENV G',
      'ENV H=a I',
      'ARG',
      'ARG =x',
      'LABEL a',
      'LABEL',
      'LABEL =v',
      'VOLUME',
      'VOLUME []',
      'EXPOSE',
      'WORKDIR',
      'USER',
      'USER a b',
      'HEALTHCHECK NONE extra',
      'HEALTHCHECK BOGUS',
      'HEALTHCHECK CMD',
      'HEALTHCHECK',
      'HEALTHCHECK --bogus=1 CMD true',
      'ONBUILD ONBUILD RUN x',
      'ONBUILD FROM busybox',
      'ONBUILD MAINTAINER x',
      'ONBUILD',
      'SHELL /bin/sh -c',
      'SHELL []',
      'SHELL',
      'STOPSIGNAL',
      'MAINTAINER',
      'RUN [1, 2]',
      'CMD ["a", 1]',
      'COPY a.txt',
      'COPY',
      'COPY --bogus a.txt /',
      'COPY --from= a.txt /',
      'FROM',
      'FROM busybox extra',
      'FROM busybox AS',
      'FROM --bogus=1 busybox',
      'FROM busybox AS 1bad',
      'FROM busybox AS a$b',
      `RUN ${'v'.repeat(70_000)}`,
      `# ${'z'.repeat(65_534)}`,
    ),
  },
);

// ---- stages, layout, context, flags ----

interface StageSpec {
  base: string;
  name: string | null;
  as: string;
  body: Line[];
}

const stageSpec: fc.Arbitrary<StageSpec> = fc.record({
  base: fc.oneof(
    { weight: 6, arbitrary: pick('busybox', 'busybox:latest', 'ubuntu:18.04', 'nginx:alpine', 'busybox:${TAG:-latest}', '${BASE:-busybox}') },
    { weight: 3, arbitrary: fc.constant(STAGE) },
    { weight: 1, arbitrary: fc.constant('scratch') },
  ),
  name: fc.option(pick(...STAGE_NAMES), { freq: 2 }),
  as: pick('AS', 'as', 'As'),
  body: fc.array(okLine, { maxLength: 7 }),
});

/** how logical lines are laid out: escape directive, continuations, comments inside them, CRLF, BOM */
interface Layout {
  escape: '' | '\\' | '`';
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
  /** per line: continuation lines it is split into (0 = none) */
  splits: number[];
  commentInside: boolean;
  emptyInside: boolean;
}

const layout: fc.Arbitrary<Layout> = fc.record({
  escape: fc.constantFrom<Layout['escape']>('', '', '', '\\', '`'),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  splits: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 3 })), { maxLength: 40 }),
  commentInside: fc.boolean(),
  emptyInside: fc.boolean(),
});

type Fault = { kind: 'none' } | { kind: 'runtime'; lines: Line[]; at: number[] } | { kind: 'parse'; line: Line; at: number } | { kind: 'escape' };

const fault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Fault>({ kind: 'none' }) },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(runtimeFault, fc.nat()), { minLength: 1, maxLength: 2 })
      .map((xs): Fault => ({ kind: 'runtime', lines: xs.map((x) => x[0]), at: xs.map((x) => x[1]) })),
  },
  { weight: 2, arbitrary: fc.tuple(parseFault, fc.nat()).map(([line, at]): Fault => ({ kind: 'parse', line, at })) },
  { weight: 1, arbitrary: fc.constant<Fault>({ kind: 'escape' }) },
);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** split a text line after some of its spaces into continuation lines */
function continuations(line: string, n: number, esc: string, l: Layout): string[] {
  if (n === 0 || line.length > 1000 || line.trimStart().startsWith('#')) return [line];
  const spaces: number[] = [];
  for (let i = 1; i < line.length; i++) if (line[i - 1] === ' ' && line[i] !== ' ') spaces.push(i);
  if (spaces.length === 0) return [line];
  const step = Math.max(1, Math.floor(spaces.length / n));
  const cuts = spaces.filter((_, i) => i % step === 0).slice(0, n);
  const out: string[] = [];
  let prev = 0;
  for (const c of cuts) {
    out.push(`${line.slice(prev, c)}${esc}`);
    if (l.commentInside) out.push('  # inside a continuation');
    if (l.emptyInside) out.push('');
    prev = c;
  }
  out.push(`  ${line.slice(prev)}`);
  return out;
}

function render(lines: Line[], l: Layout, header: string[]): Uint8Array {
  const nl = l.crlf ? '\r\n' : '\n';
  const esc = l.escape === '`' ? '`' : '\\';
  const parts: Uint8Array[] = [];
  if (l.bom) parts.push(enc.encode('\uFEFF'));
  const all: Line[] = [...header, ...lines];
  all.forEach((line, i) => {
    const end = i === all.length - 1 && !l.finalNewline ? '' : nl;
    if (typeof line !== 'string') {
      parts.push(line, enc.encode(end));
      return;
    }
    const split = i < header.length ? [line] : continuations(line, l.splits[i] ?? 0, esc, l);
    parts.push(enc.encode(split.join(nl) + end));
  });
  return concat(parts);
}

/** a stage reference: an earlier stage's name (any case) or index (FROM takes names only), else an image */
function resolveStage(line: Line, earlier: StageSpec[], choice: number, namesOnly = false): Line {
  if (typeof line !== 'string' || !line.includes(STAGE)) return line;
  const refs: string[] = [];
  earlier.forEach((s, i) => {
    if (!namesOnly) refs.push(String(i));
    if (s.name) refs.push(s.name, s.name.toUpperCase());
  });
  const ref = refs.length > 0 ? (refs[choice % refs.length] as string) : 'busybox';
  return line.split(STAGE).join(ref);
}

const contextFiles: fc.Arbitrary<Record<string, string>> = fc
  .constantFrom('', '', '', 'README.md\n', 'dir/sub\n*.md\n', 'b.txt\n', '!a.txt\n*\n!a.txt\n', 'Dockerfile\nother\n')
  .map((ignore) => {
    const files: Record<string, string> = {
      'a.txt': 'alpha\n',
      'b.txt': 'bravo\n',
      'dir/c.txt': 'charlie\n',
      'dir/sub/d.txt': 'delta\n',
      'with space.txt': 'space\n',
      'README.md': '# readme\n',
    };
    if (ignore !== '') files['.dockerignore'] = ignore;
    return files;
  });

const flagSet = fc.record({
  noCache: fc.boolean(),
  other: fc.boolean(),
  rm: fc.constantFrom<string[]>([], [], [], ['--force-rm'], ['--rm=false']),
  buildArgs: fc.subarray(['A=fromflag', 'BASE=ubuntu:18.04', 'TAG=latest', 'UNUSED=1', 'SRC=dir/c.txt', 'V']),
});

export const buildCase: fc.Arbitrary<BuildCase> = fc
  .record({
    metaArgs: fc.array(pick('ARG BASE=busybox', 'ARG TAG=latest', 'ARG BASE', 'ARG TAG', 'ARG BASE=nginx:alpine', 'ARG V="a b"'), { maxLength: 2 }),
    stages: fc.array(stageSpec, { minLength: 1, maxLength: 3 }),
    choices: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    fault,
    layout,
    files: contextFiles,
    flags: flagSet,
  })
  .map(({ metaArgs, stages, choices, fault: f, layout: l, files, flags }) => {
    const lines: Line[] = [...metaArgs];
    let c = 0;
    const choose = () => choices[c++ % choices.length] as number;
    stages.forEach((s, i) => {
      const earlier = stages.slice(0, i);
      const base = resolveStage(s.base, earlier, choose(), true) as string;
      lines.push(s.name ? `FROM ${base} ${s.as} ${s.name}` : `FROM ${base}`);
      for (const line of s.body) lines.push(resolveStage(line, earlier, choose()));
    });
    // faults go anywhere after the meta ARGs, runtime ones after the first FROM
    const first = metaArgs.length + 1;
    if (f.kind === 'runtime') {
      f.lines.forEach((line, i) => {
        const at = first + ((f.at[i] as number) % (lines.length - first + 1));
        lines.splice(at, 0, resolveStage(line, stages.slice(0, 1), choose()));
      });
    } else if (f.kind === 'parse') lines.splice(f.at % (lines.length + 1), 0, f.line);
    const header = f.kind === 'escape' ? ['# escape=x'] : l.escape !== '' ? [`# escape=${l.escape}`] : [];
    return {
      dockerfile: render(lines, l, header),
      dockerfileName: flags.other ? 'other' : 'Dockerfile',
      files,
      flags: [
        ...(flags.noCache ? ['--no-cache'] : []),
        ...(flags.other ? ['-f', 'other'] : []),
        ...flags.rm,
        ...flags.buildArgs.flatMap((a) => ['--build-arg', a]),
      ],
    };
  });
