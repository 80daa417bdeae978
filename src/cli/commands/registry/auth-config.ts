/**
 * The CLI's credentials in ~/.docker/config.json (docker/cli configfile):
 * `auths` maps a registry ("https://index.docker.io/v1/", "127.0.0.1:5000") to
 * base64("user:password"). Written as Go's json.MarshalIndent with tabs.
 */
import { textDecoder } from '../../../api/fs';
import type { AuthConfig } from '../../../api/image';
import { INDEX_SERVER } from '../../../api/registry';
import type { CommandContext } from '../../framework/command';

export interface ConfigFile {
  auths: Record<string, { auth?: string }>;
  [key: string]: unknown;
}

export function configDir(ctx: Pick<CommandContext, 'env' | 'configDir'>): string {
  return ctx.configDir ?? ctx.env.DOCKER_CONFIG ?? `${ctx.env.HOME || '/root'}/.docker`;
}

export function configPath(ctx: Pick<CommandContext, 'env' | 'configDir'>): string {
  return `${configDir(ctx)}/config.json`;
}

export function readConfig(ctx: Pick<CommandContext, 'env' | 'configDir' | 'hostFs'>): ConfigFile {
  try {
    const parsed = JSON.parse(textDecoder.decode(ctx.hostFs.readFile(configPath(ctx)))) as Partial<ConfigFile>;
    return { ...parsed, auths: parsed.auths ?? {} };
  } catch {
    return { auths: {} };
  }
}

export function writeConfig(ctx: Pick<CommandContext, 'env' | 'configDir' | 'hostFs'>, cfg: ConfigFile): void {
  ctx.hostFs.mkdir(configDir(ctx), { recursive: true });
  ctx.hostFs.writeFile(configPath(ctx), JSON.stringify(cfg, null, '\t'), 0o600);
}

/** the config key for the registry of an image reference's domain */
export function registryKey(domain: string): string {
  return domain === 'docker.io' || domain === '' ? INDEX_SERVER : domain;
}

/** command.ResolveAuthConfig: the stored credentials for a registry, as sent to the daemon */
export function authFor(ctx: Pick<CommandContext, 'env' | 'configDir' | 'hostFs'>, domain: string): AuthConfig {
  const key = registryKey(domain);
  const entry = readConfig(ctx).auths[key];
  if (!entry?.auth) return { serveraddress: key };
  let decoded = '';
  try {
    decoded = atob(entry.auth);
  } catch {
    return { serveraddress: key };
  }
  const i = decoded.indexOf(':');
  return { username: decoded.slice(0, i), password: decoded.slice(i + 1), serveraddress: key };
}
