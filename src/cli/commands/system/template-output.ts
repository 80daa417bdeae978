/**
 * `--format` for list commands, the way docker/cli's formatter.Context does
 * it: "table" alone = the command's default table; "table <tmpl>" = a header
 * (the template over the column names) plus one row per item through the
 * tabwriter; anything else = the template once per item, each followed by a
 * newline. `\t` and `\n` typed literally become tab and newline.
 */
import { CliError } from '../../framework/command';
import { tabwrite } from '../../format/tabwriter';
import { goStruct, parseTemplate, renderHeader, type Template, TemplateError } from '../../format/template';

function compile(format: string): { tmpl: Template; isTable: boolean } {
  const isTable = format.startsWith('table');
  let text = isTable ? format.slice('table'.length) : format;
  text = text.replace(/^ +| +$/g, '').replaceAll('\\t', '\t').replaceAll('\\n', '\n');
  try {
    return { tmpl: parseTemplate(text), isTable };
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`);
    throw err;
  }
}

/**
 * Render items with a user format. `rows` are plain objects of the columns a
 * template may use (functions are methods taking arguments, like `.Label "k"`);
 * `typeName` is the Go type docker's errors name ("*formatter.volumeContext").
 */
export function formatRows(format: string, rows: Record<string, unknown>[], header: Record<string, string>, typeName = '*formatter.context'): string {
  const { tmpl, isTable } = compile(format);
  let body = '';
  for (const row of rows) {
    try {
      body += `${tmpl.execute(goStruct({ ...row }, typeName))}\n`;
    } catch (err) {
      if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`);
      throw err;
    }
  }
  if (!isTable) return body;
  return tabwrite(`${renderHeader(tmpl, header)}\n${body}`);
}

/** one value through a template (docker version/info/events --format): output plus "\n" */
export function formatValue(format: string, value: unknown, parseStatus = 64): string {
  let tmpl: Template;
  try {
    tmpl = parseTemplate(format);
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`, parseStatus);
    throw err;
  }
  try {
    return `${tmpl.execute(value)}\n`;
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(err.message);
    throw err;
  }
}
