import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../../../client/in-process/cli-sandbox.test-helper';
import { parseTemplate } from '../../format/template';
import { executeInspect } from './inspect-print';

describe('docker inspect --format', () => {
  it('sees omitted pointer fields as <nil> and empty maps as map[] (the typed struct)', async () => {
    const { docker } = cliSandbox();
    await docker('docker pull busybox');
    await docker('docker run -d --name c1 -p 8080:80 --label role=demo busybox sleep 1000');
    expect((await docker("docker inspect -f '{{.State.Health}} {{.SizeRw}} {{.Config.Healthcheck}}' c1")).out).toBe('<nil> <nil> <nil>\n');
    expect((await docker("docker inspect -f '{{index .Config.Labels \"missing\"}}|' c1")).out).toBe('|\n');
  });

  it('falls back to the raw JSON when the typed template fails (index of a nat.PortMap with a string)', async () => {
    const { docker } = cliSandbox();
    await docker('docker pull busybox');
    await docker('docker run -d --name c1 -p 8080:80 busybox sleep 1000');
    expect((await docker('docker inspect -f \'{{(index .NetworkSettings.Ports "80/tcp")}}\' c1')).out).toBe(
      '[map[HostIp:0.0.0.0 HostPort:8080] map[HostIp::: HostPort:8080]]\n',
    );
  });

  it('reports the raw error for a field that does not exist, after a lone newline on stdout, with the others', async () => {
    const { docker } = cliSandbox();
    await docker('docker pull busybox');
    await docker('docker create --name c1 busybox true');
    const r = await docker("docker inspect -f '{{.NoSuchField}}' c1 nosuch");
    expect(r.out).toBe('\n');
    expect(r.err).toBe('template parsing error: template: :1:2: executing "" at <.NoSuchField>: map has no entry for key "NoSuchField"\nError: No such object: nosuch\n');
    expect(r.status).toBe(1);
    expect((await docker("docker inspect -f '{{.Name}}' nosuch1")).out).toBe('\n');
  });

  it('converts a field for the template only when the template reads it, and sees the same fields in the same order', () => {
    // a port map whose conversion would fail: a template that does not read it never converts it
    const poison: Record<string, unknown> = {};
    Object.defineProperty(poison, '80/tcp', {
      enumerable: true,
      get() {
        throw new Error('converted');
      },
    });
    const obj = { Id: 'abc', State: { Status: 'running', Pid: 7 }, HostConfig: { Binds: null }, NetworkSettings: { Ports: poison }, Config: { Labels: { b: '2', a: '1' } } };
    expect(executeInspect(parseTemplate('{{.State.Status}} {{.State.Pid}}'), obj)).toBe('running 7');
    expect(() => executeInspect(parseTemplate('{{json .NetworkSettings}}'), obj)).toThrow('converted');
    // the same text as when every field was converted first (compared with that code): structs in field order, maps sorted, undefined left out
    const plain = { Id: 'abc', State: { Status: 'running' }, HostConfig: { Binds: null, Skipped: undefined }, Config: { Labels: { b: '2', a: '1' }, Cmd: ['sh', undefined] } };
    expect(executeInspect(parseTemplate('{{json .}}'), plain)).toBe(
      '{"Id":"abc","State":{"Status":"running","Health":null},"HostConfig":{"Binds":null,"Mounts":[],"Init":null,"Tmpfs":{},"StorageOpt":{},"Sysctls":{}},"Config":{"Labels":{"a":"1","b":"2"},"Cmd":["sh",null],"ExposedPorts":{},"Healthcheck":null,"ArgsEscaped":false,"NetworkDisabled":false,"MacAddress":"","StopSignal":"","StopTimeout":null,"Shell":[]},"Node":null,"SizeRw":null,"SizeRootFs":null}',
    );
    expect(executeInspect(parseTemplate('{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}'), plain)).toBe('a=1;b=2;');
  });
});
