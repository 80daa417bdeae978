/**
 * Advice the terminal adds under a command's own output (in the UI's
 * language); the shell's and Docker's messages stay as they are.
 */

/**
 * The line starts with the `$ ` of a tutorial's prompt and bash said
 * `$: command not found`: worth a hint to leave it out.
 */
export function pastedPromptSign(line: string, status: number): boolean {
  return status === 127 && /^\s*\$\s/.test(line);
}
