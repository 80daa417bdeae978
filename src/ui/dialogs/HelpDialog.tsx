/** The keyboard shortcuts of the sandbox and of its terminals. */
import { APP_SHORTCUTS, TERMINAL_SHORTCUTS } from '../layout/shortcuts';
import { useT } from '../use-t';
import { Dialog } from './Dialog';

export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const table = (caption: string, rows: typeof APP_SHORTCUTS) => (
    <table className="shortcuts">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.keys}>
            <th scope="row">
              {r.keys.split(' / ').map((k, i) => (
                <span key={k}>
                  {i > 0 && ' / '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </th>
            <td>{t.shortcutText[r.what]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Dialog open={open} title={t.helpTitle} onClose={onClose} closeLabel={t.close} className="help-dialog">
      <div className="shortcut-columns">
        {table(t.helpApp, APP_SHORTCUTS)}
        {table(t.helpTerminal, TERMINAL_SHORTCUTS)}
      </div>
      <p className="help-mouse">{t.helpMouse}</p>
    </Dialog>
  );
}
