/**
 * The editor host: what `vi`, `vim` and `nano` (src/shell/programs/editor.ts)
 * ask of whoever can show a file to the learner. The web app implements it
 * with its editor pane (src/ui/editor/editor-host.ts); the headless runner has
 * none, and there the programs say so. A program waits on an open file the way
 * a terminal editor holds the terminal: until the learner closes the file, or
 * hands the terminal back with a key.
 */

/** a file of the learner's machine, or one inside a container (edited through the archive API) */
export type EditTarget =
  | { kind: 'host'; /** absolute path on the host */ path: string }
  | { kind: 'container'; /** the container's full ID */ container: string; /** absolute path inside it */ path: string };

export interface EditRequest {
  target: EditTarget;
  /** the program as typed ("vim", "vi", "nano"): the notice names it */
  program: string;
  /** the file as the learner typed it ("mynginx/Dockerfile"): the notice names it so */
  name?: string;
  /** the file cannot be written by the user running the program (vim's [readonly]) */
  readOnly?: boolean;
}

/** an open file a program is waiting on */
export interface EditSession {
  /** one line for the terminal, in the learner's language: where the file is and how to come back */
  readonly notice: string;
  /** resolves when the learner closes the file (or it goes away: the sandbox was replaced) */
  readonly closed: Promise<void>;
  /**
   * The program stops waiting (a key in the terminal, Ctrl-C): what was typed
   * so far is written to the file; the file may stay open in the editor.
   */
  detach(): Promise<void>;
}

/** why a file could not be opened; `message` is printed as the program's error */
export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

export interface EditorHost {
  /** the learner's language (the programs' own messages follow it, not LANG) */
  readonly lang: 'en' | 'zh';
  /** open the file for the learner; rejects with EditError (a directory, no such container…) */
  open(request: EditRequest): Promise<EditSession>;
}
