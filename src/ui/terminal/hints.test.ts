import { describe, expect, it } from 'vitest';
import { pastedPromptSign } from './hints';

describe('pastedPromptSign', () => {
  it('is a command that starts with the prompt sign and was not found', () => {
    expect(pastedPromptSign('$ docker image ls', 127)).toBe(true);
    expect(pastedPromptSign('  $ docker commit \\\n --author x', 127)).toBe(true);
    expect(pastedPromptSign('$ docker image ls', 0)).toBe(false);
    expect(pastedPromptSign('echo $ x', 127)).toBe(false);
    expect(pastedPromptSign('$HOME/run.sh', 127)).toBe(false);
  });
});
