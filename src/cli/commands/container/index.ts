/**
 * `docker container …` and its legacy top-level forms (docker run, ps, rm,
 * stop, …), plus the generic `docker inspect`. The archive verbs (commit,
 * cp, diff, export, port, stats, top) live in this directory too, owned by
 * the archive area, and are listed here.
 */
import type { CommandSpec } from '../../framework/command';
import { attachCommand, containerAttachCommand } from './attach';
import { commitCommand, containerCommitCommand } from './commit';
import { containerCpCommand, cpCommand } from './cp';
import { containerCreateCommand, createCommand } from './create';
import { containerDiffCommand, diffCommand } from './diff';
import { containerExecCommand, execCommand } from './exec';
import { containerExportCommand, exportCommand } from './export';
import { containerInspectCommand } from './inspect';
import { inspectAnyCommand } from './inspect-any';
import { containerKillCommand, killCommand } from './kill';
import { containerLogsCommand, logsCommand } from './logs';
import { containerLsCommand, psCommand } from './ls';
import { containerPauseCommand, pauseCommand } from './pause';
import { containerPortCommand, portCommand } from './port';
import { containerPruneCommand } from './prune';
import { containerRenameCommand, renameCommand } from './rename';
import { containerRestartCommand, restartCommand } from './restart';
import { containerRmCommand, rmCommand } from './rm';
import { containerRunCommand, runCommand } from './run';
import { containerStartCommand, startCommand } from './start';
import { containerStatsCommand, statsCommand } from './stats';
import { containerStopCommand, stopCommand } from './stop';
import { containerTopCommand, topCommand } from './top';
import { containerUnpauseCommand, unpauseCommand } from './unpause';
import { containerUpdateCommand, updateCommand } from './update';
import { containerWaitCommand, waitCommand } from './wait';

export const containerSubcommands: CommandSpec[] = [
  containerAttachCommand,
  containerCommitCommand,
  containerCpCommand,
  containerCreateCommand,
  containerDiffCommand,
  containerExecCommand,
  containerExportCommand,
  containerInspectCommand,
  containerKillCommand,
  containerLogsCommand,
  containerLsCommand,
  containerPauseCommand,
  containerPortCommand,
  containerPruneCommand,
  containerRenameCommand,
  containerRestartCommand,
  containerRmCommand,
  containerRunCommand,
  containerStartCommand,
  containerStatsCommand,
  containerStopCommand,
  containerTopCommand,
  containerUnpauseCommand,
  containerUpdateCommand,
  containerWaitCommand,
];

export const containerCommand: CommandSpec = {
  use: 'container',
  short: 'Manage containers',
  subcommands: containerSubcommands,
};

/** the generic `docker inspect` (containers, images, networks, volumes) */
export const inspect = inspectAnyCommand;

export const containerCommands: CommandSpec[] = [
  containerCommand,
  attachCommand,
  commitCommand,
  cpCommand,
  createCommand,
  diffCommand,
  execCommand,
  exportCommand,
  inspect,
  killCommand,
  logsCommand,
  pauseCommand,
  portCommand,
  psCommand,
  renameCommand,
  restartCommand,
  rmCommand,
  runCommand,
  startCommand,
  statsCommand,
  stopCommand,
  topCommand,
  unpauseCommand,
  updateCommand,
  waitCommand,
];
