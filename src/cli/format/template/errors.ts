/**
 * Error raised by template parsing or execution. `message` is exactly the text Go's text/template
 * returns from Parse/Execute (e.g. `template: :1: unclosed action`); docker prefixes it
 * (`template parsing error: …`), which is the caller's job.
 */
export class TemplateError extends Error {
  /** 'parse' for errors from parseTemplate, 'exec' for errors from execute. */
  readonly phase: 'parse' | 'exec';

  constructor(message: string, phase: 'parse' | 'exec') {
    super(message);
    this.name = 'TemplateError';
    this.phase = phase;
  }
}

/** Thrown by template functions and methods; becomes `error calling NAME: MESSAGE`. */
export class FuncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FuncError';
  }
}
