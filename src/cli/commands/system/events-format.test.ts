import { describe, expect, it } from 'vitest';
import { cliSandbox } from '../../../client/in-process/cli-sandbox.test-helper';

describe('docker events --format', () => {
  it('has the deprecated Status / ID / From of container events under their Go names', async () => {
    const { docker } = cliSandbox();
    await docker('docker pull busybox');
    await docker('docker run --rm --name e1 busybox true');
    const r = await docker("docker events --since 2000-01-01 --until 0s --filter event=destroy --format '{{.Status}} {{.From}} {{.Type}}'");
    expect(r.out).toBe('destroy busybox container\n');
    const net = await docker("docker events --since 2000-01-01 --until 0s --filter type=network --filter event=connect --format '[{{.Status}}]'");
    expect(net.out).toBe('[]\n');
  });
});
