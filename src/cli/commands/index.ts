/**
 * Every docker command, as data. Each object directory exports one array holding
 * its management command (`docker image …`) and its legacy top-level forms
 * (`docker images`, `docker rmi`, `docker pull`, …).
 */
import type { CommandSpec } from '../framework/command';
import { containerCommands } from './container';
import { imageCommands } from './image';
import { networkCommands } from './network';
import { registryCommands } from './registry';
import { systemCommands } from './system';
import { volumeCommands } from './volume';

export const allCommands: CommandSpec[] = [
  ...imageCommands,
  ...containerCommands,
  ...volumeCommands,
  ...networkCommands,
  ...registryCommands,
  ...systemCommands,
];
