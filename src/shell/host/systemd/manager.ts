/**
 * The learner's machine's service manager (systemd 252) for the Docker units:
 * start, stop and restart jobs with their journal messages, docker.service's
 * main process (dockerd, the engine), Restart=on-failure with its 100 ms delay
 * and the start limit (3 starts in 60 s: "Start request repeated too
 * quickly", then docker.socket fails with 'service-start-limit-hit'),
 * reset-failed, and socket activation: while docker.socket listens, a client
 * connecting starts docker.service. Enablement lives in the filesystem, as
 * /etc/systemd/system/<target>.wants/ links. Behaviour recorded from a real
 * systemd 252 with Debian's docker.io (test/fixtures/real-host/systemd/).
 */
import { type FileSystem, textDecoder } from '../../../api/fs';
import type { DaemonProcess } from '../../../api/host';
import type { ShellClock } from '../../interpreter/types';
import { type CatalogRef, Journal, type JournalEntry, PRIORITY } from './journal';
import { type UnitDef, UNIT_FILES, type UnitName, UNITS, wantsLink } from './units';

export type ActiveState = 'active' | 'inactive' | 'failed' | 'activating' | 'deactivating';

export interface UnitRuntime {
  active: ActiveState;
  sub: string;
  /** the unit's Result= ('success', 'exit-code', 'start-limit-hit', 'service-start-limit-hit') */
  result: string;
  activeEnter?: number;
  activeExit?: number;
  inactiveEnter?: number;
  inactiveExit?: number;
  mainPid?: number;
  /** the last ExecStart= process that exited */
  exited?: { pid: number; status: number };
  /** start attempts inside the start-limit interval */
  starts: number[];
  /** automatic restarts since the last start asked for */
  restarts: number;
}

export interface ServiceManagerSnapshot {
  units: Record<string, UnitRuntime>;
  journal: JournalEntry[];
  nextPid: number;
  nextJob: number;
}

export interface ServiceManagerOptions {
  clock: ShellClock;
  /** the host filesystem as root sees it (enablement links) */
  fs: FileSystem;
  daemon: DaemonProcess;
  hostname: string;
  /** state to continue from (a restored sandbox); default: the machine has just booted */
  from?: ServiceManagerSnapshot;
}

/** the PIDs the machine's boot gave the services (the host's `ps` shows the same) */
export const BOOT_PIDS: Partial<Record<UnitName, number>> = { 'containerd.service': 702, 'docker.service': 731 };

export type JobResult = 'done' | 'failed';

export class ServiceManager {
  readonly journal = new Journal();
  readonly hostname: string;
  private readonly clock: ShellClock;
  private readonly fs: FileSystem;
  private readonly daemon: DaemonProcess;
  private units = {} as Record<UnitName, UnitRuntime>;
  private nextPid = 2318;
  private nextJob = 180;
  /** a pending automatic restart (Restart=on-failure) and what waits for the unit to settle */
  private pendingRestart?: Promise<void>;

  constructor(opts: ServiceManagerOptions) {
    this.clock = opts.clock;
    this.fs = opts.fs;
    this.daemon = opts.daemon;
    this.hostname = opts.hostname;
    if (opts.from) this.restore(opts.from);
    else this.boot();
  }

  now(): number {
    return this.clock.now();
  }

  state(name: UnitName): UnitRuntime {
    return this.units[name];
  }

  def(name: UnitName): UnitDef {
    return UNITS[name];
  }

  /** "enabled" / "disabled" from the [Install] link */
  enablement(name: UnitName): 'enabled' | 'disabled' {
    return this.fs.exists(wantsLink(UNITS[name])) ? 'enabled' : 'disabled';
  }

  private fresh(active: ActiveState, sub: string): UnitRuntime {
    return { active, sub, result: 'success', starts: [], restarts: 0 };
  }

  private log(unit: UnitName | undefined, message: string, opts: { ident?: string; pid?: number; priority?: number; catalog?: CatalogRef; t?: number } = {}): void {
    this.journal.add({
      t: opts.t ?? this.now(),
      unit,
      ident: opts.ident ?? 'systemd',
      pid: opts.pid ?? 1,
      priority: opts.priority ?? PRIORITY.info,
      message,
      ...(opts.catalog ? { catalog: opts.catalog } : {}),
    });
  }

  private stderrOf(name: UnitName, pid: number) {
    return (line: string) => this.log(name, line, { ident: 'dockerd', pid });
  }

  /** the machine booting: containerd, the socket, then dockerd (already up in the engine) */
  private boot(): void {
    const t = this.now();
    for (const name of Object.keys(UNITS) as UnitName[]) this.units[name] = this.fresh('inactive', 'dead');
    const job = () => this.nextJob++;
    const startedUnit = (name: UnitName, sub: string, pid?: number) => {
      const u = this.units[name];
      Object.assign(u, { active: 'active', sub, activeEnter: t, inactiveExit: t, mainPid: pid });
    };
    let id = job();
    this.log('containerd.service', `Starting ${this.title('containerd.service')}...`, { catalog: { kind: 'job-begun', job: 'start', id } });
    startedUnit('containerd.service', 'running', BOOT_PIDS['containerd.service']);
    this.log('containerd.service', `Started ${this.title('containerd.service')}.`, { catalog: { kind: 'job-done', job: 'start', id } });
    id = job();
    this.log('docker.socket', `Starting ${this.title('docker.socket')}...`, { catalog: { kind: 'job-begun', job: 'start', id } });
    startedUnit('docker.socket', 'running');
    this.log('docker.socket', `Listening on ${this.title('docker.socket')}.`, { catalog: { kind: 'job-done', job: 'start', id } });
    id = job();
    this.log('docker.service', `Starting ${this.title('docker.service')}...`, { catalog: { kind: 'job-begun', job: 'start', id } });
    const pid = BOOT_PIDS['docker.service'] as number;
    if (this.daemon.running) {
      this.daemon.adopt(this.stderrOf('docker.service', pid));
      startedUnit('docker.service', 'running', pid);
      this.log('docker.service', `Started ${this.title('docker.service')}.`, { catalog: { kind: 'job-done', job: 'start', id } });
      this.daemon.serve();
    }
  }

  /** "docker.service - Docker Application Container Engine" */
  title(name: UnitName): string {
    return `${name} - ${UNITS[name].description}`;
  }

  // ---- jobs ---------------------------------------------------------------

  /** systemctl start: resolves with the job's result (a failed docker.service keeps restarting in the background) */
  async start(name: UnitName): Promise<JobResult> {
    const u = this.units[name];
    u.restarts = 0;
    return this.startUnit(name, this.nextJob++);
  }

  async stop(name: UnitName): Promise<JobResult> {
    // units that Require= this one stop first (stopping docker.socket stops docker.service)
    for (const other of Object.values(UNITS)) {
      if (other.requires.includes(name)) await this.stopUnit(other.name, this.nextJob++);
    }
    return this.stopUnit(name, this.nextJob++);
  }

  async restart(name: UnitName): Promise<JobResult> {
    const id = this.nextJob++;
    const u = this.units[name];
    if (u.active === 'active') await this.stopUnit(name, id);
    u.restarts = 0;
    return this.startUnit(name, id);
  }

  /** systemctl reset-failed: failed units become inactive, their start limit counter starts again */
  resetFailed(name: UnitName): void {
    const u = this.units[name];
    u.starts = [];
    u.restarts = 0;
    if (u.active === 'failed') Object.assign(u, { active: 'inactive', sub: 'dead', result: 'success' });
  }

  /** is a unit's socket about to start it, or a restart pending: wait until it has settled */
  async settled(): Promise<void> {
    while (this.pendingRestart) await this.pendingRestart;
  }

  /**
   * A client connects to docker.socket's /run/docker.sock: true when dockerd
   * answers, starting it first when the socket listens and it is down.
   */
  async connectDocker(): Promise<boolean> {
    if (this.daemon.running) return true;
    await this.settled();
    if (this.daemon.running) return true;
    if (this.units['docker.socket'].active !== 'active') return false;
    const u = this.units['docker.service'];
    u.restarts = 0;
    if ((await this.startUnit('docker.service', this.nextJob++)) !== 'done') await this.settled();
    return this.daemon.running;
  }

  private async ensureActive(name: UnitName): Promise<boolean> {
    if (this.units[name].active === 'active') return true;
    return (await this.startUnit(name, this.nextJob++)) === 'done';
  }

  private async startUnit(name: UnitName, id: number): Promise<JobResult> {
    const def = UNITS[name];
    const u = this.units[name];
    if (u.active === 'active') return 'done';
    for (const dep of [...def.requires, ...def.wants]) {
      if (!(await this.ensureActive(dep)) && def.requires.includes(dep)) return 'failed';
    }
    const now = this.now();
    u.starts = u.starts.filter((t) => now - t < def.startLimitIntervalMs);
    if (u.starts.length >= def.startLimitBurst) return this.refuseStart(name, id);
    u.starts.push(now);
    if (def.kind === 'socket') {
      this.log(name, `Starting ${this.title(name)}...`, { catalog: { kind: 'job-begun', job: 'start', id } });
      Object.assign(u, { active: 'active', sub: this.socketSub(name), result: 'success', activeEnter: now, inactiveExit: now });
      this.log(name, `Listening on ${this.title(name)}.`, { catalog: { kind: 'job-done', job: 'start', id } });
      return 'done';
    }
    this.log(name, `Starting ${this.title(name)}...`, { catalog: { kind: 'job-begun', job: 'start', id } });
    const pid = this.nextPid;
    this.nextPid += 7;
    Object.assign(u, { active: 'activating', sub: 'start', inactiveExit: now, mainPid: pid });
    const ok = name === 'docker.service' ? await this.daemon.start(this.stderrOf(name, pid)) : true;
    if (ok) {
      Object.assign(u, { active: 'active', sub: 'running', result: 'success', activeEnter: this.now() });
      this.log(name, `Started ${this.title(name)}.`, { catalog: { kind: 'job-done', job: 'start', id } });
      this.syncSocket(name);
      if (name === 'docker.service') this.daemon.serve();
      return 'done';
    }
    u.exited = { pid, status: 1 };
    this.log(name, `${name}: Main process exited, code=exited, status=1/FAILURE`, {
      priority: 5,
      catalog: { kind: 'process-exited', status: 1 },
    });
    this.fail(name, 'exit-code');
    this.log(name, `Failed to start ${this.title(name)}.`, { priority: PRIORITY.err, catalog: { kind: 'job-failed', job: 'start', id } });
    if (def.restart) this.scheduleRestart(name);
    return 'failed';
  }

  /** the unit enters 'failed' with `result` */
  private fail(name: UnitName, result: string): void {
    const u = this.units[name];
    this.log(name, `${name}: Failed with result '${result}'.`, { priority: PRIORITY.warning, catalog: { kind: 'unit-failed', result } });
    if (u.active === 'active') u.activeExit = this.now();
    Object.assign(u, { active: 'failed', sub: 'failed', result, inactiveEnter: this.now() });
  }

  /** the start limit is hit: no start, the unit and its socket fail */
  private refuseStart(name: UnitName, id: number): JobResult {
    const u = this.units[name];
    this.log(name, `${name}: Start request repeated too quickly.`, { priority: PRIORITY.warning });
    const result = u.result !== 'success' ? u.result : 'start-limit-hit';
    this.fail(name, result);
    this.log(name, `Failed to start ${this.title(name)}.`, { priority: PRIORITY.err, catalog: { kind: 'job-failed', job: 'start', id } });
    const socket = UNITS[name].triggeredBy;
    if (socket && this.units[socket].active === 'active') this.fail(socket, 'service-start-limit-hit');
    return 'failed';
  }

  private scheduleRestart(name: UnitName): void {
    const def = UNITS[name];
    const u = this.units[name];
    Object.assign(u, { active: 'activating', sub: 'auto-restart' });
    const run = async () => {
      await this.clock.sleep(def.restartSecMs ?? 100);
      if (u.sub !== 'auto-restart') return;
      u.restarts++;
      const id = this.nextJob++;
      this.log(name, `${name}: Scheduled restart job, restart counter is at ${u.restarts}.`, { catalog: { kind: 'auto-restart' } });
      Object.assign(u, { active: 'failed', sub: 'failed' });
      this.log(name, `Stopped ${this.title(name)}.`, { catalog: { kind: 'job-done', job: 'stop', id } });
      await this.startUnit(name, id);
    };
    const p = run().finally(() => {
      if (this.pendingRestart === p) this.pendingRestart = undefined;
    });
    this.pendingRestart = p;
  }

  private async stopUnit(name: UnitName, id: number): Promise<JobResult> {
    const u = this.units[name];
    if (u.sub === 'auto-restart') Object.assign(u, { active: 'failed', sub: 'failed' });
    if (u.active !== 'active') return 'done';
    const now = this.now();
    if (UNITS[name].kind === 'socket') {
      Object.assign(u, { active: 'inactive', sub: 'dead', activeExit: now, inactiveEnter: now });
      this.log(name, `${name}: Deactivated successfully.`, { catalog: { kind: 'unit-succeeded' } });
      this.log(name, `Closed ${this.title(name)}.`, { catalog: { kind: 'job-done', job: 'stop', id } });
      return 'done';
    }
    this.log(name, `Stopping ${this.title(name)}...`, { catalog: { kind: 'job-begun', job: 'stop', id } });
    Object.assign(u, { active: 'deactivating', sub: 'stop-sigterm', activeExit: now });
    if (name === 'docker.service') await this.daemon.stop();
    u.exited = { pid: u.mainPid ?? 0, status: 0 };
    this.log(name, `${name}: Deactivated successfully.`, { catalog: { kind: 'unit-succeeded' } });
    Object.assign(u, { active: 'inactive', sub: 'dead', result: 'success', inactiveEnter: this.now() });
    this.log(name, `Stopped ${this.title(name)}.`, { catalog: { kind: 'job-done', job: 'stop', id } });
    this.syncSocket(name);
    return 'done';
  }

  /** a socket shows 'running' while its service runs, 'listening' otherwise */
  private socketSub(name: UnitName): string {
    const svc = UNITS[name].triggers;
    return svc && this.units[svc]?.active === 'active' ? 'running' : 'listening';
  }

  private syncSocket(service: UnitName): void {
    const socket = UNITS[service].triggeredBy;
    if (socket && this.units[socket].active === 'active') this.units[socket].sub = this.socketSub(socket);
  }

  /** the unit file as the filesystem has it now (the package's text when it is gone) */
  readUnitFile(name: UnitName): string {
    try {
      return textDecoder.decode(this.fs.readFile(UNITS[name].fragmentPath));
    } catch {
      return UNIT_FILES[UNITS[name].fragmentPath] ?? '';
    }
  }

  // ---- enable / disable -----------------------------------------------------

  /** systemctl enable: the [Install] link (root); returns the link made, undefined when it was there */
  enable(name: UnitName): string | undefined {
    const def = UNITS[name];
    const link = wantsLink(def);
    if (this.fs.exists(link)) return undefined;
    this.fs.mkdir(link.slice(0, link.lastIndexOf('/')), { recursive: true });
    this.fs.symlink(def.fragmentPath, link);
    return link;
  }

  /** systemctl disable: returns the link removed, undefined when there was none */
  disable(name: UnitName): string | undefined {
    const link = wantsLink(UNITS[name]);
    if (!this.fs.exists(link)) return undefined;
    this.fs.unlink(link);
    return link;
  }

  // ---- persistence ------------------------------------------------------------

  snapshot(): ServiceManagerSnapshot {
    return {
      units: JSON.parse(JSON.stringify(this.units)) as Record<string, UnitRuntime>,
      journal: this.journal.entries.map((e) => ({ ...e })),
      nextPid: this.nextPid,
      nextJob: this.nextJob,
    };
  }

  private restore(s: ServiceManagerSnapshot): void {
    for (const name of Object.keys(UNITS) as UnitName[]) {
      const u = s.units?.[name];
      this.units[name] = u && typeof u === 'object' ? { ...this.fresh('inactive', 'dead'), ...u, starts: [] } : this.fresh('inactive', 'dead');
      // a job that was under way when the page went away is over
      if (this.units[name].active === 'activating' || this.units[name].active === 'deactivating') {
        Object.assign(this.units[name], { active: 'failed', sub: 'failed' });
      }
    }
    const docker = this.units['docker.service'];
    if (this.daemon.running && docker.active !== 'active') Object.assign(docker, { active: 'active', sub: 'running' });
    if (!this.daemon.running && docker.active === 'active') Object.assign(docker, { active: 'inactive', sub: 'dead' });
    this.syncSocket('docker.service');
    this.journal.entries = Array.isArray(s.journal) ? s.journal.filter((e) => e && typeof e.message === 'string') : [];
    if (typeof s.nextPid === 'number') this.nextPid = s.nextPid;
    if (typeof s.nextJob === 'number') this.nextJob = s.nextJob;
  }
}
