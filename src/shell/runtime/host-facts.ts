/**
 * Facts about the simulated Docker host that programs inside containers can
 * see (uname, nginx's startup notices, df). They match the engine's
 * src/engine/system/daemon-facts.ts (a Debian 12 machine with 2 CPUs); the
 * shell may not import the engine, so they are repeated here.
 */
export const KERNEL_RELEASE = '6.1.0-18-amd64';
export const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)';
export const MACHINE = 'x86_64';
export const NCPU = 2;
