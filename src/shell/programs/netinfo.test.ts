import { describe, expect, it } from 'vitest';
import { containerRun, sh } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';

describe('ip, ifconfig, hostname -I', () => {
  it('the host: lo, eth0 on the LAN, docker0', async () => {
    const { sh: host } = hostShell();
    expect((await run(host, 'hostname -I')).out).toBe('192.168.199.100 172.17.0.1 \n');
    const addr = (await run(host, 'ip addr')).out;
    expect(addr).toContain('2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n');
    expect(addr).toContain('    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\n');
    expect((await run(host, 'ip route')).out.split('\n')[0]).toBe('default via 192.168.199.1 dev eth0 proto dhcp src 192.168.199.100 metric 100 ');
    expect((await run(host, 'ifconfig eth0')).out).toContain('        inet 192.168.199.100  netmask 255.255.255.0  broadcast 192.168.199.255\n');
    expect((await run(host, 'ip bogus')).err).toBe('Object "bogus" is unknown, try "ip help".\n');
  });

  it('a container: eth0 with the address from its /etc/hosts and a MAC made of it', async () => {
    const setup = await sh('echo "172.17.0.2\tabc123def456" >> /etc/hosts');
    const addr = await containerRun(['ip', 'addr'], { fs: setup.fs });
    expect(addr.out).toContain('2: eth0@if6: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n');
    expect((await containerRun(['ip', 'route'], { fs: setup.fs })).out).toBe('default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n');
    expect((await containerRun(['ifconfig', 'eth0'], { fs: setup.fs })).out).toContain('eth0      Link encap:Ethernet  HWaddr 02:42:AC:11:00:02  \n          inet addr:172.17.0.2  Bcast:172.17.255.255  Mask:255.255.0.0\n');
    expect((await containerRun(['hostname', '-i'], { fs: setup.fs })).out).toBe('172.17.0.2\n');
  });
});
