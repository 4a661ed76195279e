// The panel's small component set: buttons that show they are working, notices, a
// confirmation dialog, form fields with labels and their errors, a list's error and
// "Carregar mais", toasts. Native elements, so keyboard and screen readers work without
// extra code.
import {
  type ButtonHTMLAttributes,
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { describeError } from "../errors-pt.ts";

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

/** The aria attributes of an input whose problem is shown next to it, by `InputError` with the same id. */
export function invalidProps(errorId: string, error: string | undefined) {
  return error ? { "aria-invalid": true, "aria-describedby": errorId } : {};
}

/** A table cell's or list row's problem, under its input. */
export function InputError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <div id={id} className="field-error small">
      {error}
    </div>
  ) : null;
}

/** The last column of a table of rows with buttons: named for screen readers only. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span className="visually-hidden">Ações</span>
    </th>
  );
}

/** Removes a line of a table being edited; the label names the line. */
export function RemoveButton({
  label,
  onClick,
  className,
}: {
  label: string;
  onClick: () => void;
  className?: string;
}) {
  return (
    <Button
      className={className ? `btn-small ${className}` : "btn-small"}
      variant="ghost"
      aria-label={label}
      onClick={onClick}
    >
      Remover
    </Button>
  );
}

/** What the list components read of a TanStack infinite query. */
interface PagedList {
  isError: boolean;
  error: unknown;
  isRefetching: boolean;
  refetch: () => Promise<unknown>;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Why a list could not be read, with "Tentar de novo" (a failed "Carregar mais" says so under the list). */
export function ListError({ list }: { list: PagedList }) {
  if (!list.isError || list.isFetchNextPageError) return null;
  return (
    <Notice kind="error">
      {describeError(list.error)}{" "}
      <Button className="btn-small" pending={list.isRefetching} onClick={() => void list.refetch()}>
        Tentar de novo
      </Button>
    </Notice>
  );
}

/** "Carregar mais" under a list read a page at a time, and why the next page failed. */
export function LoadMore({ list }: { list: PagedList }) {
  if (!list.hasNextPage) return null;
  return (
    <div className="toolbar table-foot">
      <Button pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
        Carregar mais
      </Button>
      {list.isFetchNextPageError ? <Notice kind="error">{describeError(list.error)}</Notice> : null}
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
  label: string;
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
  return (
    <>
      <span className="tooltip-wrap" title={disabled ? disabledReason : undefined}>
        <Button
          variant={variant}
          className={className}
          pending={pending}
          disabled={disabled}
          aria-disabled={disabled || undefined}
          aria-label={disabled && disabledReason ? `${label}: ${disabledReason}` : undefined}
          onClick={() => dialog.current?.showModal()}
        >
          {label}
        </Button>
      </span>
      <ConfirmDialog
        dialogRef={dialog}
        title={title}
        message={message}
        confirmLabel={confirmLabel}
        variant={variant}
        onConfirm={onConfirm}
      />
    </>
  );
}

/** The question before an action that cannot be undone; `dialogRef.current.showModal()` asks it. */
export function ConfirmDialog({
  dialogRef,
  title,
  message,
  confirmLabel,
  dismissLabel = "Cancelar",
  variant = "danger",
  onConfirm,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  dismissLabel?: string;
  variant?: Variant;
  onConfirm: () => void;
}) {
  const titleId = useId();
  const messageId = useId();
  return (
    <dialog ref={dialogRef} aria-labelledby={titleId} aria-describedby={messageId} className="confirm">
      <h2 id={titleId}>{title}</h2>
      <div id={messageId}>{message}</div>
      <div className="actions">
        <Button onClick={() => dialogRef.current?.close()}>{dismissLabel}</Button>
        <Button
          variant={variant}
          onClick={() => {
            dialogRef.current?.close();
            onConfirm();
          }}
        >
          {confirmLabel}
        </Button>
      </div>
    </dialog>
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
  // Stable, so a new toast does not restart the timers of those already shown.
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDone={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDone(toast.id), toast.kind === "error" ? 10_000 : 4_000);
    return () => clearTimeout(timer);
  }, [toast, onDone]);
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      <span>{toast.text}</span>
      <button
        type="button"
        className="toast-close"
        aria-label="Fechar aviso"
        onClick={() => onDone(toast.id)}
      >
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
