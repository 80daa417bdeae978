/**
 * Size limits of the typed-operation protocol. The dispatcher enforces them on
 * every frame and argument it receives (a transport adds its own frame cap:
 * see MAX_FRAME_BYTES); the client keeps below them when it splits bytes.
 */
export const LIMITS = {
  /** a string argument: names, paths, references, commands (one argv element) */
  string: 4096,
  /** a longer text: an env line, a label value, a Dockerfile instruction */
  text: 65536,
  /** items in an array argument (argv, env, binds, ports, tags, filters) */
  items: 512,
  /** keys in a map argument (labels, filters, build args, log options) */
  keys: 256,
  /** one chunk of a byte payload (build context, tar, stdin, HTTP body) */
  chunk: 256 * 1024,
  /** all bytes of one payload (a build context, an image tar for load/import, a cp tar) */
  payload: 512 * 1024 * 1024,
  /** operations in flight on one channel */
  inFlight: 64,
} as const;

/** a transport's largest frame: a chunk plus its header, with room to spare */
export const MAX_FRAME_BYTES = LIMITS.chunk + 64 * 1024;
