/**
 * Facts about the simulated Docker host that programs inside containers can
 * see (uname, nginx's startup notices, df). They match the engine's
 * src/engine/system/daemon-facts.ts (a Debian 12 machine with 2 CPUs); the
 * shell may not import the engine, so they are repeated here.
 */
import { HOST_LAN_IP } from '../../api/host';

export const KERNEL_RELEASE = '6.1.0-18-amd64';
export const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)';
export const MACHINE = 'x86_64';
export const NCPU = 2;
/** the simulated host's RAM (docker info's Total Memory, 3.84GiB) and how it is used, in KiB */
export const MEMORY_KIB = { total: 4_026_368, used: 612_844, free: 2_467_120, shared: 1_228, buffCache: 946_404, available: 3_187_104 };
/** the host's network: its LAN address (DHCP; the engine's HOST_LAN_IP, where published ports answer), gateway and docker0 */
export const HOST_NET = { ip: HOST_LAN_IP, prefix: 24, gateway: '192.168.199.1', mac: '52:54:00:12:34:56', docker0: '172.17.0.1', docker0Mac: '02:42:7d:1e:9c:41' };
/** seconds the host has been up when the simulated clock starts (top, uptime) */
export const HOST_UPTIME_AT_START = 3 * 3600 + 17 * 60;
