/**
 * The fixed facts of the simulated daemon and its host: the Debian build of
 * Docker 20.10.24 the golden transcripts were recorded with, on a small
 * Debian 12 machine.
 */
export const SERVER_VERSION = '20.10.24+dfsg1';
export const API_VERSION = '1.41';
export const MIN_API_VERSION = '1.12';
export const GO_VERSION = 'go1.19.8';
export const SERVER_GIT_COMMIT = '5d6db84';
export const BUILD_TIME = '2026-05-07T21:09:36.000000000+00:00';
export const KERNEL_VERSION = '6.1.0-18-amd64';
export const OPERATING_SYSTEM = 'Debian GNU/Linux 12 (bookworm)';
export const OS_VERSION = '12';
export const NCPU = 2;
/** 3.84GiB */
export const MEM_TOTAL = 4_123_000_832;
export const HOST_NAME = 'dockyard';
export const CONTAINERD = { version: '1.6.20~ds1', commit: '1.6.20~ds1-1+deb12u3' };
export const RUNC = { version: '1.1.5+ds1', commit: '1.1.5+ds1-1+deb12u1' };
export const DOCKER_INIT = { version: '0.19.0', commit: '' };
/** where dockerd reads its configuration file */
export const DAEMON_CONFIG_PATH = '/etc/docker/daemon.json';
/**
 * The flags on dockerd's command line (Debian's docker.service:
 * `ExecStart=/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock`),
 * by flag name, with the values' String() as conflict messages print them.
 */
export const DOCKERD_FLAGS_SET: Readonly<Record<string, string>> = { host: '[fd://]', containerd: '/run/containerd/containerd.sock' };
export { HOST_LAN_IP } from '../../api/host';
