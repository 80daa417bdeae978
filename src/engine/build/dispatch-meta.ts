/**
 * The instructions that only change the image config (moby
 * builder/dockerfile/dispatchers.go): each commits an intermediate
 * container whose Cmd is the "#(nop)" text that `docker history` shows.
 */
import { mapOfRuns, unionPortMaps } from '../core/port-runs';
import { SIGNALS } from '../containers/signals';
import { goQuote } from '../../lib/dockerfile/line-parsers';
import type { HealthConfig, Instruction } from '../../lib/dockerfile/instructions';
import { formatGoDuration } from '../../lib/go-duration';
import { exposedPortRuns } from './port-spec';
import { processWords } from './shell-lex';
import { commitContainer, commitMetadata, probeAndCreate, type StepRunner } from './steps';
import { copyRunConfig, type DispatchState, getShell, withCmdCommentString } from './state';
import { setOwn } from '../../lib/own';

/** fmt %q of a []string: ["a" "b"] */
export function quoteSlice(v: readonly string[] | null | undefined): string {
  return `[${(v ?? []).map(goQuote).join(' ')}]`;
}

/** fmt %v of a []string: [a b] */
export function plainSlice(v: readonly string[] | null | undefined): string {
  return `[${(v ?? []).join(' ')}]`;
}

/** strconv.QuoteRune for a small int (fmt %q of HealthConfig.Retries) */
function quoteRune(n: number): string {
  if (n >= 0x20 && n < 0x7f) return n === 0x27 ? "'\\''" : n === 0x5c ? "'\\\\'" : `'${String.fromCharCode(n)}'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
  if (named[n]) return `'${named[n]}'`;
  if (n < 0x100) return `'\\x${n.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCodePoint(n)}'`;
}

/** fmt %q of a *container.HealthConfig: &{["CMD-SHELL" "true"] "5s" "0s" "0s" '\x00'} */
function quoteHealth(h: HealthConfig): string {
  const d = (ns: number | undefined) => goQuote(formatGoDuration(ns ?? 0));
  return `&{${quoteSlice(h.Test)} ${d(h.Interval)} ${d(h.Timeout)} ${d(h.StartPeriod)} ${quoteRune(h.Retries ?? 0)}}`;
}

function setEnv(env: string[], key: string, kv: string): string[] {
  const out = [...env];
  const i = out.findIndex((e) => (e.includes('=') ? e.slice(0, e.indexOf('=')) : e) === key);
  if (i >= 0) out[i] = kv;
  else out.push(kv);
  return out;
}

/** WORKDIR's path against the current one (filepath.Join("/", current, requested) when relative) */
export function normalizeWorkdir(current: string, requested: string): string {
  if (requested === '') throw new Error('cannot normalize nothing');
  if (requested.startsWith('/')) return requested;
  const parts: string[] = [];
  for (const seg of `${current}/${requested}`.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** a Go map as encoding/json writes it: keys in byte order (inspect shows Labels, ExposedPorts, Volumes so) */
function sortedKeys<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) setOwn(out, k, m[k] as T);
  return out;
}

/** the real-time signals of Linux's signal.SignalMap: RTMIN, RTMIN+1…+15, RTMAX-14…-1, RTMAX */
const RT_SIGNAL = /^RT(MIN|MAX)$|^RTMIN\+([1-9]|1[0-5])$|^RTMAX-([1-9]|1[0-4])$/;

/** signal.ParseSignal: a non-zero number (strconv.Atoi, signs allowed) or a known name with or without SIG */
function validStopSignal(raw: string): boolean {
  if (/^[+-]?\d+$/.test(raw)) {
    const n = Number(raw);
    return n !== 0 && Number.isSafeInteger(n) && Math.abs(n) <= 2 ** 63;
  }
  const name = raw.toUpperCase().replace(/^SIG/, '');
  return Boolean(SIGNALS[name]) || RT_SIGNAL.test(name);
}

/** resolveCmdLine: the shell form gets the SHELL (default /bin/sh -c) in front */
export function resolveCmdLine(cmdLine: string[] | null, prependShell: boolean, state: DispatchState): string[] | null {
  if (prependShell && cmdLine !== null) return [...getShell(state.runConfig), ...cmdLine];
  return cmdLine;
}

export function dispatchMetadata(b: StepRunner, state: DispatchState, c: Instruction, envs: string[]): void {
  const rc = state.runConfig;
  switch (c.kind) {
    case 'env': {
      let env = rc.Env ?? [];
      let msg = 'ENV';
      for (const e of c.env) {
        const kv = `${e.key}=${e.value}`;
        msg += ` ${kv}`;
        env = setEnv(env, e.key, kv);
      }
      rc.Env = env;
      commitMetadata(b, state, msg);
      return;
    }
    case 'maintainer':
      state.maintainer = c.maintainer;
      commitMetadata(b, state, `MAINTAINER ${c.maintainer}`);
      return;
    case 'label': {
      const labels = { ...(rc.Labels ?? {}) };
      let msg = 'LABEL';
      for (const l of c.labels) {
        labels[l.key] = l.value;
        msg += ` ${l.key}=${l.value}`;
      }
      rc.Labels = sortedKeys(labels);
      commitMetadata(b, state, msg);
      return;
    }
    case 'onbuild':
      rc.OnBuild = [...(rc.OnBuild ?? []), c.expression];
      commitMetadata(b, state, `ONBUILD ${c.expression}`);
      return;
    case 'workdir': {
      rc.WorkingDir = normalizeWorkdir(rc.WorkingDir, c.path);
      const config = copyRunConfig(rc, withCmdCommentString(`WORKDIR ${rc.WorkingDir}`));
      // the container's create makes the directory (createStepContainer)
      const id = probeAndCreate(b, state, config);
      if (!id) return;
      commitContainer(b, state, id, config);
      return;
    }
    case 'cmd': {
      const cmd = resolveCmdLine(c.cmdLine, c.prependShell, state);
      rc.Cmd = cmd;
      delete rc.ArgsEscaped;
      commitMetadata(b, state, `CMD ${quoteSlice(cmd)}`);
      if (c.cmdLine && c.cmdLine.length > 0) state.cmdSet = true;
      return;
    }
    case 'healthcheck': {
      const old = rc.Healthcheck?.Test;
      if (old && old.length > 0 && old[0] !== 'NONE') b.out.stdout(`Note: overriding previous HEALTHCHECK: ${plainSlice(old)}\n`);
      const hc: HealthConfig = { Test: c.health.Test };
      for (const k of ['Interval', 'Timeout', 'StartPeriod', 'Retries'] as const) if (c.health[k]) hc[k] = c.health[k];
      rc.Healthcheck = hc;
      commitMetadata(b, state, `HEALTHCHECK ${quoteHealth(c.health)}`);
      return;
    }
    case 'entrypoint': {
      const ep = resolveCmdLine(c.cmdLine, c.prependShell, state);
      rc.Entrypoint = ep;
      delete rc.ArgsEscaped;
      if (!state.cmdSet) rc.Cmd = null;
      commitMetadata(b, state, `ENTRYPOINT ${quoteSlice(ep)}`);
      return;
    }
    case 'expose': {
      const ports: string[] = [];
      for (const p of c.ports) ports.push(...processWords(p, envs, b.escapeToken));
      // as runs when big (EXPOSE 1-65535): core/port-runs.ts
      rc.ExposedPorts = unionPortMaps(rc.ExposedPorts, mapOfRuns(exposedPortRuns(ports)));
      commitMetadata(b, state, `EXPOSE ${ports.join(' ')}`);
      return;
    }
    case 'user':
      rc.User = c.user;
      commitMetadata(b, state, `USER ${c.user}`);
      return;
    case 'volume': {
      const vols = { ...(rc.Volumes ?? {}) };
      for (const v of c.volumes) {
        if (v === '') throw new Error('VOLUME specified can not be an empty string');
        vols[v] = {};
      }
      rc.Volumes = sortedKeys(vols);
      commitMetadata(b, state, `VOLUME ${plainSlice(c.volumes)}`);
      return;
    }
    case 'stopsignal': {
      if (!validStopSignal(c.signal)) throw new Error(`Invalid signal: ${c.signal}`);
      rc.StopSignal = c.signal;
      commitMetadata(b, state, `STOPSIGNAL ${c.signal}`);
      return;
    }
    case 'arg': {
      const parts: string[] = [];
      for (const a of c.args) {
        parts.push(a.value !== undefined ? `${a.key}=${a.value}` : a.key);
        state.buildArgs.addArg(a.key, a.value);
      }
      commitMetadata(b, state, `ARG ${parts.join(' ')}`);
      return;
    }
    case 'shell':
      rc.Shell = [...c.shell];
      commitMetadata(b, state, `SHELL ${plainSlice(rc.Shell)}`);
      return;
    default:
      throw new Error(`unsupported command type: ${c.kind}`);
  }
}
