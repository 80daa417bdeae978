/**
 * `systemctl status UNIT` as systemd 252 prints it (print_status_info):
 *
 *   ● docker.service - Docker Application Container Engine
 *        Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)
 *        Active: active (running) since Mon 2026-11-23 08:00:00 UTC; 5min ago
 *   TriggeredBy: ● docker.socket
 *          Docs: https://docs.docker.com
 *      Main PID: 731 (dockerd)
 *   …
 *
 * then the unit's last journal lines. On a terminal: colours, links and
 * lines cut to its width ("Hint: Some lines were ellipsized, use -l to show
 * in full."), as recorded from a real one (test/fixtures/real-host/systemd/).
 */
import type { ServiceManager, UnitRuntime } from './manager';
import { formatRelative, formatTimespan, formatTimestamp } from './time-format';
import type { UnitName } from './units';
import { UNITS } from './units';
import { ellipsizeEnd, journalLine, type JournalStyle } from './journal-format';

const GREEN = '\x1b[0;1;32m';
const RED = '\x1b[0;1;31m';
const GREY = '\x1b[0;38;5;245m';
const OFF = '\x1b[0m';

/** what the status of one unit is printed on */
export interface StatusStyle extends JournalStyle {
  /** how many journal lines (-n, default 10) */
  lines: number;
}

function glyph(s: UnitRuntime['active']): string {
  if (s === 'failed') return '×';
  if (s === 'inactive') return '○';
  return '●';
}

function stateColor(s: UnitRuntime['active'], style: StatusStyle): [string, string] {
  if (!style.color) return ['', ''];
  if (s === 'active') return [GREEN, OFF];
  if (s === 'failed') return [RED, OFF];
  return ['', ''];
}

/** an OSC 8 link on a terminal */
function link(url: string, text: string, style: StatusStyle): string {
  return style.color ? `\x1b]8;;${url}\x07${text}\x1b]8;;\x07` : text;
}

function exitText(status: number): string {
  return `status=${status}/${status === 0 ? 'SUCCESS' : 'FAILURE'}`;
}

/** the memory systemd reports for the running daemon (a few MB, growing with the containers it looks after) */
function memory(containers: number): string {
  return `${(22.6 + 0.7 * containers).toFixed(1)}M`;
}

/** kernel.threads-max of the 3.84 GiB machine, of which DefaultTasksMax= is 15 % */
const TASKS_LIMIT = 4718;

export interface StatusExtras {
  /** containers the daemon has (Tasks/Memory grow with them) */
  containers: number;
  /** the running containers' shims (containerd.service's other processes) */
  shims: { pid: number; id: string }[];
}

/** the status text of `name`; `ellipsized` is set when a line was cut */
export function statusText(m: ServiceManager, name: UnitName, style: StatusStyle, extras: StatusExtras, out: { ellipsized: boolean }): string {
  const def = UNITS[name];
  const u = m.state(name);
  const now = m.now();
  const [on, off] = stateColor(u.active, style);
  const lines: string[] = [];
  lines.push(`${on}${glyph(u.active)}${off} ${name} - ${def.description}`);
  const enabled = m.enablement(name);
  const en = style.color ? `${enabled === 'enabled' ? GREEN : '\x1b[0;1;38;5;185m'}${enabled}${OFF}` : enabled;
  const preset = style.color ? `${GREEN}enabled${OFF}` : 'enabled';
  lines.push(`     Loaded: loaded (${link(`file://${m.hostname}${def.fragmentPath}`, def.fragmentPath, style)}; ${en}; preset: ${preset})`);
  const activeText = u.active === u.sub ? u.active : `${u.active} (${u.sub})`;
  const result = u.result !== 'success' ? ` (Result: ${u.result})` : '';
  const since =
    u.active === 'active' ? u.activeEnter : u.active === 'inactive' || u.active === 'failed' ? u.inactiveEnter : u.active === 'activating' ? u.inactiveExit : u.activeExit;
  const when = since === undefined ? '' : ` since ${formatTimestamp(since)}; ${formatRelative(now, since)}`;
  lines.push(`     Active: ${on}${activeText}${off}${result}${when}`);
  if ((u.active === 'inactive' || u.active === 'failed') && u.activeEnter !== undefined && u.activeExit !== undefined && u.activeExit >= u.activeEnter) {
    lines.push(`   Duration: ${formatTimespan(u.activeExit - u.activeEnter)}`);
  }
  const stateOf = (other: UnitName) => m.state(other).active;
  if (def.triggeredBy) {
    const [o, f] = stateColor(stateOf(def.triggeredBy), style);
    lines.push(`TriggeredBy: ${o}${glyph(stateOf(def.triggeredBy))}${f} ${def.triggeredBy}`);
  }
  if (def.triggers) {
    const [o, f] = stateColor(stateOf(def.triggers), style);
    lines.push(`   Triggers: ${o}●${f} ${def.triggers}`);
  }
  for (const [i, d] of def.docs.entries()) lines.push(`   ${(i === 0 ? 'Docs:' : '').padStart(9)} ${link(d, d, style)}`);
  if (def.listen) lines.push(`     Listen: ${def.listen} (Stream)`);
  const running = u.active === 'active' || u.active === 'deactivating';
  if (def.execStartPre && u.mainPid !== undefined) {
    lines.push(`    Process: ${u.mainPid - 29} ExecStartPre=${def.execStartPre} (code=exited, status=0/SUCCESS)`);
  }
  if (u.exited && !running && def.execStart) {
    const bad = u.exited.status !== 0 && style.color;
    lines.push(`    Process: ${u.exited.pid} ExecStart=${def.execStart} ${bad ? RED : ''}(code=exited, ${exitText(u.exited.status)})${bad ? OFF : ''}`);
  }
  if (def.kind === 'service' && u.mainPid !== undefined) {
    if (running) lines.push(`   Main PID: ${u.mainPid} (${(def.mainArgv?.[0] ?? '').split('/').pop()})`);
    else if (u.exited) lines.push(`   Main PID: ${u.exited.pid} (code=exited, ${exitText(u.exited.status)})`);
  }
  const width = style.full ? Number.POSITIVE_INFINITY : style.columns;
  if (running && def.kind === 'service') {
    const dockerd = name === 'docker.service';
    lines.push(`      Tasks: ${dockerd ? 8 + Math.min(extras.containers, 12) : 9}`);
    lines.push(`     Memory: ${dockerd ? memory(extras.containers) : '31.4M'}`);
    lines.push(`     CGroup: /system.slice/${name}`);
    const procs = [{ pid: u.mainPid ?? 0, argv: (def.mainArgv ?? []).join(' ') }];
    if (name === 'containerd.service') {
      for (const sh of extras.shims) {
        procs.push({ pid: sh.pid, argv: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${sh.id} -address /run/containerd/containerd.sock` });
      }
    }
    const pidWidth = Math.max(...procs.map((p) => String(p.pid).length));
    procs.forEach((p, i) => {
      const proc = `${String(p.pid).padStart(pidWidth)} ${p.argv}`;
      const room = width - 15;
      let text = proc;
      if (proc.length > room) {
        text = ellipsizeEnd(proc, room);
        out.ellipsized = true;
      }
      lines.push(`             ${i === procs.length - 1 ? '└─' : '├─'}${style.color ? `${GREY}${text}${OFF}` : text}`);
    });
  } else if (u.active === 'active' && def.kind === 'socket' && u.sub === 'running') {
    lines.push(`      Tasks: 0 (limit: ${TASKS_LIMIT})`);
    lines.push('     Memory: 4.0K');
    lines.push(`     CGroup: /system.slice/${name}`);
  }
  const entries = style.lines > 0 ? m.journal.entries.filter((e) => e.unit === name).slice(-style.lines) : [];
  if (entries.length > 0) {
    lines.push('');
    for (const e of entries) lines.push(journalLine(e, m.hostname, { ...style, full: style.full }, out));
  }
  return `${lines.join('\n')}\n`;
}
