/**
 * buildkit instructions/parse.go + commands.go (as vendored by moby 20.10):
 * typed instructions from parser nodes, grouped into stages. Texts of the
 * errors are buildkit's.
 */
import { formatGoDuration, parseGoDuration } from '../go-duration';
import { BFlags } from './bflags';
import { type DockerfileNode, DockerfileParseError, nodeArgs } from './node';

export interface KeyValue {
  key: string;
  value: string;
}

export interface HealthConfig {
  Test: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  Retries?: number;
}

interface Base {
  /** the instruction as written (trimmed), shown in "Step n/m : …" */
  code: string;
  /** lower-case name */
  name: string;
}

export type Instruction =
  | (Base & { kind: 'env'; env: KeyValue[] })
  | (Base & { kind: 'maintainer'; maintainer: string })
  | (Base & { kind: 'label'; labels: KeyValue[]; noExpand: boolean })
  | (Base & { kind: 'add' | 'copy'; srcDest: string[]; from: string; chown: string; chmod: string })
  | (Base & { kind: 'onbuild'; expression: string })
  | (Base & { kind: 'workdir'; path: string })
  | (Base & { kind: 'run'; cmdLine: string[]; prependShell: boolean; flagsUsed: string[] })
  | (Base & { kind: 'cmd' | 'entrypoint'; cmdLine: string[] | null; prependShell: boolean })
  | (Base & { kind: 'healthcheck'; health: HealthConfig })
  | (Base & { kind: 'expose'; ports: string[] })
  | (Base & { kind: 'user'; user: string })
  | (Base & { kind: 'volume'; volumes: string[] })
  | (Base & { kind: 'stopsignal'; signal: string })
  | (Base & { kind: 'arg'; args: { key: string; value?: string }[] })
  | (Base & { kind: 'shell'; shell: string[] });

export interface Stage {
  name: string;
  baseName: string;
  sourceCode: string;
  platform: string;
  commands: Instruction[];
}

/** a buildkit error inside one instruction; instructions.Parse prefixes "dockerfile parse error line N: " */
export class InstructionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstructionError';
  }
}

const fail = (msg: string): never => {
  throw new InstructionError(msg);
};
const atLeastOne = (c: string) => fail(`${c} requires at least one argument`);
const exactlyOne = (c: string) => fail(`${c} requires exactly one argument`);
const noDestination = (c: string) =>
  fail(`${c} requires at least two arguments, but only one was provided. Destination could not be determined`);

function flagsOf(node: DockerfileNode): BFlags {
  return new BFlags(node.flags);
}

function parseFlags(f: BFlags): void {
  const err = f.parse();
  if (err) fail(err);
}

function kvps(args: string[], cmd: string): KeyValue[] {
  if (args.length === 0) atLeastOne(cmd);
  if (args.length % 2 !== 0) fail(`Bad input to ${cmd}, too many arguments`);
  const out: KeyValue[] = [];
  for (let j = 0; j < args.length; j += 2) {
    if ((args[j] as string).length === 0) fail(`${cmd} names can not be blank`);
    out.push({ key: args[j] as string, value: args[j + 1] as string });
  }
  return out;
}

/** handleJSONArgs: exec form as is, shell form joined into one word */
function jsonArgs(args: string[], json: boolean): string[] {
  if (args.length === 0) return [];
  return json ? args : [args.join(' ')];
}

function interval(flag: string, value: string): number {
  if (value === '') return 0;
  const d = parseGoDuration(value);
  if (typeof d !== 'number') return fail(d.error);
  if (d < 1e6) fail(`Interval ${JSON.stringify(flag)} cannot be less than ${formatGoDuration(1e6)}`);
  return d;
}

function parseHealthcheck(args: string[], json: boolean, f: BFlags): HealthConfig {
  if (args.length === 0) atLeastOne('HEALTHCHECK');
  const typ = (args[0] as string).toUpperCase();
  const rest = args.slice(1);
  if (typ === 'NONE') {
    if (rest.length !== 0) fail('HEALTHCHECK NONE takes no arguments');
    return { Test: ['NONE'] };
  }
  for (const n of ['interval', 'timeout', 'start-period', 'retries']) f.addString(n);
  parseFlags(f);
  if (typ !== 'CMD') fail(`Unknown type ${JSON.stringify(typ)} in HEALTHCHECK (try CMD)`);
  const cmd = jsonArgs(rest, json);
  if (cmd.length === 0) fail('Missing command after HEALTHCHECK CMD');
  const hc: HealthConfig = { Test: [json ? 'CMD' : 'CMD-SHELL', ...cmd] };
  hc.Interval = interval('interval', f.value('interval'));
  hc.Timeout = interval('timeout', f.value('timeout'));
  hc.StartPeriod = interval('start-period', f.value('start-period'));
  const r = f.value('retries');
  if (r !== '') {
    if (!/^[+-]?\d+$/.test(r)) fail(`strconv.ParseInt: parsing ${JSON.stringify(r)}: invalid syntax`);
    const n = Number(r);
    if (n < 1) fail(`--retries must be at least 1 (not ${n})`);
    hc.Retries = n;
  } else hc.Retries = 0;
  return hc;
}

function parseFrom(node: DockerfileNode, args: string[]): Stage {
  let stageName = '';
  if (args.length === 3 && (args[1] as string).toLowerCase() === 'as') {
    stageName = (args[2] as string).toLowerCase();
    if (!/^[a-z][a-z0-9-_.]*$/.test(stageName)) {
      fail(`invalid name for build stage: ${JSON.stringify(args[2])}, name can't start with a number or contain symbols`);
    }
  } else if (args.length !== 1) fail('FROM requires either one or three arguments');
  const f = flagsOf(node);
  f.addString('platform');
  parseFlags(f);
  return { name: stageName, baseName: args[0] as string, sourceCode: node.original.trim(), platform: f.value('platform'), commands: [] };
}

/** ParseInstruction: a Stage for FROM, an Instruction otherwise */
export function parseInstruction(node: DockerfileNode): Stage | Instruction {
  const args = nodeArgs(node);
  const base = { code: node.original.trim(), name: node.value };
  const f = flagsOf(node);
  switch (node.value) {
    case 'env':
      parseFlags(f);
      return { ...base, kind: 'env', env: kvps(args, 'ENV') };
    case 'maintainer':
      if (args.length !== 1) exactlyOne('MAINTAINER');
      parseFlags(f);
      return { ...base, kind: 'maintainer', maintainer: args[0] as string };
    case 'label':
      parseFlags(f);
      return { ...base, kind: 'label', labels: kvps(args, 'LABEL'), noExpand: false };
    case 'add':
    case 'copy': {
      const cmd = node.value.toUpperCase();
      if (args.length < 2) noDestination(cmd);
      f.addString('chown');
      if (node.value === 'copy') f.addString('from');
      f.addString('chmod');
      parseFlags(f);
      return { ...base, kind: node.value, srcDest: [...args], from: f.value('from'), chown: f.value('chown'), chmod: f.value('chmod') };
    }
    case 'from':
      return parseFrom(node, args);
    case 'onbuild': {
      if (args.length === 0) atLeastOne('ONBUILD');
      parseFlags(f);
      const trigger = (args[0] as string).trim().toUpperCase();
      if (trigger === 'ONBUILD') fail('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') fail(`${trigger} isn't allowed as an ONBUILD trigger`);
      return { ...base, kind: 'onbuild', expression: node.original.replace(/^\s*ONBUILD\s*/i, '') };
    }
    case 'workdir':
      if (args.length !== 1) exactlyOne('WORKDIR');
      parseFlags(f);
      return { ...base, kind: 'workdir', path: args[0] as string };
    case 'run': {
      f.addString('mount');
      parseFlags(f);
      return { ...base, kind: 'run', cmdLine: jsonArgs(args, node.json), prependShell: !node.json, flagsUsed: [...f.used] };
    }
    case 'cmd':
    case 'entrypoint': {
      parseFlags(f);
      let cmdLine: string[] | null = jsonArgs(args, node.json);
      if (node.value === 'entrypoint' && cmdLine.length === 0) cmdLine = null;
      return { ...base, kind: node.value, cmdLine, prependShell: !node.json };
    }
    case 'healthcheck':
      return { ...base, kind: 'healthcheck', health: parseHealthcheck(args, node.json, f) };
    case 'expose':
      if (args.length === 0) atLeastOne('EXPOSE');
      parseFlags(f);
      return { ...base, kind: 'expose', ports: [...args].sort() };
    case 'user':
      if (args.length !== 1) exactlyOne('USER');
      parseFlags(f);
      return { ...base, kind: 'user', user: args[0] as string };
    case 'volume': {
      if (args.length === 0) atLeastOne('VOLUME');
      parseFlags(f);
      const volumes: string[] = [];
      for (const v of args) {
        const t = v.trim();
        if (t === '') fail('VOLUME specified can not be an empty string');
        volumes.push(t);
      }
      return { ...base, kind: 'volume', volumes };
    }
    case 'stopsignal':
      if (args.length !== 1) exactlyOne('STOPSIGNAL');
      return { ...base, kind: 'stopsignal', signal: args[0] as string };
    case 'arg': {
      if (args.length < 1) atLeastOne('ARG');
      const pairs = args.map((a) => {
        const i = a.indexOf('=');
        if (i < 0) return { key: a };
        if (i === 0) fail('ARG names can not be blank');
        return { key: a.slice(0, i), value: a.slice(i + 1) };
      });
      return { ...base, kind: 'arg', args: pairs };
    }
    case 'shell': {
      parseFlags(f);
      const shell = jsonArgs(args, node.json);
      if (shell.length === 0) atLeastOne('SHELL');
      if (!node.json) fail(`SHELL requires the arguments to be in JSON form`);
      return { ...base, kind: 'shell', shell };
    }
  }
  return fail(`unknown instruction: ${node.value.toUpperCase()}`);
}

export interface ParsedStages {
  stages: Stage[];
  metaArgs: Extract<Instruction, { kind: 'arg' }>[];
}

/** instructions.Parse: stages and the ARGs before the first FROM */
export function parseStages(nodes: DockerfileNode[]): ParsedStages {
  const stages: Stage[] = [];
  const metaArgs: ParsedStages['metaArgs'] = [];
  for (const n of nodes) {
    let cmd: Stage | Instruction;
    try {
      cmd = parseInstruction(n);
    } catch (err) {
      if (err instanceof InstructionError) throw new DockerfileParseError(`dockerfile parse error line ${n.startLine}: ${err.message}`);
      throw err;
    }
    if ('kind' in cmd) {
      if (stages.length === 0) {
        if (cmd.kind === 'arg') {
          metaArgs.push(cmd);
          continue;
        }
        throw new InstructionError('no build stage in current context');
      }
      (stages[stages.length - 1] as Stage).commands.push(cmd);
    } else stages.push(cmd);
  }
  return { stages, metaArgs };
}
