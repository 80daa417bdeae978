/**
 * ProcessControl (fork, exec, kill) for programs in a container or on the
 * host, over a process table: the engine's (ProcessSpec.spawnChild / setArgv /
 * signal) or a local one (the host, unit tests).
 *
 * The table is bounded like a kernel's (`ulimit -u`, `pids.max`): a fork
 * past MAX_PROCESSES fails with EAGAIN (ForkError), so a fork bomb
 * (`:(){ :|:& };:`) runs into the limit instead of into the heap. Process
 * groups are kept here too, so `kill %1` in an interactive shell reaches every
 * process of the job, however deep.
 */
import type { ChildProcessEntry, ChildProcessSpec, ProcessInfo, ProcessSpec } from '../../api/runtime';
import { type DeathListener, type ForkedProcess, ForkError, InterruptSignal, type ProcessControl, type SignalSubscribe } from '../interpreter/types';
import { SignalTarget } from './signals';

/**
 * processes one process table holds at once (the simulated `ulimit -u` of the
 * host user, a container's limit). A fork bomb keeps the table full, and what
 * it costs grows faster than the limit (`npm run bench:shell`): 256 keeps a
 * `sleep 20` beside it under two seconds in the headless runner.
 */
export const MAX_PROCESSES = 256;

/** where children are registered: the engine's table or a local one */
export interface ProcessTable {
  /** throws ForkError when the table is full */
  spawnChild(child: ChildProcessSpec, pgid?: number | 'new'): ChildProcessEntry & { readonly pgid: number };
  signal(pid: number, signal: string): boolean;
  /** every process of the group gets the signal; false when the group is empty */
  signalGroup(pgid: number, signal: string): boolean;
}

/** what a table is built on: where processes are registered and signalled, and how many there are */
interface TableBase {
  spawn(child: ChildProcessSpec): ChildProcessEntry;
  signal(pid: number, signal: string): boolean;
  count(): number;
}

/** a table over `base` with the process limit and process groups */
class BoundedTable implements ProcessTable {
  /**
   * the processes forked through this table, by process group. A group led by
   * a process forked here goes when it is empty; the group of a process not
   * forked here (PID 1, a login shell) stays, empty, for the next child: a
   * loop forks into it every round.
   */
  private readonly groups = new Map<number, Group>();
  constructor(
    private readonly base: TableBase,
    private readonly limit: number,
  ) {}

  spawnChild(child: ChildProcessSpec, group: number | 'new' = 'new'): ChildProcessEntry & { pgid: number } {
    if (this.base.count() >= this.limit) throw new ForkError();
    const entry = this.base.spawn(child);
    const pgid = group === 'new' ? entry.pid : group;
    let members = this.groups.get(pgid);
    if (members === undefined) {
      members = new Group(group === 'new');
      this.groups.set(pgid, members);
    }
    const member = new GroupMember(entry, pgid, members, this.groups);
    members.add(member);
    return member;
  }

  signal(pid: number, signal: string): boolean {
    return this.base.signal(pid, signal);
  }

  signalGroup(pgid: number, signal: string): boolean {
    let found = false;
    const members = this.groups.get(pgid);
    // a leader that was not forked here (PID 1, a login shell, an exec'd process) leads its own group
    if (pgid > 0 && !members?.has(pgid)) found = this.base.signal(pgid, signal);
    if (members !== undefined) {
      for (const pid of members.pids()) found = this.base.signal(pid, signal) || found;
    }
    return found;
  }
}

/**
 * the members of a process group, in the order they joined; `led`: its leader
 * was forked here (the group goes when it is empty). The members are linked
 * through themselves: a loop forking into PID 1's group every round adds and
 * removes no entry object (a Set re-made its table at each add and delete).
 */
class Group {
  private head: GroupMember | undefined;
  private tail: GroupMember | undefined;
  size = 0;
  constructor(readonly led: boolean) {}

  add(m: GroupMember): void {
    m.prev = this.tail;
    if (this.tail === undefined) this.head = m;
    else this.tail.next = m;
    this.tail = m;
    this.size++;
  }

  delete(m: GroupMember): void {
    const { prev, next } = m;
    if (prev === undefined ? this.head !== m : prev.next !== m) return;
    if (prev === undefined) this.head = next;
    else prev.next = next;
    if (next === undefined) this.tail = prev;
    else next.prev = prev;
    m.prev = undefined;
    m.next = undefined;
    this.size--;
  }

  has(pid: number): boolean {
    for (let m = this.head; m !== undefined; m = m.next) if (m.pid === pid) return true;
    return false;
  }

  /** the members' PIDs now */
  pids(): number[] {
    const out: number[] = [];
    for (let m = this.head; m !== undefined; m = m.next) out.push(m.pid);
    return out;
  }
}

/** a process forked through a BoundedTable: its entry, and its place in its group */
class GroupMember implements ChildProcessEntry {
  prev: GroupMember | undefined = undefined;
  next: GroupMember | undefined = undefined;
  constructor(
    private readonly entry: ChildProcessEntry,
    readonly pgid: number,
    private readonly members: Group,
    private readonly groups: Map<number, Group>,
  ) {}
  get pid(): number {
    return this.entry.pid;
  }
  setArgv(argv: string[]): void {
    this.entry.setArgv(argv);
  }
  exit(status: number): void {
    const set = this.members;
    set.delete(this);
    if (set.size === 0 && set.led && this.groups.get(this.pgid) === set) this.groups.delete(this.pgid);
    this.entry.exit(status);
  }
}

/**
 * A process table of our own: PIDs counted up from `firstPid`, each process
 * reached through the kill function it registered. The host's table (all its
 * terminals share one), and a container's when no engine stands behind it.
 */
export class LocalProcessTable {
  private readonly procs = new Map<number, { info: ProcessInfo; kill: (signal: string) => void }>();
  private next: number;
  readonly table: ProcessTable;

  constructor(
    firstPid: number,
    private readonly now: () => number,
    limit = MAX_PROCESSES,
  ) {
    this.next = firstPid;
    this.table = new BoundedTable(
      {
        spawn: (c) => this.spawn(c),
        signal: (pid, sig) => this.signal(pid, sig),
        count: () => this.procs.size,
      },
      limit,
    );
  }

  /** a process that is not a child of one we know (a login shell): its PID */
  register(argv: string[], kill: (signal: string) => void, user = 'root'): { pid: number; exit(): void } {
    const pid = this.next++;
    this.procs.set(pid, { info: { pid, ppid: 1, user, argv: [...argv], started: this.now(), tty: true }, kill });
    return { pid, exit: () => this.procs.delete(pid) };
  }

  private spawn(child: ChildProcessSpec): ChildProcessEntry {
    const pid = this.next++;
    const info: ProcessInfo = { pid, ppid: child.ppid ?? 1, user: child.user ?? 'root', argv: [...child.argv], started: this.now(), tty: true };
    // called as the child's method (a child may be a class instance)
    this.procs.set(pid, { info, kill: (sig) => child.kill(sig) });
    const procs = this.procs;
    return {
      pid,
      setArgv(argv) {
        info.argv = [...argv];
      },
      exit() {
        procs.delete(pid);
      },
    };
  }

  private signal(pid: number, signal: string): boolean {
    const p = this.procs.get(pid);
    if (!p) return false;
    p.kill(signal);
    return true;
  }

  /** the processes, in PID order (ps) */
  list(): ProcessInfo[] {
    return [...this.procs.values()].map((p) => p.info);
  }
}

/** the table of the spec's container, or a local stand-in when the engine offers none */
export function processTable(spec: ProcessSpec, self: { pid: number; deliver(signal: string): void }): ProcessTable {
  if (spec.spawnChild && spec.signal) {
    const spawn = spec.spawnChild.bind(spec);
    const signal = spec.signal.bind(spec);
    const processes = spec.processes.bind(spec);
    const count = spec.processCount ? spec.processCount.bind(spec) : () => processes().length;
    return new BoundedTable({ spawn: (c) => spawn(c), signal: (pid, sig) => signal(pid, sig), count }, MAX_PROCESSES);
  }
  const local = new Map<number, (sig: string) => void>([[self.pid, (s) => self.deliver(s)]]);
  let next = Math.max(self.pid, ...spec.processes().map((p) => p.pid));
  return new BoundedTable(
    {
      spawn(child) {
        next += 1;
        const pid = next;
        local.set(pid, (sig) => child.kill(sig));
        return { pid, setArgv: () => {}, exit: () => local.delete(pid) };
      },
      signal(pid, sig) {
        const k = local.get(pid);
        if (!k) return spec.processes().some((p) => p.pid === pid);
        k(sig);
        return true;
      },
      count: () => local.size,
    },
    MAX_PROCESSES,
  );
}

export class Control implements ProcessControl {
  private current: string[];
  readonly pgid: number;

  constructor(
    private readonly table: ProcessTable,
    readonly pid: number,
    argv: readonly string[],
    /** where its exec goes (the process table's entry): a function or an object with setArgv */
    private readonly onArgv: ((argv: string[]) => void) | { setArgv(argv: string[]): void },
    opts: { pgid?: number; killed?: AbortSignal } = {},
  ) {
    this.current = [...argv];
    this.pgid = opts.pgid ?? pid;
    this.killed = opts.killed;
  }

  /** aborted when a signal ended this process: it forks no more */
  private readonly killed: AbortSignal | undefined;

  get argv(): readonly string[] {
    return this.current;
  }

  setArgv(argv: string[]): void {
    this.current = [...argv];
    const sink = this.onArgv;
    if (typeof sink === 'function') sink(this.current);
    else sink.setArgv(this.current);
  }

  signal(pid: number, signal: string): boolean {
    return this.table.signal(pid, signal);
  }

  signalGroup(pgid: number, signal: string): boolean {
    return this.table.signalGroup(pgid, signal);
  }

  fork(argv: string[], opts?: { user?: string; newGroup?: boolean }): ForkedProcess {
    // a killed process runs no more code: what it was about to start never starts
    if (this.killed?.aborted) throw new InterruptSignal();
    return new Forked(this.table, this.pid, this.pgid, argv, opts?.user, opts?.newGroup === true);
  }
}

/**
 * A child forked by Control: its entry in the process table (it is the
 * ChildProcessSpec the table signals through), its signals and its own
 * Control. A shell loop forks one every round: one object, no closures.
 */
class Forked implements ForkedProcess, ChildProcessSpec {
  readonly pid: number;
  readonly control: Control;
  private readonly target = new SignalTarget(false);
  private readonly entry: ChildProcessEntry & { readonly pgid: number };
  constructor(
    table: ProcessTable,
    readonly ppid: number,
    pgid: number,
    readonly argv: string[],
    readonly user: string | undefined,
    newGroup: boolean,
  ) {
    this.entry = table.spawnChild(this, newGroup ? 'new' : pgid);
    this.pid = this.entry.pid;
    this.control = new Control(table, this.pid, argv, this.entry, { pgid: this.entry.pgid, killed: this.target.killed });
  }
  /** the table delivers a signal */
  kill(signal: string): void {
    this.target.deliver(signal);
  }
  get onSignal(): SignalSubscribe {
    return this.target.onSignal;
  }
  get killed(): AbortSignal {
    return this.target.killed;
  }
  get death(): Promise<number> {
    return this.target.death;
  }
  get onDeath(): DeathListener | undefined {
    return this.target.onDeath;
  }
  set onDeath(listener: DeathListener | undefined) {
    this.target.onDeath = listener;
  }
  exit(status: number): void {
    this.target.end();
    this.entry.exit(status);
  }
}

