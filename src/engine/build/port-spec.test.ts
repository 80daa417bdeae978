import { describe, expect, it } from 'vitest';
import { exposedPortSpecs } from './port-spec';

describe('EXPOSE port specs (nat.ParsePortSpecs)', () => {
  it('keeps the container ports of every accepted form', () => {
    expect(exposedPortSpecs(['80', '80/', '53/UDP', '8000-8002', '0080', '0.0.0.0:80:81', ':82', '8080:83/tcp', '[::1]:84:84'])).toEqual([
      '80/tcp',
      '53/udp',
      '8000/tcp',
      '8001/tcp',
      '8002/tcp',
      '81/tcp',
      '82/tcp',
      '83/tcp',
      '84/tcp',
    ]);
  });

  it('fails with go-connections texts', () => {
    expect(() => exposedPortSpecs(['99999'])).toThrow('Invalid containerPort: 99999');
    expect(() => exposedPortSpecs(['3000-1000'])).toThrow('Invalid containerPort: 3000-1000');
    expect(() => exposedPortSpecs(['-1'])).toThrow('Invalid containerPort: -1');
    expect(() => exposedPortSpecs(['abc'])).toThrow('Invalid containerPort: abc');
    expect(() => exposedPortSpecs(['80/xyz'])).toThrow('Invalid proto: xyz');
    expect(() => exposedPortSpecs(['/80'])).toThrow('No port specified: /80<empty>');
    expect(() => exposedPortSpecs(['x:80'])).toThrow('Invalid hostPort: x');
    expect(() => exposedPortSpecs(['1.2.3:80:80'])).toThrow('Invalid ip address: 1.2.3');
    expect(() => exposedPortSpecs(['80:90-91'])).toThrow('Invalid ranges specified for container and host Ports: 90-91 and 80');
  });
});
