/**
 * moby builder/dockerfile/buildargs.go: which --build-arg values an ARG
 * makes visible, the meta ARGs before FROM, and the "not consumed" warning.
 */
const BUILTIN = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy']);

/** value undefined = ARG without default; options value null = `--build-arg X` with no X in the environment */
export class BuildArgs {
  allowed = new Map<string, string | undefined>();
  meta = new Map<string, string | undefined>();
  referenced = new Set<string>();

  constructor(readonly fromOptions: ReadonlyMap<string, string | null>) {}

  clone(): BuildArgs {
    const r = new BuildArgs(this.fromOptions);
    r.allowed = new Map(this.allowed);
    r.meta = new Map(this.meta);
    r.referenced = new Set(this.referenced);
    return r;
  }

  mergeReferenced(other: BuildArgs): void {
    for (const k of other.referenced) this.referenced.add(k);
  }

  /** "[Warning] One or more build-args [W Z] were not consumed\n", or '' */
  unusedWarning(): string {
    const left = [...this.fromOptions.keys()].filter((k) => !BUILTIN.has(k) && !this.referenced.has(k)).sort();
    return left.length > 0 ? `[Warning] One or more build-args [${left.join(' ')}] were not consumed\n` : '';
  }

  resetAllowed(): void {
    this.allowed = new Map();
  }

  addMetaArg(key: string, value: string | undefined): void {
    this.meta.set(key, value);
  }

  addArg(key: string, value: string | undefined): void {
    this.allowed.set(key, value);
    this.referenced.add(key);
  }

  isReferencedOrNotBuiltin(key: string): boolean {
    return this.allowed.has(key) || !BUILTIN.has(key);
  }

  private get(key: string, mapping: Map<string, string | undefined>): string | undefined {
    const opt = this.fromOptions.get(key);
    if (opt !== undefined && opt !== null) return opt;
    const def = mapping.get(key);
    return def === undefined ? this.meta.get(key) : def;
  }

  private all(mapping: Map<string, string | undefined>): Map<string, string> {
    const out = new Map<string, string>();
    for (const key of new Set([...mapping.keys(), ...BUILTIN])) {
      const v = this.get(key, mapping);
      if (v !== undefined) out.set(key, v);
    }
    return out;
  }

  allAllowed(): Map<string, string> {
    return this.all(this.allowed);
  }

  allMeta(): Map<string, string> {
    return this.all(this.meta);
  }

  /** FilterAllowed: allowed args not already in the config's Env, as K=V */
  filterAllowed(env: readonly string[] | null): string[] {
    const keys = new Set((env ?? []).map((e) => (e.includes('=') ? e.slice(0, e.indexOf('=')) : e)));
    const out: string[] = [];
    for (const [k, v] of this.allAllowed()) if (!keys.has(k)) out.push(`${k}=${v}`);
    return out;
  }
}
