/**
 * `FROM --platform=…` (containerd platforms.Parse as vendored by moby
 * 20.10): which specifiers parse, and the error texts of those that do not
 * (checked on Docker 20.10.24: `failed to parse platform foo: "foo": unknown
 * operating system or architecture: invalid argument`). A valid platform
 * changes nothing here: the stand-in Hub serves linux/amd64 images only.
 */

const COMPONENT = /^[A-Za-z0-9_-]+$/;

const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris',
  'windows', 'zos',
]);

const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le',
  'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);

const ARCH_ALIASES: Record<string, string> = { i386: '386', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm' };

const normalizeOS = (os: string) => (os.toLowerCase() === 'macos' ? 'darwin' : os.toLowerCase());
const normalizeArch = (arch: string) => ARCH_ALIASES[arch.toLowerCase()] ?? arch.toLowerCase();

/** platforms.Parse: undefined when `specifier` parses, else the error text (with errdefs' ": invalid argument") */
export function platformParseError(specifier: string): string | undefined {
  const invalid = (why: string) => `${why}: invalid argument`;
  if (specifier.includes('*')) return invalid(`${JSON.stringify(specifier)}: wildcards not yet supported`);
  const parts = specifier.split('/');
  for (const part of parts) {
    if (!COMPONENT.test(part)) {
      return invalid(
        `${JSON.stringify(part)} is an invalid component of ${JSON.stringify(specifier)}: platform specifier component must match "${COMPONENT.source}"`,
      );
    }
  }
  if (parts.length === 1) {
    const only = parts[0] as string;
    if (KNOWN_OS.has(normalizeOS(only)) || KNOWN_ARCH.has(normalizeArch(only))) return undefined;
    return invalid(`${JSON.stringify(specifier)}: unknown operating system or architecture`);
  }
  if (parts.length <= 3) return undefined;
  return invalid(`${JSON.stringify(specifier)}: cannot parse platform specifier`);
}
