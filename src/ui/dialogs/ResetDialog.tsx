/** "Reset the sandbox?" — the confirmation before everything goes. */
import { useT } from '../use-t';
import { Dialog } from './Dialog';

export function ResetDialog({ open, onClose, onConfirm }: { open: boolean; onClose(): void; onConfirm(): void }) {
  const t = useT();
  return (
    <Dialog
      open={open}
      title={t.resetTitle}
      onClose={onClose}
      alert
      closeLabel={t.close}
      actions={
        <>
          {/* biome-ignore lint/a11y/noAutofocus: the safe choice gets the focus when the dialog opens */}
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t.cancel}
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              onConfirm();
              onClose();
            }}
          >
            {t.resetConfirm}
          </button>
        </>
      }
    >
      <p>{t.resetText}</p>
    </Dialog>
  );
}
