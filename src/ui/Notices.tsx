/** The store's message for the learner (import refused, reset done) and storage problems, under the top bar. */
import { useSandbox } from './use-sandbox';
import { useT } from './use-t';

export function Notices() {
  const t = useT();
  const notice = useSandbox((s) => s.notice);
  const storageError = useSandbox((s) => s.storageError);
  const dismiss = useSandbox((s) => s.dismissNotice);
  if (!notice && !storageError) return null;
  return (
    <div className="notices">
      {notice && (
        <div className={`notice ${notice.level}`} role={notice.level === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" className="icon-button" aria-label={t.dismiss} title={t.dismiss} onClick={dismiss}>
            ×
          </button>
        </div>
      )}
      {storageError && (
        <div className="notice warning" role="alert">
          <span>
            {t.storageProblem} {storageError}
          </span>
        </div>
      )}
    </div>
  );
}
