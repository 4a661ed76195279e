// The panel's small component set: buttons that show they are working, notices, a
// confirmation dialog, form fields with labels, toasts. Native elements, so keyboard and
// screen readers work without extra code.
import {
  type ButtonHTMLAttributes,
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

export function Button({
  variant = "secondary",
  pending = false,
  children,
  className,
  disabled,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; pending?: boolean }) {
  return (
    <button
      type="button"
      {...rest}
      className={`btn btn-${variant}${className ? ` ${className}` : ""}`}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
    >
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}

/** Decorative: the element around it says what is happening (aria-busy, a status text). */
export function Spinner() {
  return (
    <span className="spinner" aria-hidden="true">
      <span />
    </span>
  );
}

export function Loading({ label = "Carregando…" }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <Spinner /> {label}
    </p>
  );
}

export function Notice({
  kind,
  children,
}: {
  kind: "error" | "success" | "info" | "warning";
  children: ReactNode;
}) {
  return (
    <div className={`notice notice-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && !error ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/** A button that asks before doing something that cannot be undone. */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  pending,
  disabled,
  disabledReason,
  variant = "danger",
  className,
}: {
  label: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  disabled?: boolean;
  disabledReason?: string;
  variant?: Variant;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <span className="tooltip-wrap" title={disabled ? disabledReason : undefined}>
        <Button
          variant={variant}
          className={className}
          pending={pending}
          disabled={disabled}
          aria-disabled={disabled || undefined}
          aria-label={disabled && disabledReason ? `${String(label)}: ${disabledReason}` : undefined}
          onClick={() => dialog.current?.showModal()}
        >
          {label}
        </Button>
      </span>
      <dialog ref={dialog} aria-labelledby={titleId} className="confirm">
        <h2 id={titleId}>{title}</h2>
        <div>{message}</div>
        <div className="actions">
          <Button onClick={() => dialog.current?.close()}>Cancelar</Button>
          <Button
            variant={variant}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}

interface Toast {
  id: number;
  kind: "success" | "error" | "info";
  text: string;
}
const ToastContext = createContext<(kind: Toast["kind"], text: string) => void>(() => undefined);

/** Feedback for actions whose result is not visible where the operator clicked. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const counter = useRef(0);
  const push = useCallback((kind: Toast["kind"], text: string) => {
    counter.current += 1;
    const id = counter.current;
    setToasts((all) => [...all.slice(-3), { id, kind, text }]);
  }, []);
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <ToastItem
            key={t.id}
            toast={t}
            onDone={() => setToasts((all) => all.filter((x) => x.id !== t.id))}
          />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, toast.kind === "error" ? 10_000 : 4_000);
    return () => clearTimeout(timer);
  }, [toast, onDone]);
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      <span>{toast.text}</span>
      <button type="button" className="toast-close" aria-label="Fechar aviso" onClick={onDone}>
        ×
      </button>
    </div>
  );
}

export const useToast = () => useContext(ToastContext);

export function SyncMark({ ok, okLabel, badLabel }: { ok: boolean; okLabel: string; badLabel: string }) {
  return ok ? (
    <span className="mark mark-ok" role="img" aria-label={okLabel} title={okLabel}>
      ✓
    </span>
  ) : (
    <span className="mark mark-bad" role="img" aria-label={badLabel} title={badLabel}>
      ✗
    </span>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children ? <div className="page-actions">{children}</div> : null}
    </header>
  );
}
