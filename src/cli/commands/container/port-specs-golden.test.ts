/**
 * parsePortSpecs on small random -p lists, against what it returned before
 * its ranges were parsed without a lookup per port (the golden file was
 * written by the former code): the maps, their key order, the errors.
 */
import { describe, expect, it } from 'vitest';
import { xorshift } from '../../../lib/xorshift';
import { parsePortSpecs } from './port-specs';

const rng = xorshift;

/** the first `good` values of each list are valid, the rest are picked once in a while */
const IPS = ['', '', '', '127.0.0.1:', '0.0.0.0:', '[::1]:', '::1:', '300.1.1.1:'];
const HOSTS = ['', '', '8080:', '8080-8082:', '8081-8083:', '80:', ':', '1-3:', '8080-8080:', '9-8:', '99999:'];
const CONTAINERS = ['80', '81', '80-82', '81-83', '8080', '1-3', '2-2', '3-1', '', 'x'];
const PROTOS = ['', '', '/tcp', '/udp', '/UDP', '/sctp', '/', '/ftp'];
const GOOD = { ips: 7, hosts: 9, containers: 7, protos: 7 };

function pick(r: (n: number) => number, list: string[], good: number): string {
  return list[r(12) === 0 ? r(list.length) : r(good)] as string;
}

function randomSpecs(r: (n: number) => number): string[] {
  const specs: string[] = [];
  for (let n = 1 + r(4); n > 0; n--) {
    specs.push(`${pick(r, IPS, GOOD.ips)}${pick(r, HOSTS, GOOD.hosts)}${pick(r, CONTAINERS, GOOD.containers)}${pick(r, PROTOS, GOOD.protos)}`);
  }
  return specs;
}

describe('parsePortSpecs on random specs', () => {
  it('parses and refuses as the former code did', async () => {
    const r = rng(11);
    const lines: string[] = [];
    for (let i = 0; i < 600; i++) {
      const specs = randomSpecs(r);
      let out: string;
      try {
        out = JSON.stringify(parsePortSpecs(specs));
      } catch (err) {
        out = `error: ${(err as Error).message}`;
      }
      lines.push(`${JSON.stringify(specs)} ${out}`);
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./port-specs-golden.txt');
  });
});
