/**
 * docker version [OPTIONS] (also `docker system version`? no: only the
 * top-level command exists). Client facts are the Debian docker.io 20.10.24
 * build the golden transcripts were recorded with.
 */
import type { ServerVersion } from '../../../api/system';
import type { CommandSpec } from '../../framework/command';
import { tabwrite } from '../../format/tabwriter';
import { goMap, goStruct } from '../../format/template';
import { formatValue } from './template-output';

export const CLIENT_VERSION = {
  Version: '20.10.24+dfsg1',
  APIVersion: '1.41',
  GoVersion: 'go1.19.8',
  GitCommit: '297e128',
  /** RFC 3339 of the build; shown as Go's ANSIC */
  BuildTime: '2026-05-07T21:09:36.000000000+00:00',
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** reformatDate: RFC 3339 → time.ANSIC ("Thu May  7 21:09:36 2026"); unparsable text is kept */
export function ansic(rfc3339: string): string {
  const ms = Date.parse(rfc3339.replace(/\.(\d{3})\d*/, '.$1'));
  if (Number.isNaN(ms)) return rfc3339;
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

const VERSION_TABWRITER = { minwidth: 20, padding: 1, padchar: ' ' };

/** the template's Client part (all of it when the daemon did not answer) */
function clientText(): string {
  const c = CLIENT_VERSION;
  let out = 'Client:\n';
  out += ` Version:\t${c.Version}\n API version:\t${c.APIVersion}\n Go version:\t${c.GoVersion}\n Git commit:\t${c.GitCommit}\n`;
  out += ` Built:\t${ansic(c.BuildTime)}\n OS/Arch:\tlinux/amd64\n Context:\tdefault\n Experimental:\ttrue`;
  return out;
}

function defaultText(sv: ServerVersion): string {
  let out = `${clientText()}\n\nServer:`;
  if (sv.Platform.Name) out += ` ${sv.Platform.Name}`;
  for (const comp of sv.Components) {
    out += `\n ${comp.Name}:`;
    const d = comp.Details;
    if (comp.Name === 'Engine') {
      out += `\n  Version:\t${comp.Version}\n  API version:\t${d.ApiVersion} (minimum version ${d.MinAPIVersion})\n  Go version:\t${d.GoVersion}`;
      out += `\n  Git commit:\t${d.GitCommit}\n  Built:\t${ansic(d.BuildTime ?? '')}\n  OS/Arch:\t${d.Os}/${d.Arch}\n  Experimental:\t${d.Experimental}`;
    } else {
      out += `\n  Version:\t${comp.Version}`;
      for (const key of Object.keys(d).sort()) out += `\n  ${key}:\t${d[key]}`;
    }
  }
  return `${out}\n`;
}

/** the value `--format` templates see (versionInfo) */
function versionData(sv: ServerVersion): object {
  const c = CLIENT_VERSION;
  const client = goStruct(
    {
      Platform: goStruct({ Name: '' }, 'struct { Name string }'),
      Version: c.Version,
      APIVersion: c.APIVersion,
      DefaultAPIVersion: c.APIVersion,
      GitCommit: c.GitCommit,
      GoVersion: c.GoVersion,
      Os: 'linux',
      Arch: 'amd64',
      BuildTime: ansic(c.BuildTime),
      Context: 'default',
      Experimental: true,
    },
    'system.clientVersion',
  );
  const components = sv.Components.map((comp) =>
    goStruct(
      {
        Name: comp.Name,
        Version: comp.Version,
        Details: goMap({ ...comp.Details, ...(comp.Name === 'Engine' ? { BuildTime: ansic(comp.Details.BuildTime ?? '') } : {}) }),
      },
      'types.ComponentVersion',
    ),
  );
  const { ApiVersion, ...rest } = sv;
  const server = goStruct({ ...rest, APIVersion: ApiVersion, Platform: goStruct({ ...sv.Platform }, 'struct { Name string }'), Components: components }, 'types.Version');
  return goStruct({ Client: client, Server: server }, 'system.versionInfo');
}

export const versionCommand: CommandSpec = {
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  args: { kind: 'none' },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' },
    { name: 'kubeconfig', type: 'string', usage: 'Kubernetes config file' },
  ],
  async run(ctx, flags) {
    const format = flags.string('format');
    let sv: ServerVersion;
    try {
      sv = await ctx.client.serverVersion();
    } catch (err) {
      // runVersion prints what it has (the client part), then returns the error
      if (!format) ctx.io.stdout.write(tabwrite(`${clientText()}\n`, VERSION_TABWRITER));
      throw err;
    }
    const text = format ? formatValue(format, versionData(sv)).replace(/\n$/, '') : defaultText(sv).replace(/\n$/, '');
    ctx.io.stdout.write(tabwrite(`${text}\n`, VERSION_TABWRITER));
  },
};
