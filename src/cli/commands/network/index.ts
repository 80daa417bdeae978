/** docker network … (no legacy top-level forms) */
import type { CommandSpec } from '../../framework/command';
import { networkConnect } from './connect';
import { networkCreate } from './create';
import { networkDisconnect } from './disconnect';
import { networkInspect } from './inspect';
import { networkLs } from './ls';
import { networkPrune } from './prune';
import { networkRm } from './rm';

export const networkCommands: CommandSpec[] = [
  {
    use: 'network',
    short: 'Manage networks',
    args: { kind: 'none' },
    subcommands: [networkConnect, networkCreate, networkDisconnect, networkInspect, networkLs, networkPrune, networkRm],
  },
];
