// The pieces the fulfilment cards share: a step with its "Feito" badge, a text field with the
// API's reason next to it, the refusal not tied to a field, the submit button, the error toast of
// an action, and the small captioned tables under the steps.
import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import { ApiError } from "../api.ts";
import { Button, Field, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";

/** The API's pt-BR reason for `field`, when a 400 named it. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const d = error.details;
  if (d.field === field) return typeof d.reason === "string" ? d.reason : "Valor inválido.";
  const fields = Array.isArray(d.fields) ? (d.fields as { path?: string }[]) : [];
  return fields.some((f) => f.path === `/${field}`) ? "Valor inválido." : undefined;
}

/** A refusal not tied to one field, shown above the form. */
export function formError(error: unknown, fields: string[]): string | null {
  if (!error) return null;
  if (error instanceof ApiError && fields.some((f) => fieldError(error, f))) return null;
  return describeError(error);
}

/** Why a query or an action failed, when it did. */
export function ErrorNotice({ state }: { state: { isError: boolean; error: unknown } }) {
  return state.isError ? <Notice kind="error">{describeError(state.error)}</Notice> : null;
}

/** The general refusal of a form whose `fields` show their own reasons. */
export function FormErrorNotice({ error, fields }: { error: unknown; fields: string[] }) {
  const general = formError(error, fields);
  return general ? <Notice kind="error">{general}</Notice> : null;
}

/** The error toast of an action: what did not happen, and why. */
export function useFailureToast() {
  const toast = useToast();
  return (what: string) => (error: unknown) => toast("error", `${what}: ${describeError(error)}`);
}

export function Step({ title, done, children }: { title: string; done?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <section className="step" aria-labelledby={id}>
      <h3 id={id}>
        {title} {done ? <span className="badge badge-ok">Feito</span> : null}
      </h3>
      {children}
    </section>
  );
}

/** A labelled text input holding a string; its hint, or its error when there is one. */
export function TextField({
  label,
  hint,
  error,
  value,
  onChange,
  ...input
}: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange">) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => <input {...p} {...input} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export function SubmitButton({
  pending,
  disabled,
  children,
}: {
  pending: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Button type="submit" variant="primary" pending={pending} disabled={disabled}>
      {children}
    </Button>
  );
}

/** A small table under a step, named by its caption; `num` columns align right. */
export function CaptionedTable({
  label,
  columns,
  children,
}: {
  label: string;
  columns: { name: string; num?: boolean }[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table aria-label={label}>
        <caption className="small">{label}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.name} scope="col" className={c.num ? "num" : undefined}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
