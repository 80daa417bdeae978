/**
 * Background jobs (`cmd &`): started as a forked copy of the shell (a lone
 * simple command execs in it, so the job's PID is that program's), entered in
 * the job table, announced by an interactive bash (`[1] 4243`), reported
 * before the next prompt (`[1]+  Done                    sleep 1`).
 */
import type { ProcessIO } from '../../api/io';
import type { AndOr, Command, List, Pipeline, Redirect } from '../parser/ast';
import type { Interpreter } from './exec';
import { startForked, withForkRetry } from './fork';
import type { ShellState } from './state';

function redirectText(r: Redirect): string {
  const fd = (r.op.startsWith('<') ? r.fd !== 0 : r.fd !== 1) && !r.op.startsWith('&') ? String(r.fd) : '';
  return `${fd}${r.op} ${r.target.raw}`;
}

function commandText(c: Command): string | undefined {
  switch (c.type) {
    case 'simple':
      return [...c.assigns.map((a) => `${a.name}=${a.value.raw}`), ...c.words.map((w) => w.raw), ...c.redirects.map(redirectText)].join(' ');
    case 'subshell': {
      const body = listText(c.body);
      return body === undefined ? undefined : `( ${body} )`;
    }
    case 'group': {
      const body = listText(c.body);
      return body === undefined ? undefined : `{ ${body}; }`;
    }
    default:
      return undefined;
  }
}

function pipelineText(p: Pipeline): string | undefined {
  const parts = p.commands.map(commandText);
  if (parts.some((x) => x === undefined)) return undefined;
  return `${p.bang ? '! ' : ''}${parts.join(' | ')}`;
}

function andOrText(ao: AndOr): string | undefined {
  let out = pipelineText(ao.first);
  for (const r of ao.rest) {
    const t = pipelineText(r.pipeline);
    if (out === undefined || t === undefined) return undefined;
    out += ` ${r.op} ${t}`;
  }
  return out;
}

function listText(list: List): string | undefined {
  const parts = list.map(andOrText);
  return parts.some((x) => x === undefined) ? undefined : parts.join('; ');
}

/**
 * the command as `jobs` shows it: bash prints it again from the syntax tree
 * (`( exit 3 )`), ash as it was typed; busybox ash without job control keeps none
 */
export function jobText(sh: ShellState, ao: AndOr): string {
  const typed = (ao.text ?? '').replace(/\s*&$/, '');
  if (sh.flavor === 'bash') return andOrText(ao) ?? typed;
  if (sh.flavor === 'ash' && !sh.interactive) return '';
  return typed;
}

/** start `ao` in the background; resolves once it runs (after bash's fork retries) */
export async function startBackground(interp: Interpreter, sh: ShellState, ao: AndOr, io: ProcessIO): Promise<void> {
  if (!sh.interactive) sh.jobs.forgetEnded();
  const sub = sh.clone();
  const body: List = [{ ...ao, background: false }];
  // Ctrl-C reaches the foreground job only
  const bgIo = { ...io, interrupt: new AbortController().signal };
  const text = jobText(sh, ao);
  if (sh.proc) {
    const proc = sh.proc;
    // fork: a copy of the shell; one simple command execs in it (the job is that program)
    sub.execNext = ao.rest.length === 0 && ao.first.commands.length === 1 && ao.first.commands[0].type === 'simple';
    const started = await withForkRetry(sh, io, () =>
      startForked(
        proc,
        [...proc.argv],
        bgIo,
        (child, cio) => {
          sub.proc = child.control;
          sub.onSignal = child.onSignal;
          return interp.runSubshell(sub, body, cio);
        },
        // an interactive shell gives each job its own process group (job control)
        { newGroup: sh.interactive },
      ),
    );
    const status = started.status.catch(() => 1);
    const job = sh.jobs.add(started.pid, started.pgid, text, status, () => started.child.killed.aborted);
    announce(sh, io, job.id, started.pid);
  } else {
    const pid = sh.nextJobPid++;
    const status = interp.runSubshell(sub, body, bgIo).catch(() => 1);
    const job = sh.jobs.add(pid, pid, text, status, () => false);
    announce(sh, io, job.id, pid);
  }
  sh.status = 0;
}

function announce(sh: ShellState, io: ProcessIO, id: number, pid: number): void {
  sh.lastBackground = pid;
  if (sh.interactive && sh.flavor === 'bash') io.stderr.write(`[${id}] ${pid}\n`);
}

/** before a prompt: report the jobs that ended since, and forget them (an interactive shell) */
export function reportEndedJobs(sh: ShellState, io: ProcessIO): void {
  for (const job of sh.jobs.ended()) {
    if (sh.interactive) io.stderr.write(sh.jobs.line(job, false));
    sh.jobs.remove(job);
  }
}
