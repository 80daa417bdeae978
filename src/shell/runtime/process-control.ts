/**
 * ProcessControl (fork, exec, kill) for programs in a container, over the
 * engine's process table (ProcessSpec.spawnChild / setArgv / signal). Without
 * an engine behind it (unit tests) children are numbered and signalled locally.
 */
import type { ChildProcessEntry, ChildProcessSpec, ProcessSpec } from '../../api/runtime';
import type { ForkedProcess, ProcessControl } from '../interpreter/types';
import { SignalTarget } from './signals';

/** where children are registered: the engine's table or a local one */
export interface ProcessTable {
  spawnChild(child: ChildProcessSpec): ChildProcessEntry;
  signal(pid: number, signal: string): boolean;
}

/** the table of the spec's container, or a local stand-in when the engine offers none */
export function processTable(spec: ProcessSpec, self: { pid: number; deliver(signal: string): void }): ProcessTable {
  if (spec.spawnChild && spec.signal) {
    const spawn = spec.spawnChild.bind(spec);
    const signal = spec.signal.bind(spec);
    return { spawnChild: (c) => spawn(c), signal: (pid, sig) => signal(pid, sig) };
  }
  const local = new Map<number, (sig: string) => void>([[self.pid, (s) => self.deliver(s)]]);
  let next = Math.max(self.pid, ...spec.processes().map((p) => p.pid));
  return {
    spawnChild(child) {
      next += 1;
      const pid = next;
      local.set(pid, child.kill);
      return { pid, setArgv: () => {}, exit: () => local.delete(pid) };
    },
    signal(pid, sig) {
      const k = local.get(pid);
      if (!k) return spec.processes().some((p) => p.pid === pid);
      k(sig);
      return true;
    },
  };
}

export class Control implements ProcessControl {
  private current: string[];

  constructor(
    private readonly table: ProcessTable,
    readonly pid: number,
    argv: readonly string[],
    private readonly onArgv: (argv: string[]) => void,
  ) {
    this.current = [...argv];
  }

  get argv(): readonly string[] {
    return this.current;
  }

  setArgv(argv: string[]): void {
    this.current = [...argv];
    this.onArgv(this.current);
  }

  signal(pid: number, signal: string): boolean {
    return this.table.signal(pid, signal);
  }

  fork(argv: string[], opts: { user?: string } = {}): ForkedProcess {
    const target = new SignalTarget(false);
    const entry = this.table.spawnChild({
      argv,
      ppid: this.pid,
      user: opts.user,
      kill(s) {
        target.deliver(s);
      },
    });
    const control = new Control(this.table, entry.pid, argv, (a) => entry.setArgv(a));
    return {
      pid: entry.pid,
      control,
      onSignal: target.onSignal,
      killed: target.killed,
      death: target.death,
      exit(status) {
        target.end();
        entry.exit(status);
      },
    };
  }
}
