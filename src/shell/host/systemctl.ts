/**
 * systemctl (systemd 252) for the machine's Docker units: status, start,
 * stop, restart, try-restart, enable/disable [--now], is-active, is-enabled,
 * is-failed, daemon-reload, reset-failed, cat. Changing anything needs root
 * (`sudo systemctl …`): the learner gets polkit's answer, "Interactive
 * authentication required." Unknown units, verbs and the job failure texts are
 * systemd's (recorded in test/fixtures/real-host/systemd/). Other verbs say
 * they are not simulated.
 */
import type { Program, ProgramContext } from '../interpreter/types';
import { colorOn, columnsOf, type HostServices, isRoot, readsJournal, unitName } from './host-services';
import { hostTexts } from './host-texts';
import type { JobResult } from './systemd/manager';
import { statusText } from './systemd/status';
import { UNITS, type UnitName } from './systemd/units';

const RED = '\x1b[0;1;31m';
const YELLOW = '\x1b[0;1;38;5;185m';
const OFF = '\x1b[0m';

interface Options {
  full: boolean;
  noPager: boolean;
  quiet: boolean;
  now: boolean;
  lines?: number;
}

const KNOWN_VERBS = new Set([
  'list-units', 'list-sockets', 'list-timers', 'list-jobs', 'list-unit-files', 'list-dependencies', 'list-machines',
  'show', 'help', 'edit', 'mask', 'unmask', 'link', 'revert', 'preset', 'preset-all', 'reenable', 'set-property',
  'kill', 'clean', 'freeze', 'thaw', 'isolate', 'is-system-running', 'default', 'rescue', 'emergency', 'halt',
  'poweroff', 'reboot', 'kexec', 'suspend', 'hibernate', 'hybrid-sleep', 'switch-root', 'show-environment',
  'set-environment', 'unset-environment', 'import-environment', 'daemon-reexec', 'log-level', 'log-target',
  'service-watchdogs', 'get-default', 'set-default', 'add-wants', 'add-requires', 'bind', 'mount-image',
  'reload', 'reload-or-restart', 'try-reload-or-restart', 'condrestart', 'force-reload', 'whoami',
]);

/** the job failure message of systemctl (log_job_error_with_service_result) */
function jobFailed(h: HostServices, unit: UnitName): string {
  const result = h.manager.state(unit).result;
  const why: Record<string, string> = {
    'exit-code': 'the control process exited with error code',
    'start-limit-hit': 'start of the service was attempted too often',
    'service-start-limit-hit': 'start of the service was attempted too often',
  };
  const reason = why[result] ? ` because ${why[result]}` : '';
  return `Job for ${unit} failed${reason}.\nSee "systemctl status ${unit}" and "journalctl -xeu ${unit}" for details.\n`;
}

function errText(ctx: ProgramContext, text: string, color = RED): string {
  return colorOn(ctx, 'stderr') ? text.replace(/^(.+)$/gm, `${color}$1${OFF}`) : text;
}

export function makeSystemctl(h: HostServices): Program {
  return async (ctx) => {
    const opts: Options = { full: false, noPager: false, quiet: false, now: false };
    const words: string[] = [];
    const args = ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-l' || a === '--full') opts.full = true;
      else if (a === '--no-pager') opts.noPager = true;
      else if (a === '-q' || a === '--quiet') opts.quiet = true;
      else if (a === '--now') opts.now = true;
      else if (a === '--system' || a === '--no-legend' || a === '--no-ask-password' || a === '--no-block') continue;
      else if (a === '-n' || a === '--lines') opts.lines = Number(args[++i]);
      else if (/^-n\d+$/.test(a)) opts.lines = Number(a.slice(2));
      else if (a.startsWith('--lines=')) opts.lines = Number(a.slice(8));
      else if (a.startsWith('-') && a !== '-') {
        ctx.io.stderr.write(hostTexts(ctx.lang).unsupported('systemctl', a));
        return 1;
      } else words.push(a);
    }
    const [verb, ...names] = words;
    if (verb === undefined) {
      ctx.io.stderr.write(hostTexts(ctx.lang).unsupported('systemctl', 'systemctl list-units'));
      return 1;
    }
    const needUnits = () => {
      ctx.io.stderr.write('Too few arguments.\n');
      return 1;
    };
    switch (verb) {
      case 'status':
        return status(ctx, h, names, opts);
      case 'start':
      case 'stop':
      case 'restart':
      case 'try-restart':
        return names.length ? job(ctx, h, verb, names) : needUnits();
      case 'enable':
      case 'disable':
        return names.length ? enableDisable(ctx, h, verb, names, opts) : needUnits();
      case 'is-active':
      case 'is-failed':
        return names.length ? isActive(ctx, h, verb, names, opts) : needUnits();
      case 'is-enabled':
        return names.length ? isEnabled(ctx, h, names, opts) : needUnits();
      case 'daemon-reload':
        if (!isRoot(ctx)) {
          ctx.io.stderr.write(errText(ctx, 'Reload daemon failed: Interactive authentication required.\n'));
          return 1;
        }
        return 0;
      case 'reset-failed': {
        const targets = names.length ? names.map((n) => unitName(n)) : (Object.keys(UNITS) as UnitName[]).map((u) => ({ name: u, unit: u }));
        for (const t of targets) {
          if (!isRoot(ctx)) {
            ctx.io.stderr.write(errText(ctx, `Failed to reset failed state of unit ${t.name}: Interactive authentication required.\n`));
            return 1;
          }
          if (!t.unit) {
            ctx.io.stderr.write(errText(ctx, `Failed to reset failed state of unit ${t.name}: Unit ${t.name} not loaded.\n`));
            return 1;
          }
          h.manager.resetFailed(t.unit);
        }
        return 0;
      }
      case 'cat':
        return names.length ? cat(ctx, h, names) : needUnits();
      default:
        if (KNOWN_VERBS.has(verb)) {
          ctx.io.stderr.write(hostTexts(ctx.lang).unsupported('systemctl', `systemctl ${verb}`));
          return 1;
        }
        ctx.io.stderr.write(`Unknown command verb ${verb}.\n`);
        return 1;
    }
  };
}

function status(ctx: ProgramContext, h: HostServices, names: string[], opts: Options): number {
  if (names.length === 0) {
    ctx.io.stderr.write(hostTexts(ctx.lang).unsupported('systemctl', 'systemctl status (without a unit)'));
    return 1;
  }
  const tty = ctx.io.stdout.isTTY;
  const style = {
    color: colorOn(ctx),
    columns: columnsOf(ctx),
    full: opts.full || !tty,
    lines: readsJournal(ctx) ? (opts.lines ?? 10) : 0,
  };
  const out = { ellipsized: false };
  let rc = 0;
  let first = true;
  for (const n of names) {
    const { name, unit } = unitName(n);
    if (!unit) {
      ctx.io.stderr.write(`Unit ${name} could not be found.\n`);
      rc = 4;
      continue;
    }
    if (!first) ctx.io.stdout.write('\n');
    first = false;
    ctx.io.stdout.write(statusText(h.manager, unit, style, { containers: h.containers(), shims: h.shims() }, out));
    if (h.manager.state(unit).active !== 'active' && rc === 0) rc = 3;
  }
  if (out.ellipsized) ctx.io.stdout.write('Hint: Some lines were ellipsized, use -l to show in full.\n');
  return rc;
}

async function job(ctx: ProgramContext, h: HostServices, verb: 'start' | 'stop' | 'restart' | 'try-restart', names: string[]): Promise<number> {
  const units: UnitName[] = [];
  for (const n of names) {
    const { name, unit } = unitName(n);
    if (!isRoot(ctx)) {
      ctx.io.stderr.write(
        errText(ctx, `Failed to ${verb} ${name}: Interactive authentication required.\nSee system logs and 'systemctl status ${name}' for details.\n`),
      );
      return 1;
    }
    if (!unit) {
      ctx.io.stderr.write(errText(ctx, `Failed to ${verb} ${name}: Unit ${name} not found.\n`));
      return 5;
    }
    units.push(unit);
  }
  let rc = 0;
  for (const unit of units) {
    let r: JobResult;
    if (verb === 'start') r = await h.manager.start(unit);
    else if (verb === 'stop') r = await h.manager.stop(unit);
    else if (verb === 'restart' || h.manager.state(unit).active === 'active') r = await h.manager.restart(unit);
    else r = 'done';
    if (r === 'failed') {
      // systemctl returns while systemd retries (Restart=on-failure, 100 ms apart); no one types faster than that
      await h.manager.settled();
      ctx.io.stderr.write(errText(ctx, jobFailed(h, unit)));
      rc = 1;
    }
    const socket = UNITS[unit].triggeredBy;
    if (verb === 'stop' && socket && !units.includes(socket) && h.manager.state(socket).active === 'active') {
      ctx.io.stderr.write(errText(ctx, `Warning: Stopping ${unit}, but it can still be activated by:\n  ${socket}\n`, YELLOW));
    }
  }
  return rc;
}

/** Debian's sysv-install step for units with an /etc/init.d script */
function sysvLines(verb: 'enable' | 'disable', unit: UnitName): string {
  const script = unit === 'docker.service' ? 'docker' : undefined;
  if (!script) return '';
  return `Synchronizing state of ${unit} with SysV service script with /lib/systemd/systemd-sysv-install.\nExecuting: /lib/systemd/systemd-sysv-install ${verb} ${script}\n`;
}

async function enableDisable(ctx: ProgramContext, h: HostServices, verb: 'enable' | 'disable', names: string[], opts: Options): Promise<number> {
  for (const n of names) {
    const { name, unit } = unitName(n);
    if (!unit) {
      ctx.io.stderr.write(errText(ctx, verb === 'enable' ? `Failed to enable unit: Unit file ${name} does not exist.\n` : `Failed to disable unit: Unit file ${name} does not exist.\n`));
      return 1;
    }
    ctx.io.stderr.write(sysvLines(verb, unit));
    if (!isRoot(ctx)) {
      const denied = 'Reload daemon failed: Interactive authentication required.\n';
      ctx.io.stderr.write(
        errText(
          ctx,
          verb === 'enable'
            ? `${denied}${denied}Failed to enable unit: Interactive authentication required.\n`
            : `${denied}update-rc.d: error: Permission denied\n`,
        ),
      );
      return 1;
    }
    if (verb === 'enable') {
      const link = h.manager.enable(unit);
      if (link) ctx.io.stderr.write(`Created symlink ${link} → ${UNITS[unit].fragmentPath}.\n`);
      if (opts.now && (await h.manager.start(unit)) === 'failed') {
        ctx.io.stderr.write(errText(ctx, jobFailed(h, unit)));
        return 1;
      }
    } else {
      const link = h.manager.disable(unit);
      if (link) ctx.io.stderr.write(`Removed "${link}".\n`);
      if (opts.now) await h.manager.stop(unit);
    }
  }
  return 0;
}

function isActive(ctx: ProgramContext, h: HostServices, verb: 'is-active' | 'is-failed', names: string[], opts: Options): number {
  let found = false;
  for (const n of names) {
    const { unit } = unitName(n);
    const state = unit ? h.manager.state(unit).active : 'inactive';
    if (!opts.quiet) ctx.io.stdout.write(`${state}\n`);
    if (verb === 'is-active' ? state === 'active' : state === 'failed') found = true;
  }
  return found ? 0 : verb === 'is-active' ? 3 : 1;
}

function isEnabled(ctx: ProgramContext, h: HostServices, names: string[], opts: Options): number {
  let enabled = false;
  for (const n of names) {
    const { name, unit } = unitName(n);
    if (!unit) {
      ctx.io.stderr.write(`Failed to get unit file state for ${name}: No such file or directory\n`);
      return 1;
    }
    const state = h.manager.enablement(unit);
    if (!opts.quiet) ctx.io.stdout.write(`${state}\n`);
    if (state === 'enabled') enabled = true;
  }
  return enabled ? 0 : 1;
}

function cat(ctx: ProgramContext, h: HostServices, names: string[]): number {
  for (const n of names) {
    const { name, unit } = unitName(n);
    if (!unit) {
      ctx.io.stderr.write(`No files found for ${name}.\n`);
      return 1;
    }
    const path = UNITS[unit].fragmentPath;
    ctx.io.stdout.write(`# ${path}\n${h.manager.readUnitFile(unit)}`);
  }
  return 0;
}
