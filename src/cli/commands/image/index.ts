/**
 * `docker image …` and its legacy top-level forms (images, rmi, pull, push,
 * tag, history). The archive commands (import, save, load) and build are added
 * to imageSubcommands by their owners.
 */
import type { CommandSpec } from '../../framework/command';
import { buildCommand } from './build';
import { historyCommand, imageHistoryCommand } from './history';
import { imageImportCommand, importCommand } from './import';
import { imageLoadCommand, loadCommand } from './load';
import { imageSaveCommand, saveCommand } from './save';
import { imageInspectCommand } from './inspect';
import { imageLsCommand, imagesCommand } from './ls';
import { imagePruneCommand } from './prune';
import { pullCommand } from './pull';
import { pushCommand } from './push';
import { imageRmCommand, rmiCommand } from './rm';
import { imageTagCommand, tagCommand } from './tag';

export const imageSubcommands: CommandSpec[] = [
  buildCommand,
  imageHistoryCommand,
  imageImportCommand,
  imageInspectCommand,
  imageLoadCommand,
  imageLsCommand,
  imagePruneCommand,
  pullCommand,
  pushCommand,
  imageRmCommand,
  imageSaveCommand,
  imageTagCommand,
];

export const imageCommand: CommandSpec = {
  use: 'image',
  short: 'Manage images',
  subcommands: imageSubcommands,
};

export const imageCommands: CommandSpec[] = [
  imageCommand,
  buildCommand,
  imagesCommand,
  rmiCommand,
  pullCommand,
  pushCommand,
  tagCommand,
  historyCommand,
  importCommand,
  loadCommand,
  saveCommand,
];

export { inspectImages } from './inspect';
export { pullImageWithProgress } from './pull-image';
