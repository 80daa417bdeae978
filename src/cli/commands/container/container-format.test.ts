import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../api/container';
import { containerRow, goQuote, truncateId } from './ls';
import { parseMountOpt } from './mount-opt';
import { parsePortSpecs } from './port-specs';
import { displayablePorts } from './ports-display';
import { startErrorStatus } from './run-support';

function summary(over: Partial<ContainerSummary>): ContainerSummary {
  return {
    Id: 'a9de63ee9fee0d1c5e7c0f3b8e2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7',
    Names: ['/vibrant_benz'],
    Image: 'ubuntu:18.04',
    ImageID: 'sha256:3ca392d5b7626caa60a853a0001945377e2e159eb231b75ba607700fa322060e',
    Command: "/bin/sh -c 'while true; do echo hello world; sleep 1; done'",
    Created: 1_000,
    Ports: [],
    Labels: {},
    State: 'running',
    Status: 'Up 3 seconds',
    HostConfig: { NetworkMode: 'default' },
    NetworkSettings: { Networks: {} },
    Mounts: [],
    ...over,
  };
}

describe('docker ps columns', () => {
  it('quotes and cuts COMMAND to 20 characters, strips the name slash, keeps the image as typed', () => {
    const row = containerRow(summary({}), true, 1_005_000);
    expect(row.ID).toBe('a9de63ee9fee');
    expect(row.Command).toBe('"/bin/sh -c \'while t…"');
    expect(row.Names).toBe('vibrant_benz');
    expect(row.RunningFor).toBe('5 seconds ago');
    expect(row.Image).toBe('ubuntu:18.04');
    expect(containerRow(summary({ Image: 'docker.io/library/nginx' }), true, 0).Image).toBe('nginx');
    expect(containerRow(summary({ Image: 'sha256:3ca392d5b7626caa60a853a0001945377e2e159eb231b75ba607700fa322060e' }), true, 0).Image).toBe('3ca392d5b762');
    expect(containerRow(summary({ Command: '/docker-entrypoint.sh nginx -g daemon off;' }), true, 0).Command).toBe('"/docker-entrypoint.…"');
    expect(containerRow(summary({ Command: '/hello' }), true, 0).Command).toBe('"/hello"');
  });

  it('lists ports like docker 20.10', () => {
    expect(
      displayablePorts([
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 80, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 80, Type: 'tcp' },
      ]),
    ).toBe('0.0.0.0:80->80/tcp, :::80->80/tcp');
    expect(
      displayablePorts([
        { IP: '::', PrivatePort: 80, PublicPort: 32768, Type: 'tcp' },
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 32768, Type: 'tcp' },
      ]),
    ).toBe('0.0.0.0:32768->80/tcp, :::32768->80/tcp');
    expect(
      displayablePorts([
        { IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8081, Type: 'udp' },
        { PrivatePort: 80, Type: 'tcp' },
      ]),
    ).toBe('80/tcp, 127.0.0.1:8081->80/udp');
    expect(displayablePorts([{ PrivatePort: 80, Type: 'tcp' }, { PrivatePort: 81, Type: 'tcp' }, { PrivatePort: 443, Type: 'tcp' }])).toBe(
      '80-81/tcp, 443/tcp',
    );
  });

  it('helpers', () => {
    expect(truncateId('sha256:3ca392d5b7626caa')).toBe('3ca392d5b762');
    expect(goQuote('a "b"\n')).toBe('"a \\"b\\"\\n"');
    expect(startErrorStatus('Error response from daemon: failed to create shim task: … exec: "foo": executable file not found in $PATH: unknown')).toBe(127);
    expect(startErrorStatus('… exec: "/etc/os-release": permission denied: unknown')).toBe(126);
    expect(startErrorStatus('port is already allocated')).toBe(125);
  });
});

describe('run options', () => {
  it('parses -p like nat.ParsePortSpecs', () => {
    expect(parsePortSpecs(['80:80', '127.0.0.1::53/udp', '8080'])).toEqual({
      exposed: { '80/tcp': {}, '53/udp': {}, '8080/tcp': {} },
      bindings: {
        '80/tcp': [{ HostIp: '', HostPort: '80' }],
        '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }],
        '8080/tcp': [{ HostIp: '', HostPort: '' }],
      },
    });
    expect(() => parsePortSpecs(['99999:80'])).toThrow('Invalid hostPort: 99999');
    expect(() => parsePortSpecs(['80:abc'])).toThrow('Invalid containerPort: abc');
    expect(() => parsePortSpecs(['1.2.3:80:80'])).toThrow('Invalid ip address: 1.2.3');
  });

  it('parses --mount in mount.Mount field order', () => {
    const m = parseMountOpt('source=my-vol,target=/usr/share/nginx/html');
    expect(Object.keys(m)).toEqual(['Type', 'Source', 'Target']);
    expect(parseMountOpt('type=bind,src=/tmp,dst=/data,readonly')).toEqual({ Type: 'bind', Source: '/tmp', Target: '/data', ReadOnly: true });
    expect(() => parseMountOpt('source=x')).toThrow('target is required');
    expect(parseMountOpt('type=foo,target=/x').Type).toBe('foo');
    expect(() => parseMountOpt('type=bind,target=/x,volume-nocopy')).toThrow("cannot mix 'volume-*' options with mount type 'bind'");
  });
});
