import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../api/container';
import { publishedPorts } from './ports-model';
import { linkTarget, normalizePath, toPreview } from './page-preview';

function c(name: string, state: string, ports: ContainerSummary['Ports']): ContainerSummary {
  return {
    Id: `${name}0123456789abcdef`,
    Names: [`/${name}`],
    Image: 'nginx',
    ImageID: 'sha256:x',
    Command: 'nginx',
    Created: 0,
    Ports: ports,
    Labels: {},
    State: state,
    Status: '',
    HostConfig: { NetworkMode: 'default' },
    NetworkSettings: { Networks: {} },
    Mounts: [],
  };
}

describe('ports strip model', () => {
  it('lists running containers with published TCP ports, once per host port', () => {
    const list = publishedPorts([
      c('web', 'running', [
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '0.0.0.0', PrivatePort: 443, PublicPort: 8443, Type: 'tcp' },
        { PrivatePort: 9000, Type: 'tcp' },
        { IP: '0.0.0.0', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
      ]),
      c('api', 'running', [{ IP: '0.0.0.0', PrivatePort: 3000, PublicPort: 3000, Type: 'tcp' }]),
      c('old', 'exited', [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 80, Type: 'tcp' }]),
      c('plain', 'running', [{ PrivatePort: 80, Type: 'tcp' }]),
    ]);
    expect(list.map((x) => x.name)).toEqual(['api', 'web']);
    expect(list[1]!.ports).toEqual([
      { hostPort: 8080, containerPort: 80 },
      { hostPort: 8443, containerPort: 443 },
    ]);
  });
});

describe('page preview', () => {
  const res = (body: string, headers: Record<string, string>) => ({
    status: 200,
    statusText: 'OK',
    headers,
    body: new TextEncoder().encode(body),
  });
  it('shows HTML as a page, other types as text, failures as curl words', () => {
    expect(toPreview(res('<h1>hi</h1>', { 'Content-Type': 'text/html' }))).toMatchObject({ kind: 'html', html: '<h1>hi</h1>' });
    expect(toPreview(res('{"a":1}', { 'content-type': 'application/json' }))).toMatchObject({ kind: 'text', text: '{"a":1}' });
    expect(toPreview(res('<!DOCTYPE html><p>x', {}))).toMatchObject({ kind: 'html' });
    expect(toPreview({ error: 'refused' })).toEqual({ kind: 'error', error: 'refused' });
  });
  it('follows links on the same port only', () => {
    expect(linkTarget('about.html', 8080, '/docs/index.html')).toBe('/docs/about.html');
    expect(linkTarget('/x?y=1', 8080, '/')).toBe('/x?y=1');
    expect(linkTarget('http://localhost:8080/a', 8080, '/')).toBe('/a');
    expect(linkTarget('http://localhost/a', 80, '/')).toBe('/a');
    expect(linkTarget('http://localhost:9090/a', 8080, '/')).toBeUndefined();
    expect(linkTarget('https://nginx.org/', 8080, '/')).toBeUndefined();
    expect(normalizePath('index.html')).toBe('/index.html');
    expect(normalizePath('  ')).toBe('/');
  });
});
