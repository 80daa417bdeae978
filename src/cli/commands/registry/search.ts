import { CliError, type CommandSpec } from '../../framework/command';
import { ellipsis, renderFormat, type Row } from '../image/format';
import { parseFilters } from '../system/cli-output';
import { authFor } from './auth-config';

const HEADERS = { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL', IsAutomated: 'AUTOMATED' };
const DEFAULT = 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}\t{{.IsAutomated}}';

export const searchCommand: CommandSpec = {
  use: 'search [OPTIONS] TERM',
  short: 'Search the Docker Hub for images',
  args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
    { name: 'limit', type: 'int', usage: 'Max number of search results', default: 25 },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  ],
  async run(ctx, flags, args) {
    const filters = parseFilters(ctx, flags.list('filter'));
    const term = args[0];
    const domain = /^[^/]*[.:][^/]*\//.test(term) || term.startsWith('localhost/') ? term.split('/')[0] : 'docker.io';
    let results: Awaited<ReturnType<typeof ctx.client.imageSearch>>;
    try {
      results = await ctx.client.imageSearch(term, {
        limit: flags.changed.has('limit') ? flags.int('limit') : 25,
        filters,
        auth: authFor(ctx, domain),
      });
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
    const sorted = [...results].sort((a, b) => b.star_count - a.star_count);
    const noTrunc = flags.bool('no-trunc');
    const rows: Row[] = sorted.map((r) => {
      const desc = r.description.replace(/\n/g, ' ');
      return {
        Name: r.name,
        Description: noTrunc ? desc : ellipsis(desc, 45),
        StarCount: String(r.star_count),
        IsOfficial: r.is_official ? '[OK]' : '',
        IsAutomated: r.is_automated ? '[OK]' : '',
      };
    });
    ctx.io.stdout.write(renderFormat(flags.string('format'), DEFAULT, HEADERS, rows, '*formatter.searchContext'));
  },
};
