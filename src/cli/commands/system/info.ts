/** docker info [OPTIONS] (also `docker system info`): docker/cli 20.10 prettyPrintInfo */
import type { SystemInfo } from '../../../api/system';
import { textDecoder } from '../../../api/fs';
import { CliError, type CommandContext, type CommandSpec } from '../../framework/command';
import { bytesSize } from '../../../lib/units';
import { goStruct } from '../../format/template';
import { formatValue } from './template-output';

/** the user logged in to `registry` according to ~/.docker/config.json, or '' */
function loggedInUser(ctx: CommandContext, registry: string): string {
  const home = ctx.env.HOME || '/root';
  try {
    const cfg = JSON.parse(textDecoder.decode(ctx.hostFs.readFile(`${home}/.docker/config.json`))) as { auths?: Record<string, { auth?: string; username?: string }> };
    const entry = cfg.auths?.[registry];
    if (entry?.username) return entry.username;
    if (entry?.auth) return atob(entry.auth).split(':')[0] ?? '';
  } catch {
    // no config file: nobody is logged in
  }
  return '';
}

function line(label: string, value: string | number | boolean): string {
  return `${label} ${value}\n`;
}

function nonEmpty(label: string, value: string): string {
  return value ? line(label, value) : '';
}

export function serverInfoText(info: SystemInfo, user: string): string {
  let o = '';
  o += line(' Containers:', info.Containers);
  o += line('  Running:', info.ContainersRunning);
  o += line('  Paused:', info.ContainersPaused);
  o += line('  Stopped:', info.ContainersStopped);
  o += line(' Images:', info.Images);
  o += nonEmpty(' Server Version:', info.ServerVersion);
  o += nonEmpty(' Storage Driver:', info.Driver);
  for (const [k, v] of info.DriverStatus) o += `  ${k}: ${v}\n`;
  o += nonEmpty(' Logging Driver:', info.LoggingDriver);
  o += nonEmpty(' Cgroup Driver:', info.CgroupDriver);
  o += nonEmpty(' Cgroup Version:', info.CgroupVersion);
  o += ' Plugins:\n';
  o += line('  Volume:', info.Plugins.Volume.join(' '));
  o += line('  Network:', info.Plugins.Network.join(' '));
  if (info.Plugins.Authorization?.length) o += line('  Authorization:', info.Plugins.Authorization.join(' '));
  o += line('  Log:', info.Plugins.Log.join(' '));
  o += line(' Swarm:', info.Swarm.LocalNodeState);
  const runtimes = Object.keys(info.Runtimes);
  if (runtimes.length > 0) {
    o += ` Runtimes:${runtimes.map((r) => ` ${r}`).join('')}\n`;
    o += line(' Default Runtime:', info.DefaultRuntime);
  }
  if (info.OSType === 'linux') {
    o += line(' Init Binary:', info.InitBinary);
    for (const [name, c] of [
      ['containerd', info.ContainerdCommit],
      ['runc', info.RuncCommit],
      ['init', info.InitCommit],
    ] as const) {
      o += ` ${name} version: ${c.ID}${c.ID !== c.Expected ? ` (expected: ${c.Expected})` : ''}\n`;
    }
    if (info.SecurityOptions.length > 0) {
      o += ' Security Options:\n';
      for (const so of info.SecurityOptions) {
        const kv = Object.fromEntries(so.split(',').map((p) => p.split('=') as [string, string]));
        o += `  ${kv.name}\n`;
        if (kv.profile) o += `   Profile: ${kv.profile}\n`;
      }
    }
  }
  o += nonEmpty(' Kernel Version:', info.KernelVersion);
  o += nonEmpty(' Operating System:', info.OperatingSystem);
  o += nonEmpty(' OSType:', info.OSType);
  o += nonEmpty(' Architecture:', info.Architecture);
  o += line(' CPUs:', info.NCPU);
  o += line(' Total Memory:', bytesSize(info.MemTotal));
  o += nonEmpty(' Name:', info.Name);
  o += nonEmpty(' ID:', info.ID);
  o += line(' Docker Root Dir:', info.DockerRootDir);
  o += line(' Debug Mode:', info.Debug);
  if (info.Debug) {
    o += line('  File Descriptors:', info.NFd);
    o += line('  Goroutines:', info.NGoroutines);
    o += line('  System Time:', info.SystemTime);
    o += line('  EventsListeners:', info.NEventsListener);
  }
  o += nonEmpty(' HTTP Proxy:', info.HttpProxy);
  o += nonEmpty(' HTTPS Proxy:', info.HttpsProxy);
  o += nonEmpty(' No Proxy:', info.NoProxy);
  if (info.IndexServerAddress) {
    if (user) o += line(' Username:', user);
    o += line(' Registry:', info.IndexServerAddress);
  }
  o += ' Labels:\n';
  for (const l of info.Labels) o += `  ${l}\n`;
  o += line(' Experimental:', info.ExperimentalBuild);
  const insecure = Object.values(info.RegistryConfig.IndexConfigs).filter((r) => !r.Secure);
  if (info.RegistryConfig.InsecureRegistryCIDRs.length > 0 || Object.keys(info.RegistryConfig.IndexConfigs).length > 0) {
    o += ' Insecure Registries:\n';
    for (const r of insecure) o += `  ${r.Name}\n`;
    for (const c of info.RegistryConfig.InsecureRegistryCIDRs) o += `  ${c}\n`;
  }
  if (info.RegistryConfig.Mirrors.length > 0) {
    o += ' Registry Mirrors:\n';
    for (const m of info.RegistryConfig.Mirrors) o += `  ${m}\n`;
  }
  o += line(' Live Restore Enabled:', info.LiveRestoreEnabled);
  return `${o}\n`;
}

export const infoCommand: CommandSpec = {
  use: 'info [OPTIONS]',
  short: 'Display system-wide information',
  args: { kind: 'none' },
  flags: [{ name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' }],
  async run(ctx, flags) {
    const format = flags.string('format');
    let info: SystemInfo;
    try {
      info = await ctx.client.info();
    } catch (err) {
      if (format) throw err;
      // prettyPrintInfo: the client part, then the server's error on stdout, and its own error
      const msg = err instanceof Error ? err.message : String(err);
      ctx.io.stdout.write(`Client:\n Context:    default\n Debug Mode: false\n\nServer:\nERROR: ${msg}\n`);
      throw new CliError('errors pretty printing info');
    }
    if (format) {
      const data = goStruct({ ...info, ClientInfo: goStruct({ Debug: false, Context: 'default', Plugins: [], Warnings: null }, '*system.clientInfo'), ClientErrors: null }, 'system.info');
      ctx.io.stdout.write(formatValue(format, data));
      return;
    }
    let out = 'Client:\n';
    out += ' Context:    default\n';
    out += ' Debug Mode: false\n';
    out += '\nServer:\n';
    out += serverInfoText(info, loggedInUser(ctx, info.IndexServerAddress));
    ctx.io.stdout.write(out);
    for (const w of info.Warnings ?? []) ctx.io.stderr.write(`${w}\n`);
  },
};
