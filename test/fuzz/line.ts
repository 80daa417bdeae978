/** One generated command line and what the fuzzer knows about it. */
import type { InputItem } from '../../src/runner/scenario';

/** the generator a line comes from: a failure's area, for telling apart whose bug it is */
export type LineKind = 'docker' | 'tutorial' | 'shell' | 'setup';

export interface FuzzLine {
  line: string;
  kind: LineKind;
  /** the template it was made from (`docker container run`, `shell:endless-loop`, a tutorial line): groups failures */
  template: string;
  /** typed while it runs */
  inputs?: InputItem[];
  /**
   * what the line must do (a few shell templates check behaviour, not only
   * the absence of escapes): the exit status, and text its output must hold
   */
  expect?: { exit?: number; output?: RegExp };
  /** whose area a failure of this line is when not ours: the shell engineer's open findings */
  owner?: 'shell' | 'terminal';
}
