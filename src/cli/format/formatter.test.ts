import { describe, expect, it } from 'vitest';
import { CliError } from '../framework/command';
import { finalFormat, formatRows, headerLabel, isTableFormat, resolveFormat } from './formatter';

const HEADER = { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', Size: 'SIZE' };
const DEFAULT_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const T = '*formatter.imageContext';
const rows = [
  { Repository: 'archive-test/imp', Tag: 'v1', ID: '235efd32eb2f', CreatedSince: '3 minutes ago', Size: '300kB' },
  { Repository: 'busybox', Tag: 'latest', ID: '4ca6d8d59ebe', CreatedSince: '8 minutes ago', Size: '1.99MB' },
];

function err(fn: () => unknown): CliError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('no error');
}

// Expected outputs are those of a real docker 20.10.24 `docker images --format …`.
describe('formatRows (formatter.Context.Write)', () => {
  it('prints the default table', () => {
    expect(formatRows(resolveFormat('', { table: DEFAULT_TABLE }), rows, HEADER, { typeName: T })).toBe(
      'REPOSITORY         TAG       IMAGE ID       CREATED         SIZE\n' +
        'archive-test/imp   v1        235efd32eb2f   3 minutes ago   300kB\n' +
        'busybox            latest    4ca6d8d59ebe   8 minutes ago   1.99MB\n',
    );
  });
  it('table with a user template, literal \\t', () => {
    expect(formatRows('table {{.Repository}}\\t{{.ID}}', rows, HEADER, { typeName: T })).toBe(
      'REPOSITORY         IMAGE ID\narchive-test/imp   235efd32eb2f\nbusybox            4ca6d8d59ebe\n',
    );
  });
  it('raw template: one line per row, tabs kept', () => {
    expect(formatRows('{{.Repository}}\\t{{.ID}}', rows, HEADER, { typeName: T })).toBe(
      'archive-test/imp\t235efd32eb2f\nbusybox\t4ca6d8d59ebe\n',
    );
    expect(formatRows('json', rows, HEADER, { typeName: T })).toBe('json\njson\n');
    expect(formatRows(' table {{.ID}}', rows, HEADER, { typeName: T })).toBe('table 235efd32eb2f\ntable 4ca6d8d59ebe\n');
    expect(formatRows('{{.ID}}  ', rows, HEADER, { typeName: T })).toBe('235efd32eb2f\n4ca6d8d59ebe\n');
  });
  it('\\n in a table template makes header and rows two lines', () => {
    expect(formatRows('table {{.ID}}\\n{{.Tag}}', rows, HEADER, { typeName: T })).toBe(
      'IMAGE ID\nTAG\n235efd32eb2f\nv1\n4ca6d8d59ebe\nlatest\n',
    );
  });
  it('header: missing keys print <no value>, header functions are identities, errors keep partial output', () => {
    expect(formatRows('table {{.Foo}}', [], HEADER, { typeName: T })).toBe('<no value>\n');
    expect(formatRows('table {{.ID}} {{upper .Repository}}', [], HEADER, { typeName: T })).toBe('IMAGE ID REPOSITORY\n');
    expect(formatRows('table {{json .}}|{{.ID}}', [], HEADER, { typeName: T })).toBe('\n');
    expect(formatRows('table {{.Label "com.example.some-label"}}', [], HEADER)).toBe('some label\n');
  });
  it('reports template errors as docker does (exit 1)', () => {
    const e1 = err(() => formatRows('{{.Foo}}', rows, HEADER, { typeName: T }));
    expect(e1.message).toBe(
      'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.imageContext',
    );
    expect(e1.status).toBe(1);
    expect(err(() => formatRows('table {{.Foo}}\\t{{.ID}}', rows, HEADER, { typeName: T })).message).toBe(
      'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.imageContext',
    );
    expect(err(() => formatRows('{{.ID', rows, HEADER, { typeName: T })).message).toBe(
      'template parsing error: template: :1: unclosed action',
    );
  });
});

describe('format helpers', () => {
  it('resolveFormat', () => {
    expect(resolveFormat('', { table: DEFAULT_TABLE })).toBe(DEFAULT_TABLE);
    expect(resolveFormat('table', { table: DEFAULT_TABLE }, true)).toBe('{{.ID}}');
    expect(resolveFormat('raw', { table: DEFAULT_TABLE, raw: 'id: {{.ID}}\\n' })).toBe('id: {{.ID}}\\n');
    expect(resolveFormat('raw', { table: DEFAULT_TABLE })).toBe('raw');
    expect(resolveFormat('{{.ID}}', { table: DEFAULT_TABLE }, true)).toBe('{{.ID}}');
  });
  it('finalFormat / isTableFormat / headerLabel', () => {
    expect(finalFormat('table  {{.ID}}\\t{{.Tag}} ')).toBe('{{.ID}}\t{{.Tag}}');
    expect(isTableFormat('tablex')).toBe(true);
    expect(isTableFormat(' table')).toBe(false);
    expect(headerLabel('com.docker.compose_project')).toBe('compose project');
  });
});
