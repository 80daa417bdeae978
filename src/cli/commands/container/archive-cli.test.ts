import { describe, expect, it } from 'vitest';
import type { ContainerStats } from '../../../api/archive';
import type { EngineClient } from '../../../client/engine-client';
import { CliError } from '../../framework/command';
import { executeNode } from '../../framework/execute';
import { testContext } from '../../framework/testing';
import { makeNode } from '../../framework/tree';
import { commitCommand } from './commit';
import { splitCpArg } from './cp';
import { prepareArchiveCopy } from './cp-archive';
import { diffCommand } from './diff';
import { exportCommand } from './export';
import { portCommand } from './port';
import { statsRow } from './stats';
import { topCommand } from './top';

function fakeClient(parts: Partial<EngineClient>): EngineClient {
  return parts as EngineClient;
}

const COMMANDS = [diffCommand, commitCommand, exportCommand, portCommand, topCommand];

async function docker(argv: string[], client: Partial<EngineClient>, tty = false) {
  const ctx = testContext({ client: fakeClient(client), tty: tty ? { columns: 120 } : undefined });
  let code: number;
  try {
    code = await executeNode(ctx, makeNode({ use: 'docker', short: '', subcommands: COMMANDS }), argv);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    ctx.stderr.write(`${err.message}\n`);
    code = err.status;
  }
  return { code, out: ctx.stdout.text(), err: ctx.stderr.text() };
}

describe('docker diff / commit / export', () => {
  it('prints C/A/D lines in the daemon order', async () => {
    const r = await docker(['diff', 'web'], {
      containerDiff: async () => [
        { Kind: 0, Path: '/usr' },
        { Kind: 1, Path: '/root/.bash_history' },
        { Kind: 2, Path: '/etc/x' },
      ],
    });
    expect(r.out).toBe('C /usr\nA /root/.bash_history\nD /etc/x\n');
  });

  it('commits with author, message, changes and pause on by default', async () => {
    let seen: unknown;
    const r = await docker(['commit', '--author', 'Tao', '-m', 'msg', '-c', 'EXPOSE 80', 'web', 'nginx:v2'], {
      containerCommit: async (_c, o) => {
        seen = o;
        return { Id: `sha256:${'a'.repeat(64)}` };
      },
    });
    expect(r.out).toBe(`sha256:${'a'.repeat(64)}\n`);
    expect(seen).toEqual({ reference: 'nginx:v2', comment: 'msg', author: 'Tao', changes: ['EXPOSE 80'], pause: true });
  });

  it('refuses to write an archive to a terminal', async () => {
    const r = await docker(['export', 'web'], { containerExport: async () => new Uint8Array(1024) }, true);
    expect(r.code).toBe(1);
    expect(r.err).toBe('cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
  });
});

describe('docker port', () => {
  const inspect = async () =>
    ({
      NetworkSettings: {
        Ports: {
          '80/tcp': [
            { HostIp: '0.0.0.0', HostPort: '32768' },
            { HostIp: '::', HostPort: '32768' },
          ],
          '53/udp': [{ HostIp: '127.0.0.1', HostPort: '8093' }],
          '443/tcp': null,
        },
      },
    }) as unknown as Awaited<ReturnType<EngineClient['containerInspect']>>;

  it('lists every mapping and one port', async () => {
    expect((await docker(['port', 'fa'], { containerInspect: inspect })).out).toBe(
      '53/udp -> 127.0.0.1:8093\n80/tcp -> 0.0.0.0:32768\n80/tcp -> :::32768\n',
    );
    expect((await docker(['port', 'fa', '80'], { containerInspect: inspect })).out).toBe('0.0.0.0:32768\n:::32768\n');
  });

  it('reports unpublished and malformed ports like docker', async () => {
    const r = await docker(['port', 'noports', '443'], { containerInspect: inspect });
    expect(r.err).toBe("Error: No public port '443/tcp' published for noports\n");
    expect(r.code).toBe(1);
    expect((await docker(['port', 'x', 'abc'], { containerInspect: inspect })).err).toBe('strconv.ParseUint: parsing "abc": invalid syntax\n');
  });
});

describe('docker top', () => {
  it('lays the table out with 20-wide columns and passes ps options through', async () => {
    let args = '';
    const r = await docker(['top', 'web', '-o', 'pid,comm'], {
      containerTop: async (_c, ps) => {
        args = ps ?? '';
        return { Titles: ['UID', 'PID', 'CMD'], Processes: [['root', '2001', 'sleep 1000']] };
      },
    });
    expect(args).toBe('-o pid,comm');
    expect(r.out).toBe(`UID                 PID                 CMD\nroot                2001                sleep 1000\n`);
  });
});

describe('docker stats rows', () => {
  it('computes CPU, memory, network and block I/O like docker/cli', () => {
    const s: ContainerStats = {
      read: '',
      preread: '',
      pids_stats: { current: 2 },
      blkio_stats: { io_service_bytes_recursive: [{ major: 8, minor: 0, op: 'Read', value: 4096 }] },
      num_procs: 0,
      cpu_stats: {
        cpu_usage: { total_usage: 2_000_000, usage_in_kernelmode: 0, usage_in_usermode: 0 },
        system_cpu_usage: 2_000_000_000,
        online_cpus: 2,
        throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
      },
      precpu_stats: {
        cpu_usage: { total_usage: 1_000_000, usage_in_kernelmode: 0, usage_in_usermode: 0 },
        system_cpu_usage: 1_000_000_000,
        online_cpus: 2,
        throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
      },
      memory_stats: { usage: 819200, stats: { total_inactive_file: 0 }, limit: 4_123_000_832 },
      name: '/web',
      id: 'a'.repeat(64),
      networks: { eth0: { rx_bytes: 736, rx_packets: 8, tx_bytes: 0, tx_packets: 0 } },
    };
    expect(statsRow(s, 'web', false)).toEqual({
      Container: 'web',
      ID: 'aaaaaaaaaaaa',
      Name: 'web',
      CPUPerc: '0.20%',
      MemUsage: '800KiB / 3.84GiB',
      MemPerc: '0.02%',
      NetIO: '736B / 0B',
      BlockIO: '4.1kB / 0B',
      PIDs: '2',
    });
  });
});

describe('docker cp helpers', () => {
  it('splits container:path arguments', () => {
    expect(splitCpArg('web:/tmp')).toEqual(['web', '/tmp']);
    expect(splitCpArg('/abs:x')).toEqual(['', '/abs:x']);
    expect(splitCpArg('./a:b')).toEqual(['', './a:b']);
    expect(splitCpArg('file')).toEqual(['', 'file']);
  });

  it('follows PrepareArchiveCopy: into a directory, renamed, or refused', () => {
    const entries = [
      { name: 'hd/', type: 'dir' as const, mode: 0o755, uid: 0, gid: 0, mtime: 0, size: 0 },
      { name: 'hd/a.txt', type: 'file' as const, mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 0 },
    ];
    const src = { path: '/w/hd', exists: true, isDir: true };
    expect(prepareArchiveCopy(entries, src, { path: '/tmp', exists: true, isDir: true })).toEqual({ dir: '/tmp', entries });
    expect(prepareArchiveCopy(entries, src, { path: '/tmp/new', exists: false, isDir: false }).entries.map((e) => e.name)).toEqual([
      'new/',
      'new/a.txt',
    ]);
    expect(() => prepareArchiveCopy(entries, src, { path: '/tmp/a.txt', exists: true, isDir: false })).toThrow('cannot copy directory');
    const file = { path: '/w/a.txt', exists: true, isDir: false };
    expect(() => prepareArchiveCopy([entries[1]], file, { path: '/nodir/', exists: false, isDir: false })).toThrow('no such directory');
  });
});
