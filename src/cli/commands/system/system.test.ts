import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../api/events';
import type { DiskUsage, ServerVersion } from '../../../api/system';
import type { EngineClient } from '../../../client/engine-client';
import { runWith } from './cli-harness.test-helper';
import { naturalLess } from './cli-output';
import { eventLine } from './events';
import { systemPruneWarning } from './prune';
import { systemCommands } from '.';

// golden scenario 01
const VERSION = `Client:
 Version:           20.10.24+dfsg1
 API version:       1.41
 Go version:        go1.19.8
 Git commit:        297e128
 Built:             Thu May  7 21:09:36 2026
 OS/Arch:           linux/amd64
 Context:           default
 Experimental:      true

Server:
 Engine:
  Version:          20.10.24+dfsg1
  API version:      1.41 (minimum version 1.12)
  Go version:       go1.19.8
  Git commit:       5d6db84
  Built:            Thu May  7 21:09:36 2026
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.6.20~ds1
  GitCommit:        1.6.20~ds1-1+deb12u3
 runc:
  Version:          1.1.5+ds1
  GitCommit:        1.1.5+ds1-1+deb12u1
 docker-init:
  Version:          0.19.0
  GitCommit:        
`;

const sv: ServerVersion = {
  Platform: { Name: '' },
  Components: [
    {
      Name: 'Engine',
      Version: '20.10.24+dfsg1',
      Details: {
        ApiVersion: '1.41',
        Arch: 'amd64',
        BuildTime: '2026-05-07T21:09:36.000000000+00:00',
        Experimental: 'false',
        GitCommit: '5d6db84',
        GoVersion: 'go1.19.8',
        KernelVersion: '6.1.0-18-amd64',
        MinAPIVersion: '1.12',
        Os: 'linux',
      },
    },
    { Name: 'containerd', Version: '1.6.20~ds1', Details: { GitCommit: '1.6.20~ds1-1+deb12u3' } },
    { Name: 'runc', Version: '1.1.5+ds1', Details: { GitCommit: '1.1.5+ds1-1+deb12u1' } },
    { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: '' } },
  ],
  Version: '20.10.24+dfsg1',
  ApiVersion: '1.41',
  MinAPIVersion: '1.12',
  GitCommit: '5d6db84',
  GoVersion: 'go1.19.8',
  Os: 'linux',
  Arch: 'amd64',
  KernelVersion: '6.1.0-18-amd64',
  BuildTime: '2026-05-07T21:09:36.000000000+00:00',
};

const du: DiskUsage = {
  LayersSize: 17_540_000,
  Images: [1, 2, 3, 4, 5].map((n) => ({
    Containers: 0, Created: 0, Id: `sha256:${n}`, Labels: null, ParentId: '', RepoDigests: [], RepoTags: [`img${n}:latest`], SharedSize: 0, Size: 1, VirtualSize: 1,
  })),
  Containers: [],
  Volumes: [],
  BuildCache: [],
  BuilderSize: 0,
};

const ev: EngineEvent = {
  Type: 'container',
  Action: 'create',
  Actor: { ID: 'abc', Attributes: { name: 'x', image: 'busybox' } },
  scope: 'local',
  time: 1795503600,
  timeNano: 1795503600_000_000_000,
  status: 'create',
  id: 'abc',
  from: 'busybox',
};

const client = {
  serverVersion: async () => sv,
  diskUsage: async () => du,
  events: async (_o: unknown, on: (e: EngineEvent) => void) => on(ev),
} as unknown as EngineClient;

const run = (argv: string[]) => runWith(systemCommands, client, argv);

describe('docker system', () => {
  it('version prints golden scenario 01', async () => {
    expect(await run(['version'])).toEqual({ status: 0, out: VERSION, err: '' });
    expect((await run(['version', '--format', '{{.Server.Version}} {{.Client.APIVersion}}'])).out).toBe('20.10.24+dfsg1 1.41\n');
    expect((await run(['version', '--format', '{{.Nope'])).status).toBe(64);
  });

  it('df prints the golden layout', async () => {
    expect((await run(['system', 'df'])).out).toBe(
      'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\nImages          5         0         17.54MB   17.54MB (100%)\nContainers      0         0         0B        0B\nLocal Volumes   0         0         0B        0B\nBuild Cache     0         0         0B        0B\n',
    );
    expect((await run(['system', 'df', '--format', '{{.Type}}={{.Size}}'])).out.split('\n')[0]).toBe('Images=17.54MB');
  });

  it('events print docker/cli lines', async () => {
    expect(eventLine(ev)).toBe('2026-11-24T07:00:00.000000000Z container create abc (image=busybox, name=x)\n');
    expect((await run(['events', '--since', '1h', '--until', '0s', '--format', '{{.Type}} {{.Actor.Attributes.name}}'])).out).toBe('container x\n');
    expect((await run(['events', '--since', '1h', '--until', '0s', '--format', '{{json .}}'])).out).toBe(
      '{"status":"create","id":"abc","from":"busybox","Type":"container","Action":"create","Actor":{"ID":"abc","Attributes":{"image":"busybox","name":"x"}},"scope":"local","time":1795503600,"timeNano":1795503600000000000}\n',
    );
  });

  it('system prune warns like docker', () => {
    expect(systemPruneWarning({ volumes: false, all: false, filters: {} })).toBe(
      'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - all dangling build cache\n\nAre you sure you want to continue?',
    );
    expect(systemPruneWarning({ volumes: true, all: true, filters: { label: ['a=b'] } })).toContain(
      '  - all volumes not used by at least one container\n  - all images without at least one container associated to them\n  - all build cache\n\n  Items to be pruned will be filtered with:\n  - label=a=b\n\nAre you sure',
    );
  });

  it('orders names naturally', () => {
    expect(naturalLess('vol2', 'vol10')).toBe(true);
    expect(naturalLess('my-vol', 'a')).toBe(false);
  });
});
