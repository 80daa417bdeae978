import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../../../client/in-process/cli-sandbox.test-helper';

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
});
