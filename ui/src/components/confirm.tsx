// The one confirmation the console asks before an action with consequences (revoking a token,
// disabling an account, activating or rolling back thresholds, approving and publishing): a modal
// <dialog> that says what will happen, with Cancel focused, Escape cancelling, and a confirm
// button that names the action.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface ConfirmRequest {
  /** The question, e.g. "Revoke the API token “checkout”?" */
  title: string;
  /** The consequence in plain words, with the specifics. */
  body: ComponentChildren;
  /** The confirm button's label: the action, e.g. "Revoke the token". */
  confirm: string;
  /** A destructive action: the confirm button is styled as a danger. */
  danger?: boolean;
}

/** ConfirmDialog shows req as a modal dialog and reports the answer once: true to go ahead. */
export function ConfirmDialog({ req, onAnswer }: { req: ConfirmRequest; onAnswer: (ok: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // The safe choice has the focus: Enter or Space on a reflex does not act.
    cancel.current?.focus();
    return () => {
      if (d?.open) d.close();
      // Back to the button that asked, when it is still there (a revoked token's is not).
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-b`}
      onCancel={(e) => {
        // Escape: answer no, and let the page remove the dialog.
        e.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id={`${id}-t`}>{req.title}</h2>
      <div id={`${id}-b`} class="stack">
        {req.body}
      </div>
      <div class="toolbar">
        <button type="button" class="secondary" ref={cancel} onClick={() => onAnswer(false)}>
          Cancel
        </button>
        <button type="button" class={req.danger ? 'danger' : undefined} onClick={() => onAnswer(true)}>
          {req.confirm}
        </button>
      </div>
    </dialog>
  );
}

/**
 * useConfirm gives a page ask(req), which opens the dialog and resolves to the answer, and the
 * dialog element to render (null while nothing is asked).
 */
export function useConfirm(): { ask: (req: ConfirmRequest) => Promise<boolean>; dialog: ComponentChildren } {
  const [open, setOpen] = useState<{ req: ConfirmRequest; resolve: (ok: boolean) => void } | null>(null);
  const ask = (req: ConfirmRequest) => new Promise<boolean>((resolve) => setOpen({ req, resolve }));
  const dialog = open && (
    <ConfirmDialog
      req={open.req}
      onAnswer={(ok) => {
        setOpen(null);
        open.resolve(ok);
      }}
    />
  );
  return { ask, dialog };
}
