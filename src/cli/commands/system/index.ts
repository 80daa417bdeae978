/**
 * docker system … plus the legacy top-level `docker version`, `docker info`
 * and `docker events`.
 */
import type { CommandSpec } from '../../framework/command';
import { dfCommand } from './df';
import { eventsCommand } from './events';
import { infoCommand } from './info';
import { pruneCommand } from './prune';
import { versionCommand } from './version';

export const systemCommands: CommandSpec[] = [
  {
    use: 'system',
    short: 'Manage Docker',
    args: { kind: 'none' },
    subcommands: [dfCommand, eventsCommand, infoCommand, pruneCommand],
  },
  versionCommand,
  infoCommand,
  eventsCommand,
];
