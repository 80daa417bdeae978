import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../../../client/in-process/cli-sandbox.test-helper';

describe('docker system df -v', () => {
  it('shows sizes with 4 significant digits and the command quoted like docker ps', async () => {
    const { docker } = cliSandbox();
    await docker('docker pull busybox');
    await docker("docker run --name stopped busybox sh -c 'echo hello > /hello'");
    const out = (await docker('docker system df -v')).out;
    expect(out).toMatch(/busybox {6}latest {4}[0-9a-f]{12} {3}.+ago {3}1\.986MB {3}0B {12}1\.986MB {7}1\n/);
    expect(out).toContain(`"sh -c 'echo hello >…"   0               6B`);
  });

  it('with a custom --format runs the template once over the whole usage, without a newline', async () => {
    const { docker } = cliSandbox();
    await docker('docker pull busybox');
    const bad = await docker("docker system df -v --format '{{.Type}}'");
    expect(bad.err).toBe('template: :1:2: executing "" at <.Type>: can\'t evaluate field Type in type *formatter.diskUsageContext\n');
    expect(bad.status).toBe(1);
    expect((await docker("docker system df -v --format '{{range .Images}}{{.Repository}}:{{.Size}} {{end}}'")).out).toBe('busybox:1.986MB ');
  });
});
