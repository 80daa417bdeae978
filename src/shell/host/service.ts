/**
 * Debian's service(8) (init-system-helpers): `service NAME ACTION` runs
 * `systemctl ACTION NAME.service` for the actions systemd knows; without an
 * action, or with one the init script lacks, it prints the script's usage;
 * `--status-all` lists /etc/init.d with [ + ] / [ - ]. Texts recorded on
 * Debian 12 (test/fixtures/real-host/systemd/svc-*).
 */
import type { Program } from '../interpreter/types';
import type { HostServices } from './host-services';
import { unitName } from './host-services';

const USAGE = 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n';

/** the actions of each init script the machine has */
const SCRIPT_ACTIONS: Record<string, string[]> = { docker: ['start', 'stop', 'restart', 'status'] };

export function makeService(h: HostServices, systemctl: Program): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    if (args.length === 0 || args[0] === '--help' || args[0] === '-h') {
      ctx.io.stderr.write(USAGE);
      return 1;
    }
    if (args[0] === '--status-all') {
      let names: string[] = [];
      try {
        names = ctx.fs.readdir('/etc/init.d');
      } catch {
        names = [];
      }
      for (const n of names) {
        const { unit } = unitName(n);
        const on = unit ? h.manager.state(unit).active === 'active' : false;
        ctx.io.stdout.write(` [ ${on ? '+' : '-'} ]  ${n}\n`);
      }
      return 0;
    }
    const [name, action, ...rest] = args;
    const actions = Object.hasOwn(SCRIPT_ACTIONS, name) ? SCRIPT_ACTIONS[name] : undefined;
    if (actions && (action === undefined || !actions.includes(action))) {
      ctx.io.stdout.write(`Usage: service ${name} {${actions.join('|')}}\n`);
      return 1;
    }
    if (action === undefined) {
      ctx.io.stderr.write(`${name}: unrecognized service\n`);
      return 1;
    }
    const verb = action === 'force-reload' ? 'restart' : action;
    return systemctl({ ...ctx, argv: ['systemctl', verb, unitName(name).name, ...rest] });
  };
}
