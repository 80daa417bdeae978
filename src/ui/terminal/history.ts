/**
 * A terminal's command history (what bash keeps in memory): entries oldest
 * first, no blank lines, no immediate duplicates, a size limit; and the
 * incremental reverse search behind Ctrl-R.
 */
export class History {
  private items: string[] = [];

  constructor(
    initial: readonly string[] = [],
    private readonly limit = 1000,
  ) {
    for (const line of initial) this.add(line);
  }

  get entries(): readonly string[] {
    return this.items;
  }

  get length(): number {
    return this.items.length;
  }

  at(i: number): string | undefined {
    return this.items[i];
  }

  /** remember a line run at the prompt (multi-line input is kept as one entry) */
  add(line: string): void {
    if (!line.trim()) return;
    if (this.items[this.items.length - 1] === line) return;
    this.items.push(line);
    if (this.items.length > this.limit) this.items.splice(0, this.items.length - this.limit);
  }

  /**
   * The newest entry at or before `from` that contains `query` (bash's
   * reverse-i-search): its index and where the match starts, or undefined.
   * An empty query matches nothing.
   */
  searchBackward(query: string, from = this.items.length - 1): { index: number; at: number } | undefined {
    if (!query) return undefined;
    for (let i = Math.min(from, this.items.length - 1); i >= 0; i--) {
      const at = this.items[i]!.lastIndexOf(query);
      if (at >= 0) return { index: i, at };
    }
    return undefined;
  }
}
