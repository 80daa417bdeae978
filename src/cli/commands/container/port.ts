/**
 * docker container port CONTAINER [PRIVATE_PORT[/PROTO]]: read from the
 * container's inspect data. "80/tcp -> 0.0.0.0:32768" lines for all ports
 * (in the order the inspect JSON lists them), or "HOST_IP:PORT" lines for one.
 */
import { CliError, type CommandSpec } from '../../framework/command';

/** nat.ParsePortRange's errors (Go strconv texts) */
function checkPort(port: string): void {
  const parts = port.includes('-') ? port.split('-') : [port];
  for (const p of parts.slice(0, 2)) {
    if (!/^\d+$/.test(p)) throw new CliError(`strconv.ParseUint: parsing "${p}": invalid syntax`);
    if (Number(p) > 65535) throw new CliError(`strconv.ParseUint: parsing "${p}": value out of range`);
  }
  if (parts.length > 1 && Number(parts[1]) < Number(parts[0])) throw new CliError(`Invalid range specified for the port: ${port}`);
}

export const containerPortCommand: CommandSpec = {
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  args: { kind: 'range', min: 1, max: 2 },
  async run(ctx, _flags, args) {
    const [name, spec = ''] = args;
    let ports: Record<string, { HostIp: string; HostPort: string }[] | null>;
    try {
      const c = await ctx.client.containerInspect(name);
      ports = c.NetworkSettings?.Ports ?? {};
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    if (spec !== '') {
      let port = spec;
      let proto = 'tcp';
      const slash = spec.indexOf('/');
      if (slash >= 0 && slash < spec.length - 1) {
        port = spec.slice(0, slash);
        proto = spec.slice(slash + 1);
      }
      if (port === '') throw new CliError('Empty string specified for ports.');
      checkPort(port);
      const frontends = ports[`${port}/${proto}`];
      if (frontends) {
        ctx.io.stdout.write(frontends.map((f) => `${f.HostIp}:${f.HostPort}\n`).join(''));
        return;
      }
      throw new CliError(`Error: No public port '${port}/${proto}' published for ${name}`);
    }
    let out = '';
    for (const key of Object.keys(ports).sort()) {
      for (const f of ports[key] ?? []) out += `${key} -> ${f.HostIp}:${f.HostPort}\n`;
    }
    ctx.io.stdout.write(out);
  },
};

/** docker port */
export const portCommand: CommandSpec = { ...containerPortCommand };
