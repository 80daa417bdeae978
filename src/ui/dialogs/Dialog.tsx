/**
 * A modal dialog on the platform's <dialog>: focus moves in and is kept there,
 * Escape closes it, focus goes back where it was when it closes.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  /** buttons at the bottom */
  actions?: ReactNode;
  className?: string;
  /** role="alertdialog" for confirmations */
  alert?: boolean;
  closeLabel: string;
}

export function Dialog({ open, title, onClose, children, actions, className, alert, closeLabel }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement;
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; the keyboard closes the dialog with Escape
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      role={alert ? 'alertdialog' : undefined}
      onClose={() => {
        onClose();
        const el = returnTo.current;
        if (el instanceof HTMLElement) el.focus();
      }}
      onClick={(e) => {
        // a click on the backdrop (the dialog element itself, outside its content box)
        if (e.target === ref.current) ref.current?.close();
      }}
    >
      <div className="dialog-content">
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label={closeLabel} title={closeLabel} onClick={() => ref.current?.close()}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {actions && <footer className="dialog-actions">{actions}</footer>}
      </div>
    </dialog>
  );
}
