/** What the fuzzer reports: failures by kind and by whose area they are in. */

export type FailureKind =
  /** an exception reached the runner (runStep's promise rejected, or the command's) */
  | 'escape'
  /** output with a JS stack trace, `undefined`, `[object Object]`, `NaN`, or a JS engine's error text */
  | 'stack-trace'
  | 'js-value'
  | 'js-error'
  /** a command that took more than 1 s of real time */
  | 'slow'
  /** a timed-out step that went on after the runner stopped it */
  | 'unstoppable'
  /** a line that did not do what its template says (exit status, output) */
  | 'behaviour'
  /** an engine invariant broken after a line, or at the end of a session */
  | 'invariant'
  | 'export-failed'
  | 'import-rejected-good'
  | 'import-accepted-corrupt'
  | 'import-rejected-changed'
  | 'import-leaked-blobs'
  /** the session's worker had to be stopped (a line blocked for longer than the watchdog) or died (out of memory) */
  | 'hang'
  | 'crash';

export const FAILURE_KINDS: readonly FailureKind[] = [
  'escape',
  'stack-trace',
  'js-value',
  'js-error',
  'slow',
  'unstoppable',
  'behaviour',
  'invariant',
  'export-failed',
  'import-rejected-good',
  'import-accepted-corrupt',
  'import-rejected-changed',
  'import-leaked-blobs',
  'hang',
  'crash',
];

/** whose area: ours (runner, clock, CLI, engine, store), or a finding handed to another engineer */
export type Owner = 'fuzz' | 'shell' | 'terminal';

export interface Failure {
  kind: FailureKind;
  owner: Owner;
  /** the template of the line (`docker container run`, `shell:fork-bomb`, …) */
  template: string;
  /** the line, as a one-line repro (or what was done to an export) */
  line: string;
  detail: string;
  /** the session's seed and the line's number in it */
  session: number;
  n: number;
}

/** failures that are the same bug: kind, template and the detail without numbers and IDs */
export function signature(f: Failure): string {
  const detail = f.detail
    .replace(/[0-9a-f]{12,64}/g, '…')
    .replace(/\d+(\.\d+)?/g, '#')
    .slice(0, 160);
  return `${f.kind} | ${f.template.slice(0, 60)} | ${detail}`;
}
