import { textDecoder } from '../../../api/fs';
import type { AuthConfig } from '../../../api/image';
import { INDEX_SERVER } from '../../../api/registry';
import { CliError, type CommandContext, type CommandSpec } from '../../framework/command';
import { prefersChinese } from '../../framework/errors';
import { configPath, readConfig, writeConfig } from './auth-config';

const HUB_MESSAGE =
  "Login with your Docker ID to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com to create one.";

/** the app's one line about its Hub's accounts (not Docker's text: zh/en) */
export function hubSignUpHint(env: Record<string, string>): string {
  return prefersChinese(env)
    ? '（Dockyard：用一个新的 Docker ID 第一次登录即创建该账号，密码就是这次输入的密码；以后登录会核对它。Docker ID 为 4–30 个小写字母或数字。）'
    : '(Dockyard: logging in with a new Docker ID creates that account with the password you type; later logins check it. A Docker ID is 4-30 lowercase letters or digits.)';
}

function unencryptedWarning(path: string): string {
  return (
    `WARNING! Your password will be stored unencrypted in ${path}.\n` +
    'Configure a credential helper to remove this warning. See\n' +
    'https://docs.docker.com/engine/reference/commandline/login/#credentials-store\n\n'
  );
}

/** command.ConfigureAuth: prompt for what the flags did not give */
async function configureAuth(
  ctx: CommandContext,
  user: string,
  password: string,
  stored: string | undefined,
  isDefault: boolean,
): Promise<{ username: string; password: string }> {
  const { stdin, stdout } = ctx.io;
  if (password === '' && !stdin.isTTY) throw new CliError('Error: Cannot perform an interactive login from a non TTY device');
  user = user.trim();
  if (user === '') {
    if (isDefault) stdout.write(`${HUB_MESSAGE}\n`);
    if (isDefault && ctx.hubSignUp) stdout.write(`${hubSignUpHint(ctx.env)}\n`);
    stdout.write(stored ? `Username (${stored}): ` : 'Username: ');
    user = ((await stdin.readLine()) ?? '').trim() || (stored ?? '');
  }
  if (user === '') throw new CliError('Error: Non-null Username Required');
  if (password === '') {
    stdout.write('Password: ');
    const prev = stdin.setMode?.('noecho');
    password = (await stdin.readLine()) ?? '';
    stdout.write('\n');
    if (prev && stdin.setMode) stdin.setMode(prev);
    if (password === '') throw new CliError('Error: Password Required');
  }
  return { username: user, password };
}

export const loginCommand: CommandSpec = {
  use: 'login [OPTIONS] [SERVER]',
  short: 'Log in to a Docker registry',
  long: 'Log in to a Docker registry.\nIf no server is specified, the default is defined by the daemon.',
  args: { kind: 'max', n: 1 },
  flags: [
    { name: 'password', short: 'p', type: 'string', usage: 'Password' },
    { name: 'password-stdin', type: 'bool', usage: 'Take the password from stdin' },
    { name: 'username', short: 'u', type: 'string', usage: 'Username' },
  ],
  async run(ctx, flags, args) {
    let user = flags.string('username');
    let password = flags.string('password');
    if (password !== '') {
      ctx.io.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
      if (flags.bool('password-stdin')) throw new CliError('--password and --password-stdin are mutually exclusive');
    }
    if (flags.bool('password-stdin')) {
      if (user === '') throw new CliError('Must provide --username with --password-stdin');
      password = textDecoder.decode(await ctx.io.stdin.readAll()).replace(/\n$/, '').replace(/\r$/, '');
    }
    const given = args[0] ?? '';
    const serverAddress = given !== '' && given !== 'docker.io' ? given : INDEX_SERVER;
    const isDefault = serverAddress === INDEX_SERVER;
    const cfg = readConfig(ctx);
    const storedAuth = cfg.auths[serverAddress]?.auth;
    let stored: { username: string; password: string } | undefined;
    if (storedAuth) {
      try {
        const d = atob(storedAuth);
        stored = { username: d.slice(0, d.indexOf(':')), password: d.slice(d.indexOf(':') + 1) };
      } catch {
        stored = undefined;
      }
    }
    let creds: { username: string; password: string } | undefined;
    let status = '';
    if (user === '' && password === '' && stored?.username && stored.password) {
      ctx.io.stdout.write('Authenticating with existing credentials...\n');
      try {
        status = (await ctx.client.registryLogin({ ...stored, serveraddress: serverAddress })).Status;
        creds = stored;
      } catch (err) {
        const e = err as { kind?: string; message: string };
        if (e.kind === 'Unauthorized') ctx.io.stderr.write('Stored credentials invalid or expired\n');
        else ctx.io.stderr.write(`Login did not succeed, error: ${e.message}\n`);
      }
    }
    if (!creds) {
      creds = await configureAuth(ctx, user, password, stored?.username, isDefault);
      user = creds.username;
      const auth: AuthConfig = { username: creds.username, password: creds.password, serveraddress: serverAddress };
      try {
        status = (await ctx.client.registryLogin(auth)).Status;
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err));
      }
    }
    ctx.io.stderr.write(unencryptedWarning(configPath(ctx)));
    cfg.auths[serverAddress] = { auth: btoa(`${creds.username}:${creds.password}`) };
    writeConfig(ctx, cfg);
    if (status) ctx.io.stdout.write(`${status}\n`);
  },
};
