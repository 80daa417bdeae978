import { describe, expect, it } from 'vitest';
import { platformParseError } from './platform';

describe('FROM --platform (platforms.Parse)', () => {
  it('accepts os, arch, os/arch and os/arch/variant in any case', () => {
    for (const p of ['linux', 'LINUX/AMD64', 'x86_64', 'linux/arm64/v8', 'windows/amd64', 'arm64', 'macos']) expect(platformParseError(p), p).toBeUndefined();
  });

  it("rejects the rest with containerd's texts (checked on Docker 20.10.24)", () => {
    expect(platformParseError('foo')).toBe('"foo": unknown operating system or architecture: invalid argument');
    expect(platformParseError('linux/amd64/v2/x')).toBe('"linux/amd64/v2/x": cannot parse platform specifier: invalid argument');
    expect(platformParseError('a*')).toBe('"a*": wildcards not yet supported: invalid argument');
    expect(platformParseError('linux/')).toBe(
      '"" is an invalid component of "linux/": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument',
    );
    expect(platformParseError('')).toBe('"" is an invalid component of "": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument');
  });
});
