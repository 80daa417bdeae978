/**
 * `docker image …` and its legacy top-level forms (images, rmi, pull, push,
 * tag, history). The archive commands (import, save, load) and build are added
 * to imageSubcommands by their owners.
 */
import type { CommandSpec } from '../../framework/command';
import { historyCommand, imageHistoryCommand } from './history';
import { imageInspectCommand } from './inspect';
import { imageLsCommand, imagesCommand } from './ls';
import { imagePruneCommand } from './prune';
import { pullCommand } from './pull';
import { pushCommand } from './push';
import { imageRmCommand, rmiCommand } from './rm';
import { imageTagCommand, tagCommand } from './tag';

export const imageSubcommands: CommandSpec[] = [
  imageHistoryCommand,
  imageInspectCommand,
  imageLsCommand,
  imagePruneCommand,
  pullCommand,
  pushCommand,
  imageRmCommand,
  imageTagCommand,
];

export const imageCommand: CommandSpec = {
  use: 'image',
  short: 'Manage images',
  subcommands: imageSubcommands,
};

export const imageCommands: CommandSpec[] = [
  imageCommand,
  imagesCommand,
  rmiCommand,
  pullCommand,
  pushCommand,
  tagCommand,
  historyCommand,
];

export { inspectImages } from './inspect';
export { pullImageWithProgress } from './pull-image';
