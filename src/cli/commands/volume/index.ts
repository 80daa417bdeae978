/** docker volume … (no legacy top-level forms) */
import type { CommandSpec } from '../../framework/command';
import { volumeCreate } from './create';
import { volumeInspect } from './inspect';
import { volumeLs } from './ls';
import { volumePrune } from './prune';
import { volumeRm } from './rm';

export const volumeCommands: CommandSpec[] = [
  {
    use: 'volume COMMAND',
    short: 'Manage volumes',
    args: { kind: 'none' },
    subcommands: [volumeCreate, volumeInspect, volumeLs, volumePrune, volumeRm],
  },
];
