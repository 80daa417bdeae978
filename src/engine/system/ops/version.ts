/** GET /version (moby daemon SystemVersion). */
import type { ServerVersion } from '../../../api/system';
import type { Engine } from '../../engine';
import * as F from '../daemon-facts';

/** `engine` (optional): Experimental follows its configuration */
export function serverVersion(engine?: Pick<Engine, 'daemon'>): ServerVersion {
  return {
    Platform: { Name: '' },
    Components: [
      {
        Name: 'Engine',
        Version: F.SERVER_VERSION,
        Details: {
          ApiVersion: F.API_VERSION,
          Arch: 'amd64',
          BuildTime: F.BUILD_TIME,
          Experimental: String(engine?.daemon.config.experimental ?? false),
          GitCommit: F.SERVER_GIT_COMMIT,
          GoVersion: F.GO_VERSION,
          KernelVersion: F.KERNEL_VERSION,
          MinAPIVersion: F.MIN_API_VERSION,
          Os: 'linux',
        },
      },
      { Name: 'containerd', Version: F.CONTAINERD.version, Details: { GitCommit: F.CONTAINERD.commit } },
      { Name: 'runc', Version: F.RUNC.version, Details: { GitCommit: F.RUNC.commit } },
      { Name: 'docker-init', Version: F.DOCKER_INIT.version, Details: { GitCommit: F.DOCKER_INIT.commit } },
    ],
    Version: F.SERVER_VERSION,
    ApiVersion: F.API_VERSION,
    MinAPIVersion: F.MIN_API_VERSION,
    GitCommit: F.SERVER_GIT_COMMIT,
    GoVersion: F.GO_VERSION,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: F.KERNEL_VERSION,
    BuildTime: F.BUILD_TIME,
    ...(engine?.daemon.config.experimental ? { Experimental: true } : {}),
  };
}
