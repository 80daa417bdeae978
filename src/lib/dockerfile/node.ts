/**
 * One parsed Dockerfile line (buildkit parser.Node as the 20.10 legacy
 * builder uses it): the lower-cased instruction, its flags, its arguments
 * after the instruction's line parser, and the logical line as written.
 */
export interface DockerfileNode {
  /** lower-cased instruction: "from", "run", "runn" */
  value: string;
  /** the logical line (continuations joined), used for "Step 1/2 : …" */
  original: string;
  /** "--from=base", "--chown=1:1" */
  flags: string[];
  /** arguments as the line parser produced them */
  args: string[];
  /** ONBUILD's sub-instruction */
  sub?: DockerfileNode;
  /** true when the arguments were a JSON array */
  json: boolean;
  /** 1-based line where the instruction starts / ends */
  startLine: number;
  endLine: number;
  /** comment lines right above the instruction */
  prevComment: string[];
}

/** buildkit's parser errors; the daemon wraps them as "failed to parse Dockerfile: …" */
export class DockerfileParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DockerfileParseError';
  }
}

/** the instruction's arguments as instructions.Parse sees them (ONBUILD: the sub-instruction's words) */
export function nodeArgs(n: DockerfileNode): string[] {
  if (n.sub) return [n.sub.value, ...nodeArgs(n.sub)];
  return n.args;
}
