import { INDEX_SERVER } from '../../../api/registry';
import type { CommandSpec } from '../../framework/command';
import { readConfig, writeConfig } from './auth-config';

export const logoutCommand: CommandSpec = {
  use: 'logout [SERVER]',
  short: 'Log out from a Docker registry',
  long: 'Log out from a Docker registry.\nIf no server is specified, the default is defined by the daemon.',
  args: { kind: 'max', n: 1 },
  async run(ctx, _flags, args) {
    const given = args[0] ?? '';
    const isDefault = given === '';
    const server = isDefault ? INDEX_SERVER : given;
    const host = isDefault ? server : server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    const keys = isDefault ? [server] : [server, host, `http://${host}`, `https://${host}`];
    ctx.io.stdout.write(`Removing login credentials for ${host}\n`);
    const cfg = readConfig(ctx);
    for (const key of keys) delete cfg.auths[key];
    writeConfig(ctx, cfg);
  },
};
