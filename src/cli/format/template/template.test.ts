import { describe, expect, it } from 'vitest';
import { type ExecError, GoFloat, goMap, goStruct, HEADER_FUNCS, NilPointer, parseTemplate, renderHeader, TemplateError } from './index';

function run(text: string, data: unknown): string {
  return parseTemplate(text).execute(data);
}
function err(text: string, data: unknown = {}): string {
  try {
    parseTemplate(text).execute(data);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

const mounts = [
  {
    Type: 'volume',
    Name: 'my-vol',
    Source: '/var/lib/docker/volumes/my-vol/_data',
    Destination: '/usr/share/nginx/html',
    Driver: 'local',
    Mode: 'z',
    RW: true,
    Propagation: '',
  },
];
const inspect = {
  Id: 'fa0c1e6b2f',
  Author: 'Tao Wang <twang2218@gmail.com>',
  Comment: '修改了默认网页',
  Mounts: mounts,
  State: { Status: 'running', Running: true, Pid: 1234, ExitCode: 0 },
  Config: { Image: 'nginx:alpine', Env: ['PATH=/usr/bin', 'A=1'], Cmd: ['nginx', '-g', 'daemon off;'], Labels: { maintainer: 'NGINX', b: 'x' } },
  NetworkSettings: { IPAddress: '172.17.0.2', Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '32768' }] } },
  HostConfig: { Links: null, ShmSize: 67108864 },
};

class ContainerContext {
  constructor(private readonly c: { id: string; names: string[]; labels: Record<string, string>; state: string }) {}
  ID(): string {
    return this.c.id.slice(0, 12);
  }
  Names(): string {
    return this.c.names.join(',');
  }
  State(): string {
    return this.c.state;
  }
  Label(name: string): string {
    return this.c.labels[name] ?? '';
  }
  Labels(): string {
    return Object.entries(this.c.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  }
}
const row = goStruct(
  new ContainerContext({ id: 'ae004722e5be1234', names: ['web'], labels: { 'com.example.version': '0.1' }, state: 'running' }),
  '*formatter.ContainerContext',
);

describe("docker's common formats", () => {
  it('docker ps / images style rows', () => {
    expect(run('{{.ID}}\t{{.Names}}', row)).toBe('ae004722e5be\tweb');
    expect(run('{{.Label "com.example.version"}}|{{.Label "nope"}}|', row)).toBe('0.1||');
    expect(run('{{if eq .State "running"}}up{{else}}down{{end}}', row)).toBe('up');
    expect(run('{{upper .Names}} {{truncate .ID 5}} {{printf "%-10s|" .Names}}', row)).toBe('WEB ae004 web       |');
  });
  it('docker inspect -f', () => {
    expect(run('{{json .Mounts}}', inspect)).toBe(
      '[{"Type":"volume","Name":"my-vol","Source":"/var/lib/docker/volumes/my-vol/_data","Destination":"/usr/share/nginx/html","Driver":"local","Mode":"z","RW":true,"Propagation":""}]',
    );
    expect(run('{{.Author}} / {{.Comment}}', inspect)).toBe('Tao Wang <twang2218@gmail.com> / 修改了默认网页');
    expect(run('{{.NetworkSettings.IPAddress}}', inspect)).toBe('172.17.0.2');
    expect(run('{{.State.Status}} {{.Config.Image}}', inspect)).toBe('running nginx:alpine');
    expect(run('{{range .Mounts}}{{.Source}} {{end}}', inspect)).toBe('/var/lib/docker/volumes/my-vol/_data ');
    expect(run('{{join .Config.Cmd " "}}', inspect)).toBe('nginx -g daemon off;');
    expect(run('{{index .Config.Labels "maintainer"}}', inspect)).toBe('NGINX');
    expect(run('{{range $p, $b := .NetworkSettings.Ports}}{{$p}} -> {{(index $b 0).HostPort}}{{end}}', inspect)).toBe('80/tcp -> 32768');
    expect(run('{{.State.Pid}} {{.HostConfig.ShmSize}} {{.State.Running}}', inspect)).toBe('1234 67108864 true');
    expect(run('{{.Config.Env}} {{.Config.Labels}}', inspect)).toBe('[PATH=/usr/bin A=1] map[b:x maintainer:NGINX]');
    expect(run('{{json .Config.Labels}} {{json .State}}', inspect)).toBe(
      '{"maintainer":"NGINX","b":"x"} {"Status":"running","Running":true,"Pid":1234,"ExitCode":0}',
    );
  });
});

describe('Go values from JS data', () => {
  it('maps: missing keys and nil values print <no value>, print shows <nil>', () => {
    expect(run('{{.Nope}}|{{.HostConfig.Links}}|{{print .HostConfig.Links}}|{{index .HostConfig "Links"}}', inspect)).toBe(
      '<no value>|<no value>|<nil>|<no value>',
    );
    expect(run('{{.Config.Labels.nope.deeper}}', inspect)).toBe('<no value>');
    expect(run('{{html .Nope}} {{len .Config.Labels}}', inspect)).toBe('&lt;no value&gt; 2');
  });
  it('missingkey=error, as docker inspect uses on the raw JSON', () => {
    const t = parseTemplate('{{.Config.Nope}}').option('missingkey=error');
    expect(() => t.execute(inspect)).toThrow('template: :1:9: executing "" at <.Config.Nope>: map has no entry for key "Nope"');
    expect(() => parseTemplate('{{.A.B}}').option('missingkey=error').execute({})).toThrow('map has no entry for key "A"');
    expect(() => parseTemplate('{{.B}}').option('missingkey=error').execute(undefined)).toThrow('nil data; no entry for key "B"');
    expect(parseTemplate('{{.X}}').option('missingkey=zero').execute(goMap({}, 'map[string]string', ''))).toBe('');
  });
  it('structs: missing fields are errors; nil pointers print <nil>', () => {
    expect(err('{{.Foo}}', row)).toBe('template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext');
    const st = goStruct({ Status: 'exited', Health: null }, 'types.ContainerState');
    expect(run('{{.Health}} {{.}}', st)).toBe('<nil> {exited <nil>}');
    expect(err('{{.Health.Status}}', goStruct({ Health: new NilPointer('*types.Health') }, 'T'))).toBe(
      'template: :1:9: executing "" at <.Health.Status>: nil pointer evaluating *types.Health.Status',
    );
    expect(run('{{printf "%+v" .}}', st)).toBe('{Status:exited Health:<nil>}');
  });
  it('methods: arity and errors', () => {
    expect(err('{{.Label}}', row)).toBe('template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0');
    expect(err('{{.ID "x"}}', row)).toBe('template: :1:2: executing "" at <.ID>: wrong number of args for ID: want 0 got 1');
    class Failing {
      Fail(): string {
        throw new Error('boom');
      }
    }
    const o = new Failing();
    expect(err('x{{.Fail}}', o)).toBe('template: :1:3: executing "" at <.Fail>: error calling Fail: boom');
    expect(run('{{.Label "com.example.version" | printf "%s!"}}', row)).toBe('0.1!');
  });
  it('numbers: ints, floats, bigint', () => {
    expect(run('{{.A}} {{.B}} {{.C}} {{.D}}', { A: 1, B: 1.5, C: new GoFloat(1e6), D: 2n ** 63n - 1n })).toBe('1 1.5 1e+06 9223372036854775807');
    expect(run('{{printf "%T %T %T" .A .B .C}}', { A: 1, B: 1.5, C: new GoFloat(2) })).toBe('int float64 float64');
    expect(run('{{.}}', 67108864)).toBe('67108864');
    expect(run('{{.}}', 6.7108864e7 + 0.5)).toBe('6.71088645e+07');
  });
  it('JS Maps are Go maps (sorted keys)', () => {
    const m = new Map<string, unknown>([
      ['b', 2],
      ['a', [1, 'x']],
    ]);
    expect(run('{{.}} {{.a}} {{json .}} {{range $k, $v := .}}{{$k}};{{end}}', m)).toBe('map[a:[1 x] b:2] [1 x] {"a":[1,"x"],"b":2} a;b;');
  });
  it('truth', () => {
    const d = { z: 0, s: '', e: [], m: {}, n: null, t: 'x', st: goStruct({}, 'S') };
    expect(run('{{if .z}}1{{end}}{{if .s}}2{{end}}{{if .e}}3{{end}}{{if .m}}4{{end}}{{if .n}}5{{end}}{{if .missing}}6{{end}}', d)).toBe('');
    expect(run('{{if .t}}1{{end}}{{if .st}}2{{end}}{{with .t}}{{.}}{{end}}', d)).toBe('12x');
  });
});

describe('control structures', () => {
  it('range over slices, maps (sorted), empty with else, break/continue, variables', () => {
    expect(run('{{range $i, $v := .}}{{$i}}:{{$v}} {{end}}', ['a', 'b'])).toBe('0:a 1:b ');
    expect(run('{{range $k, $v := .}}{{$k}}={{$v}},{{end}}', { b: 1, a: 2, C: 3 })).toBe('C=3,a=2,b=1,');
    expect(run('{{range .}}x{{else}}empty{{end}}', [])).toBe('empty');
    expect(run('{{range .nope}}x{{else}}none{{end}}', {})).toBe('none');
    expect(run('{{range .}}{{if eq . 2}}{{continue}}{{end}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}', [1, 2, 3, 4, 5])).toBe('13');
    expect(run('{{range $v := .}}{{$v}}{{end}}', ['p', 'q'])).toBe('pq');
    expect(run('{{$n := 0}}{{range .}}{{$n = .}}{{end}}{{$n}}', [1, 2, 3])).toBe('3');
    expect(run('{{range .}}{{$}}{{end}}', [1])).toBe('[1]');
  });
  it('range over a number is an error in Go 1.19', () => {
    expect(err('{{range 5}}{{end}}')).toBe('template: :1:8: executing "" at <5>: range can\'t iterate over 5');
  });
  it('if/else if/with', () => {
    const t = '{{if eq . 1}}one{{else if eq . 2}}two{{else}}many{{end}}';
    expect([1, 2, 3].map((n) => run(t, n))).toEqual(['one', 'two', 'many']);
    expect(run('{{with .a}}{{.}}{{else}}no{{end}}', { a: '' })).toBe('no');
    expect(err('{{with 1}}a{{else with 2}}b{{end}}')).toBe('template: :1: unexpected <with> in else');
  });
  it('define / template / block and executeTemplate', () => {
    const t = parseTemplate('{{define "row"}}<{{.}}>{{end}}{{range .}}{{template "row" .}}{{end}}{{block "tail" "!"}}[{{.}}]{{end}}');
    expect(t.execute(['a', 'b'])).toBe('<a><b>[!]');
    expect(t.executeTemplate('row', 'z')).toBe('<z>');
    expect(err('{{template "x"}}')).toBe('template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined');
    expect(() => parseTemplate('{{define "a"}}1{{end}}{{define "a"}}2{{end}}')).toThrow('template: :1: template: multiple definition of template "a"');
  });
  it('trim markers and comments', () => {
    expect(run('a  {{- 1 -}}  b\n{{- /* c */ -}}\n c', null)).toBe('a1bc');
    expect(run('{{-3}} {{- 3}}', null)).toBe('-33');
  });
});

describe('errors', () => {
  it('parse errors carry Go texts', () => {
    const p = (t: string) => {
      try {
        parseTemplate(t);
      } catch (e) {
        expect((e as TemplateError).phase).toBe('parse');
        return (e as Error).message;
      }
      return 'ok';
    };
    expect(p('{{.ID')).toBe('template: :1: unclosed action');
    expect(p('{{foo .ID}}')).toBe('template: :1: function "foo" not defined');
    expect(p('{{ } }}')).toBe('template: :1: unexpected "}" in command');
    expect(p('{{.ID}x}}')).toBe('template: :1: unexpected "}" in operand');
    expect(p('{{)}}')).toBe('template: :1: unexpected ")" in command');
    expect(p('a\n{{.ID\n')).toBe('template: :3: unclosed action started at :2');
    expect(p('{{if .A}}\n{{end')).toBe('template: :2: unclosed action');
    expect(p('{{if 1}}')).toBe('template: :1: unexpected EOF');
    expect(p('{{end}}')).toBe('template: :1: unexpected {{end}}');
    expect(p('{{$x}}')).toBe('template: :1: undefined variable "$x"');
    expect(p('{{"abcdefghijklmnop" "x" | }}')).toBe('ok');
    expect(p('{{range .}}{{.}}{{end}}{{break}}')).toBe('template: :1: {{break}} outside {{range}}');
  });
  it('exec errors carry location, template name and context', () => {
    expect(err('{{.}} {{ index . 5}}', [1])).toBe('template: :1:9: executing "" at <index . 5>: error calling index: index out of range: 5');
    expect(() => parseTemplate('\n  {{.A.B}}', 'n').execute({ A: 'x' })).toThrow(
      'template: n:2:6: executing "n" at <.A.B>: can\'t evaluate field B in type string',
    );
    expect(err('é{{index . 5}}', [1])).toBe('template: :1:4: executing "" at <index . 5>: error calling index: index out of range: 5');
  });
  it('partial output is kept on the error', () => {
    try {
      parseTemplate('ab{{.X.Y}}').execute({ X: 1 });
    } catch (e) {
      expect((e as ExecError).output).toBe('ab');
    }
  });
});

describe('docker functions', () => {
  it('json of nested data, html not escaped, unicode separators escaped', () => {
    expect(run('{{json .}}', { a: '<b>&', n: null, l: [1, 2.5], s: '\u2028' })).toBe('{"a":"<b>&","n":null,"l":[1,2.5],"s":"\\u2028"}');
    expect(run('{{json .}}', goMap({ b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
    expect(run('{{json .}}', { x: Number.NaN })).toBe('');
  });
  it('split/join/title/lower/upper/pad/truncate', () => {
    expect(run('{{split . ":"}} {{join (split . ":") "+"}}', 'a:b')).toBe('[a b] a+b');
    expect(run('{{title .}} {{lower .}} {{upper .}}', 'hello wORLD')).toBe('Hello WORLD hello world HELLO WORLD');
    expect(run('[{{pad . 1 2}}][{{pad "" 1 2}}]', 'x')).toBe('[ x  ][]');
    expect(run('{{truncate . 3}}|{{truncate . 10}}', 'abcdef')).toBe('abc|abcdef');
    expect(err('{{join . ","}}', [1, 2])).toBe('template: :1:7: executing "" at <.>: wrong type for value; expected []string; got []interface {}');
  });
  it('header functions leave column names intact', () => {
    const t = parseTemplate('table {{upper .Names}}\t{{truncate .ID 3}}\t{{json .Status}}\t{{pad .State 1 1}}');
    expect(renderHeader(t, { Names: 'NAMES', ID: 'CONTAINER ID', Status: 'STATUS', State: 'STATE' })).toBe(
      'table NAMES\tCONTAINER ID\tSTATUS\t STATE ',
    );
    expect(t.funcs(HEADER_FUNCS).execute({ Names: 'N', ID: 'I', Status: 'S', State: 'T' })).toBe('table N\tI\tS\t T ');
    expect(renderHeader(parseTemplate('{{.ID}} {{.Nope}}'), { ID: 'CONTAINER ID' })).toBe('CONTAINER ID <no value>');
  });
  it('extra functions can be supplied', () => {
    const t = parseTemplate('{{twice .}}', '', { funcs: { twice: (s: string) => s + s } });
    expect(t.execute('ab')).toBe('abab');
    expect(() => parseTemplate('{{json .}}', '', { dockerFuncs: false })).toThrow('function "json" not defined');
  });
});
