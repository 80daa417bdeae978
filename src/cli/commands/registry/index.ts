import type { CommandSpec } from '../../framework/command';
import { loginCommand } from './login';
import { logoutCommand } from './logout';
import { searchCommand } from './search';

/** docker login, logout, search (top-level commands) */
export const registryCommands: CommandSpec[] = [loginCommand, logoutCommand, searchCommand];
