import { describe, expect, it } from 'vitest';
import { isSecureRegistry } from './daemon-config';
import { loadRegistrySettings, validateMirror } from './registry-config';

describe('registry settings as dockerd 20.10 loads them when it starts', () => {
  it('normalizes and deduplicates mirrors; refuses what dockerd refuses', () => {
    expect(loadRegistrySettings(['https://hub-mirror.c.163.com', 'https://mirror.baidubce.com/', 'https://hub-mirror.c.163.com/'], [])).toMatchObject({
      mirrors: ['https://hub-mirror.c.163.com/', 'https://mirror.baidubce.com/'],
    });
    expect(validateMirror('hub-mirror.c.163.com')).toEqual({ error: 'invalid mirror: unsupported scheme "" in "hub-mirror.c.163.com"' });
    expect(validateMirror('file:///x')).toEqual({ error: 'invalid mirror: unsupported scheme "file" in "file:///x"' });
    expect(validateMirror('https://a.com/path')).toEqual({ error: 'invalid mirror: path, query, or fragment at end of the URI "https://a.com/path"' });
    expect(validateMirror('https://u:p@a.com')).toEqual({ error: 'invalid mirror: username/password not allowed in URI "https://u:xxxxx@a.com"' });
  });

  it('insecure registries: names, networks, 127.0.0.0/8 last; http:// is stripped with a warning', () => {
    const s = loadRegistrySettings([], ['192.168.199.100:5000', '10.0.0.0/8', 'myregistry.local:5000', 'http://192.168.1.10:5000']);
    expect(s).toEqual({
      mirrors: [],
      insecureCidrs: ['10.0.0.0/8', '127.0.0.0/8'],
      insecureNames: ['192.168.199.100:5000', 'myregistry.local:5000', '192.168.1.10:5000'],
      warnings: ["insecure registry http://192.168.1.10:5000 should not contain 'http://' and 'http://' has been removed from the insecure registry config"],
    });
    expect(loadRegistrySettings([], ['a b'])).toEqual({ error: 'insecure registry a b is not valid: invalid host "a b"' });
    expect(loadRegistrySettings([], ['http://'])).toEqual({ error: 'insecure registry  is not valid: invalid host ""' });
    expect(loadRegistrySettings([], ['ftp://x:1'])).toEqual({ error: "insecure registry ftp://x:1 should not contain '://'" });
  });

  it('a registry is secure (HTTPS) unless named or inside an insecure network', () => {
    const cfg = { insecureCidrs: ['127.0.0.0/8', '10.0.0.0/8'], insecureNames: ['192.168.199.100:5000'] };
    expect(isSecureRegistry(cfg, '127.0.0.1:5000')).toBe(false);
    expect(isSecureRegistry(cfg, 'localhost:5000')).toBe(false);
    expect(isSecureRegistry(cfg, '10.1.2.3:5000')).toBe(false);
    expect(isSecureRegistry(cfg, '192.168.199.100:5000')).toBe(false);
    expect(isSecureRegistry(cfg, '192.168.199.100:5001')).toBe(true);
    expect(isSecureRegistry(cfg, 'registry.example.com')).toBe(true);
  });
});
