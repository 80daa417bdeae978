/**
 * The checks a lesson step can declare (lessons/README.md, "Checks"). Each
 * check is a YAML mapping with exactly one kind key (image, images,
 * container, containers, file, volume, network, registry, command, ran) and
 * the properties of that kind. Every kind accepts `not: true` (the opposite
 * must hold) and `message` (a text of one's own, per language).
 */
import { z } from 'zod';

export const text = z.strictObject({ en: z.string().min(1), 'zh-CN': z.string().min(1) });
const strings = z.union([z.string(), z.array(z.string())]);
/** a name bound by `as:` in an earlier check of the step */
const bindName = z.string().regex(/^[A-Za-z_][\w-]*$/, 'a name of letters, digits, _ and -');
const count = {
  count: z.number().int().min(0).optional(),
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(0).optional(),
};
const common = {
  not: z.boolean().optional(),
  message: text.optional(),
};

export const imageCheck = z.strictObject({
  ...common,
  /** repo[:tag], repo@digest, an ID (prefix) or $name */
  image: z.string().min(1),
  gone: z.boolean().optional(),
  dangling: z.boolean().optional(),
  layers: z.number().int().min(0).optional(),
  /** label → value; null (~) = any value */
  labels: z.record(z.string(), z.string().nullable()).optional(),
  user: z.string().optional(),
  entrypoint: strings.optional(),
  cmd: strings.optional(),
  /** "80", "80/tcp", "53/udp" */
  exposes: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]).optional(),
  env: z.record(z.string(), z.string()).optional(),
  workdir: z.string().optional(),
  /** any other field of the image's Config (docker image inspect) */
  config: z.record(z.string(), z.unknown()).optional(),
  /** tags the image carries ("nginx:v2") */
  tags: z.array(z.string()).optional(),
  as: bindName.optional(),
});

export const imagesCheck = z.strictObject({
  ...common,
  images: z.strictObject({
    dangling: z.boolean().optional(),
    /** a `docker images` reference filter: "mongo", "mongo:3.2", "library/ubuntu" */
    reference: z.string().optional(),
    /** "key" or "key=value" */
    label: z.string().optional(),
  }),
  ...count,
});

const portMapping = z.union([z.string(), z.number()]);
const mount = z.strictObject({
  /** volume name or host path ("~/site" allowed) */
  source: z.string().optional(),
  target: z.string(),
  type: z.enum(['volume', 'bind', 'tmpfs']).optional(),
  readonly: z.boolean().optional(),
});
const containerState = z.enum(['created', 'running', 'paused', 'restarting', 'exited', 'dead']);

export const containerCheck = z.strictObject({
  ...common,
  /** a name, an ID (prefix), $name, or a selector: the first container that matches it */
  container: z.union([
    z.string().min(1),
    z.strictObject({ image: z.string().optional(), state: containerState.optional(), label: z.string().optional() }),
  ]),
  gone: z.boolean().optional(),
  state: containerState.optional(),
  image: z.string().optional(),
  /** "81:80", "127.0.0.1:8080:80", "5353:53/udp", or "80" (published on any host port) */
  ports: z.union([portMapping, z.array(portMapping)]).optional(),
  mounts: z.array(mount).optional(),
  networks: z.array(z.string()).optional(),
  /** no, always, unless-stopped, on-failure, on-failure:3 */
  restart: z.string().optional(),
  exitCode: z.number().int().optional(),
  env: z.record(z.string(), z.string()).optional(),
  labels: z.record(z.string(), z.string().nullable()).optional(),
  as: bindName.optional(),
});

export const containersCheck = z.strictObject({
  ...common,
  containers: z.strictObject({
    image: z.string().optional(),
    state: containerState.optional(),
    name: z.string().optional(),
  }),
  ...count,
});

export const fileCheck = z.strictObject({
  ...common,
  /** an absolute path, or "~/…" on the learner's host */
  file: z.string().min(1),
  /** where the file is; omitted: the learner's host */
  in: z
    .union([
      z.literal('host'),
      z.strictObject({ container: z.string().min(1) }),
      z.strictObject({ image: z.string().min(1) }),
      z.strictObject({ volume: z.string().min(1) }),
    ])
    .optional(),
  gone: z.boolean().optional(),
  contains: z.string().optional(),
  /** a regular expression (JavaScript syntax) */
  matches: z.string().optional(),
  /** a Dockerfile instruction the file must have: "FROM nginx", "EXPOSE 80", or just "HEALTHCHECK" */
  instruction: z.string().optional(),
});

export const volumeCheck = z.strictObject({
  ...common,
  volume: z.string().min(1),
  gone: z.boolean().optional(),
  driver: z.string().optional(),
  labels: z.record(z.string(), z.string().nullable()).optional(),
  as: bindName.optional(),
});

export const networkCheck = z.strictObject({
  ...common,
  network: z.string().min(1),
  gone: z.boolean().optional(),
  driver: z.string().optional(),
  /** containers attached to it (names or $names) */
  containers: z.array(z.string()).optional(),
  as: bindName.optional(),
});

export const registryCheck = z.strictObject({
  ...common,
  /** "localhost:5000" (a private registry reachable from the host) or "docker.io" */
  registry: z.string().min(1),
  repository: z.string().min(1),
  tag: z.string().optional(),
});

export const commandCheck = z.strictObject({
  ...common,
  /** a shell command line the checker runs on the learner's host */
  command: z.string().min(1),
  /** text its output (stdout and stderr) must contain */
  output: z.string().optional(),
  /** regular expression its output must match */
  matches: z.string().optional(),
  exit: z.number().int().optional(),
});

export const ranCheck = z.strictObject({
  ...common,
  /** a docker subcommand: "run", "image prune", "rmi" (= image rm), "ps" (= container ls) */
  ran: z.string().min(1),
  /** words the command line must also contain ("-f", "dangling=true") */
  with: z.array(z.string()).optional(),
  /** only a command that succeeded (default true) */
  succeeded: z.boolean().optional(),
});

export const CHECK_KINDS = {
  image: imageCheck,
  images: imagesCheck,
  container: containerCheck,
  containers: containersCheck,
  file: fileCheck,
  volume: volumeCheck,
  network: networkCheck,
  registry: registryCheck,
  command: commandCheck,
  ran: ranCheck,
} as const;

export type CheckKind = keyof typeof CHECK_KINDS;
export type ImageCheck = z.infer<typeof imageCheck>;
export type ImagesCheck = z.infer<typeof imagesCheck>;
export type ContainerCheck = z.infer<typeof containerCheck>;
export type ContainersCheck = z.infer<typeof containersCheck>;
export type FileCheck = z.infer<typeof fileCheck>;
export type VolumeCheck = z.infer<typeof volumeCheck>;
export type NetworkCheck = z.infer<typeof networkCheck>;
export type RegistryCheck = z.infer<typeof registryCheck>;
export type CommandCheck = z.infer<typeof commandCheck>;
export type RanCheck = z.infer<typeof ranCheck>;
export type CheckSpec = ImageCheck | ImagesCheck | ContainerCheck | ContainersCheck | FileCheck | VolumeCheck | NetworkCheck | RegistryCheck | CommandCheck | RanCheck;

/** the kind of a check object: the one kind key it has */
export function checkKind(c: object): CheckKind {
  const k = kindKeys(c as Record<string, unknown>)[0];
  if (!k) throw new Error('not a check');
  return k;
}

/**
 * the kind keys a raw YAML object carries (the loader reports none or several;
 * `image` and `containers` may also appear as properties of other kinds)
 */
export function kindKeys(raw: Record<string, unknown>): CheckKind[] {
  const keys = (Object.keys(CHECK_KINDS) as CheckKind[]).filter((k) => k in raw);
  // `image:` is a property of a container check, `containers:` of a network check
  if (keys.includes('container')) return keys.filter((k) => k !== 'image');
  if (keys.includes('network')) return keys.filter((k) => k !== 'containers');
  return keys;
}
