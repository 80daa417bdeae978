import { describe, expect, it } from 'vitest';
import { DOCKERD_FLAGS_SET } from '../system/daemon-facts';
import { readDaemonConfigFile } from './config-file';

const PATH = '/etc/docker/daemon.json';
const PREFIX = `unable to configure the Docker daemon with file ${PATH}: `;

function read(text: string) {
  return readDaemonConfigFile(new TextEncoder().encode(text), PATH, DOCKERD_FLAGS_SET);
}

function message(text: string): string {
  const r = read(text);
  return r.ok ? 'ok' : r.message;
}

// texts recorded from dockerd 20.10.24 (test/fixtures/real-host/dockerd-config-files*.txt)
describe('readDaemonConfigFile: what dockerd 20.10 says about daemon.json', () => {
  it.each([
    ['{\n  "registry-mirrors": [\n    "https://hub-mirror.c.163.com",\n  ]\n}\n', "invalid character ']' looking for beginning of value"],
    ['{ "registry-mirror": ["a"], "foo": 1 }\n', "the following directives don't match any configuration option: foo"],
    ['{"debug": {"x": 1}}', "the following directives don't match any configuration option: x"],
    ['{"foo": 1, "debug": "yes"}', "the following directives don't match any configuration option: foo"],
    ['', 'EOF'],
    ['[1,2]', 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
    ['42', 'json: cannot unmarshal number into Go value of type map[string]interface {}'],
    ['"x"', 'json: cannot unmarshal string into Go value of type map[string]interface {}'],
    ['{"mtu": 1e400}', 'json: cannot unmarshal number 1e400 into Go value of type float64'],
    ['{ "debug": "yes" }', 'json: cannot unmarshal string into Go struct field Config.debug of type bool'],
    ['{"debug": 1}', 'json: cannot unmarshal number into Go struct field Config.debug of type bool'],
    ['{ "live-restore": "true" }', 'json: cannot unmarshal string into Go struct field Config.live-restore of type bool'],
    ['{"live-restore": [true]}', 'json: cannot unmarshal array into Go struct field Config.live-restore of type bool'],
    ['{ "registry-mirrors": "https://hub-mirror.c.163.com" }', 'json: cannot unmarshal string into Go struct field Config.registry-mirrors of type []string'],
    ['{"registry-mirrors": [1]}', 'json: cannot unmarshal number into Go struct field Config.registry-mirrors of type string'],
    ['{"insecure-registries": [5000]}', 'json: cannot unmarshal number into Go struct field Config.insecure-registries of type string'],
    ['{"dns": "8.8.8.8"}', 'json: cannot unmarshal string into Go struct field Config.dns of type []string'],
    ['{"labels": "a=b"}', 'json: cannot unmarshal string into Go struct field Config.labels of type []string'],
    ['{"log-opts": {"max-size": 10}}', 'json: cannot unmarshal number into Go struct field Config.log-opts of type string'],
    ['{"max-concurrent-downloads": 1.5}', 'json: cannot unmarshal number 1.5 into Go struct field Config.max-concurrent-downloads of type int'],
    ['{"max-concurrent-downloads": "3"}', 'json: cannot unmarshal string into Go struct field Config.max-concurrent-downloads of type int'],
    ['{"live-restore": "x", "debug": "yes"}', 'json: cannot unmarshal string into Go struct field Config.live-restore of type bool'],
    ['{"debug": "yes", "dns": ["x"]}', 'json: cannot unmarshal string into Go struct field Config.debug of type bool'],
    ['{ "dns": ["8.8.8.8.8"] }', 'configuration validation from file failed: 8.8.8.8.8 is not an ip address'],
    ['{"dns-search": ["-bad"]}', 'configuration validation from file failed: -bad is not a valid domain'],
    ['{"labels": ["novalue"]}', 'configuration validation from file failed: bad attribute format: novalue'],
    ['{"max-concurrent-downloads": -1}', 'configuration validation from file failed: invalid max concurrent downloads: -1'],
    [
      '{"hosts": ["tcp://0.0.0.0:2375", "unix:///var/run/docker.sock"]}',
      'the following directives are specified both as a flag and in the configuration file: hosts: (from flag: [fd://], from file: [tcp://0.0.0.0:2375 unix:///var/run/docker.sock])',
    ],
    [
      '{"containerd": "/x", "hosts": null}',
      'the following directives are specified both as a flag and in the configuration file: containerd: (from flag: /run/containerd/containerd.sock, from file: /x), hosts: (from flag: [fd://], from file: <nil>)',
    ],
  ])('%j', (text, want) => {
    expect(message(text)).toBe(PREFIX + want);
  });

  it('an unknown logging level is reported without the file prefix', () => {
    expect(message('{"log-level": "verbose"}')).toBe('unable to parse logging level: verbose');
  });

  it("accepts the tutorial's \"registry-mirror\" (a dockerd flag name) and ignores it, as dockerd 20.10 does", () => {
    const r = read('{\n  "registry-mirror": [\n    "https://hub-mirror.c.163.com",\n    "https://mirror.baidubce.com"\n  ],\n  "insecure-registries": [\n    "192.168.199.100:5000"\n  ]\n}\n');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.config.registryMirrors).toBeUndefined();
      expect(r.config.insecureRegistries).toEqual(['192.168.199.100:5000']);
    }
  });

  it('accepts what dockerd starts with: extra bytes after the object, repeated keys, null, CRLF, option keys it does not model', () => {
    for (const text of [
      '{ "registry-mirrors": ["https://hub-mirror.c.163.com"] }}\n',
      '{ "registry-mirrors": ["https://a.example.com"], "registry-mirrors": ["https://b.example.com"] }',
      'null',
      '{\r\n"debug": true\r\n}',
      '{"default-address-pools": [{"base": "10.10.0.0/16", "size": 24}], "exec-opts": ["native.cgroupdriver=systemd"], "log-opts": {"max-size": "10m"}, "mtu": -5}',
      '{"label": ["x"], "insecure-registry": ["a:1"], "features": {"buildkit": true}}',
    ]) {
      expect(message(text)).toBe('ok');
    }
    const r = read('{"registry-mirrors": ["https://a.example.com"], "registry-mirrors": ["https://b.example.com"], "debug": true, "log-driver": "local", "labels": ["env=learn"]}');
    expect(r.ok && r.config).toMatchObject({ registryMirrors: ['https://b.example.com'], debug: true, logDriver: 'local', labels: ['env=learn'] });
  });

  it('"graph" is deprecated, and cannot go with "data-root"', () => {
    const r = read('{"graph": "/srv/docker"}');
    expect(r.ok && r.config.dataRoot).toBe('/srv/docker');
    expect(r.ok && r.warnings).toEqual(['The "graph" config file option is deprecated. Please use "data-root" instead.']);
    expect(message('{"graph": "/a", "data-root": "/b"}')).toBe(`${PREFIX}cannot specify both "graph" and "data-root" config file options`);
  });
});
