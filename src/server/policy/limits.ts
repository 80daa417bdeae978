/**
 * Limits the server puts on every container and on each session. Container
 * limits are filled in when the learner gave none and refused above the cap;
 * session caps are counted on the session's engine before each create.
 */
export interface ContainerLimits {
  /** bytes; also the cap a learner may ask for */
  memory: number;
  /** nano CPUs */
  nanoCpus: number;
  pids: number;
  /** json-file log rotation */
  logMaxSize: string;
  logMaxFile: string;
  /** tmpfs size cap in bytes */
  tmpfsBytes: number;
}

export interface SessionCaps {
  containers: number;
  volumes: number;
  networks: number;
  images: number;
  /** bytes of images + containers + volumes (system df) */
  disk: number;
}

export const DEFAULT_CONTAINER_LIMITS: ContainerLimits = {
  memory: 512 * 1024 * 1024,
  nanoCpus: 1_000_000_000,
  pids: 256,
  logMaxSize: '10m',
  logMaxFile: '2',
  tmpfsBytes: 64 * 1024 * 1024,
};

export const DEFAULT_SESSION_CAPS: SessionCaps = {
  containers: 50,
  volumes: 30,
  networks: 10,
  images: 60,
  disk: 4 * 1024 * 1024 * 1024,
};
