/** buildkit instructions/bflag.go: the `--name=value` flags of an instruction. */
type FlagType = 'bool' | 'string' | 'strings';

interface Flag {
  type: FlagType;
  value: string;
  values: string[];
}

export class BFlags {
  private readonly flags = new Map<string, Flag>();
  readonly used = new Set<string>();

  constructor(private readonly args: readonly string[]) {}

  addString(name: string, def = ''): void {
    this.flags.set(name, { type: 'string', value: def, values: [] });
  }

  addBool(name: string, def = false): void {
    this.flags.set(name, { type: 'bool', value: def ? 'true' : 'false', values: [] });
  }

  value(name: string): string {
    return this.flags.get(name)?.value ?? '';
  }

  /** Parse(): returns the error text, or undefined */
  parse(): string | undefined {
    for (const raw of this.args) {
      if (!raw.startsWith('--')) return `Arg should start with -- : ${raw}`;
      if (raw === '--') return undefined;
      let arg = raw.slice(2);
      let value = '';
      const index = arg.indexOf('=');
      if (index >= 0) {
        value = arg.slice(index + 1);
        arg = arg.slice(0, index);
      }
      const flag = this.flags.get(arg);
      if (!flag) return `Unknown flag: ${arg}`;
      if (this.used.has(arg) && flag.type !== 'strings') return `Duplicate flag specified: ${arg}`;
      this.used.add(arg);
      if (flag.type === 'bool') {
        if (index >= 0 && value === '') return `Missing a value on flag: ${arg}`;
        const lower = value.toLowerCase();
        if (lower === '') flag.value = 'true';
        else if (lower === 'true' || lower === 'false') flag.value = lower;
        else return `Expecting boolean value for flag ${arg}, not: ${value}`;
      } else {
        if (index < 0) return `Missing a value on flag: ${arg}`;
        if (flag.type === 'string') flag.value = value;
        else flag.values.push(value);
      }
    }
    return undefined;
  }
}
