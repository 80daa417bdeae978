import { describe, expect, it } from 'vitest';
import type { FlagSpec } from './command';
import { FlagSet, parseFlags } from './flags';

const RUN_FLAGS: FlagSpec[] = [
  { name: 'detach', short: 'd', type: 'bool', usage: 'Run container in background and print container ID' },
  { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
  { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
  { name: 'rm', type: 'bool', usage: 'Automatically remove the container when it exits' },
  { name: 'name', type: 'string', usage: 'Assign a name to the container' },
  { name: 'publish', short: 'p', type: 'list', usage: "Publish a container's port(s) to the host" },
  { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
  { name: 'hostname', short: 'h', type: 'string', usage: 'Container host name' },
  { name: 'help', type: 'bool', usage: 'Print usage' },
  { name: 'sig-proxy', type: 'bool', usage: 'Proxy received signals to the process', default: true },
  { name: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit' },
  { name: 'health-interval', type: 'duration', usage: 'Time between running the check (ms|s|m|h)' },
  { name: 'cache-from', type: 'stringSlice', usage: 'Images to consider as cache sources' },
];
const STOP_FLAGS: FlagSpec[] = [
  { name: 'time', short: 't', type: 'int', usage: 'Seconds to wait for stop before killing it', default: 10 },
];
const PS_FLAGS: FlagSpec[] = [
  { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
  { name: 'last', short: 'n', type: 'int', usage: 'Show n last created containers (includes all states)', default: -1 },
  {
    name: 'filter',
    short: 'f',
    type: 'list',
    valueName: 'filter',
    usage: 'Filter output based on conditions provided',
    validate: (v) => (v === '' || v.includes('=') ? undefined : 'bad format of filter (expected name=value)'),
  },
];

const run = (argv: string[]) => parseFlags(new FlagSet(RUN_FLAGS), argv, { interspersed: false });
const stop = (argv: string[]) => parseFlags(new FlagSet(STOP_FLAGS), argv, { interspersed: true });
const ps = (argv: string[]) => parseFlags(new FlagSet(PS_FLAGS), argv, { interspersed: true });

describe('parseFlags (pflag semantics)', () => {
  it('stops at the first positional when not interspersed (docker run)', () => {
    const r = run(['-it', '--rm', 'ubuntu', 'ls', '-la']);
    expect(r.args).toEqual(['ubuntu', 'ls', '-la']);
    expect(r.flags.bool('interactive')).toBe(true);
    expect(r.flags.bool('tty')).toBe(true);
    expect(r.flags.bool('rm')).toBe(true);
    expect(r.flags.bool('detach')).toBe(false);
  });
  it('bools never take the next argument', () => {
    const r = run(['-d', 'nginx']);
    expect(r.flags.bool('detach')).toBe(true);
    expect(r.args).toEqual(['nginx']);
  });
  it('accepts --name=x, --name x, -p80:80, -p 80:80 and -e=A', () => {
    const r = run(['--name=web', '-p80:80', '-p', '8080:8080', '--publish=1:1', '-e=A=1', '-e', 'B', 'nginx']);
    expect(r.flags.string('name')).toBe('web');
    expect(r.flags.list('publish')).toEqual(['80:80', '8080:8080', '1:1']);
    expect(r.flags.list('env')).toEqual(['A=1', 'B']);
    expect(r.flags.changed.has('name')).toBe(true);
    expect(r.flags.changed.has('rm')).toBe(false);
    const r2 = run(['--name', 'web', 'nginx']);
    expect(r2.flags.string('name')).toBe('web');
  });
  it('takes a value attached to the last letter of a group (-dp80:80)', () => {
    const r = run(['-dp80:80', 'nginx']);
    expect(r.flags.bool('detach')).toBe(true);
    expect(r.flags.list('publish')).toEqual(['80:80']);
  });
  it('parses explicit bool values', () => {
    const r = run(['--rm=false', '-d=true', '--sig-proxy=false', 'x']);
    expect(r.flags.bool('rm')).toBe(false);
    expect(r.flags.bool('detach')).toBe(true);
    expect(r.flags.bool('sig-proxy')).toBe(false);
    expect(r.flags.changed.has('rm')).toBe(true);
    expect(run(['x']).flags.bool('sig-proxy')).toBe(true);
  });
  it('-- ends the flags', () => {
    const r = ps(['-a', '--', '-n', 'x']);
    expect(r.flags.bool('all')).toBe(true);
    expect(r.args).toEqual(['-n', 'x']);
  });
  it('a lone - is a positional', () => {
    expect(ps(['-']).args).toEqual(['-']);
  });
  it('intersperses flags and args by default', () => {
    const r = ps(['x', '-a', 'y']);
    expect(r.args).toEqual(['x', 'y']);
    expect(r.flags.bool('all')).toBe(true);
  });
  it('parses ints like strconv.ParseInt(s, 0, 64) and takes "-1" as a value', () => {
    expect(stop(['-t', '5']).flags.int('time')).toBe(5);
    expect(stop(['--time=0x10']).flags.int('time')).toBe(16);
    expect(stop(['-t', '010']).flags.int('time')).toBe(8);
    expect(stop([]).flags.int('time')).toBe(10);
    expect(ps(['-n', '-1']).flags.int('last')).toBe(-1);
    expect(ps(['-n3']).flags.int('last')).toBe(3);
  });
  it('parses bytes, durations and string slices', () => {
    const r = run(['-m', '64m', '--health-interval', '1m30s', '--cache-from', 'a,b', '--cache-from', 'c', 'x']);
    expect(r.flags.int('memory')).toBe(64 * 1024 * 1024);
    expect(r.flags.duration('health-interval')).toBe(90_000);
    expect(r.flags.list('cache-from')).toEqual(['a', 'b', 'c']);
  });
  it('uses -h for the command flag when the command has one (docker run -h HOST)', () => {
    const r = run(['-h', 'myhost', 'x']);
    expect(r.flags.string('hostname')).toBe('myhost');
    expect(r.notices).toEqual([]);
  });
  it('treats -h as the deprecated help shorthand elsewhere', () => {
    const r = ps(['-h']);
    expect(r.flags.bool('help')).toBe(true);
    expect(r.notices).toEqual(['Flag shorthand -h has been deprecated, please use --help']);
    expect(ps(['--help']).notices).toEqual([]);
    expect(ps(['--help=false']).flags.bool('help')).toBe(false);
  });
});

describe('parseFlags errors (pflag texts)', () => {
  const err = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  it.each([
    [['--nmae', 'x'], 'unknown flag: --nmae'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-ax'], "unknown shorthand flag: 'x' in -x"],
    [['---x'], 'bad flag syntax: ---x'],
    [['--=x'], 'bad flag syntax: --=x'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['-an'], "flag needs an argument: 'n' in -n"],
    [['--last'], 'flag needs an argument: --last'],
    [['--all=foo'], 'invalid argument "foo" for "-a, --all" flag: strconv.ParseBool: parsing "foo": invalid syntax'],
    [['-n', 'abc'], 'invalid argument "abc" for "-n, --last" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [
      ['-n', '99999999999999999999'],
      'invalid argument "99999999999999999999" for "-n, --last" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    ],
    [['--help=foo'], 'invalid argument "foo" for "--help" flag: strconv.ParseBool: parsing "foo": invalid syntax'],
    [['-f', 'dangling'], 'invalid argument "dangling" for "-f, --filter" flag: bad format of filter (expected name=value)'],
  ])('%j → %s', (argv, want) => {
    expect(err(() => ps(argv))).toBe(want);
  });
  it('reports the flag of docker stop -t abc', () => {
    expect(err(() => stop(['-t', 'abc', 'x']))).toBe(
      'invalid argument "abc" for "-t, --time" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    );
  });
  it('reports bad bytes, durations and csv', () => {
    expect(err(() => run(['-m', 'lots', 'x']))).toBe('invalid argument "lots" for "-m, --memory" flag: invalid size: \'lots\'');
    expect(err(() => run(['--health-interval', '10', 'x']))).toBe(
      'invalid argument "10" for "--health-interval" flag: time: missing unit in duration "10"',
    );
    expect(err(() => run(['--health-interval', 'abc', 'x']))).toBe(
      'invalid argument "abc" for "--health-interval" flag: time: invalid duration "abc"',
    );
    expect(err(() => run(['--cache-from', 'a"b', 'x']))).toBe(
      'invalid argument "a\\"b" for "--cache-from" flag: parse error on line 1, column 2: bare " in non-quoted field',
    );
  });
});
