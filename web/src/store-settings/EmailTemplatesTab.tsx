// Lojas › E-mails (R6.3): the customer e-mail of each status — subject, HTML and text (Liquid,
// every order value escaped by the server), whether Notificar cliente starts ticked — saved per
// store or back to the default, and previewed on a real order before anyone receives it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import type { ResponseOf } from "../api/types.ts";
import { ApiError, api } from "../api.ts";
import { Button, ConfirmButton, Field, Loading, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { actorLabel } from "../orders/labels.ts";

type Templates = ResponseOf<"/api/v1/stores/{id}/email-templates", "get">;
type Template = Templates["templates"][number];
type Rendered = ResponseOf<"/api/v1/stores/{id}/email-templates/{status}/preview", "post">;

type Draft = Pick<Template, "subject" | "html" | "text" | "notifyByDefault">;
const draftOf = (t: Template): Draft => ({
  subject: t.subject,
  html: t.html,
  text: t.text,
  notifyByDefault: t.notifyByDefault,
});

const templatesKey = (storeId: number) => ["stores", storeId, "email-templates"] as const;

/** template_invalid and schema errors name the part at fault. */
function partError(error: unknown, part: string): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  if (error.details.field === part) return describeError(error);
  const fields = Array.isArray(error.details.fields) ? (error.details.fields as { path?: string }[]) : [];
  return fields.some((f) => f.path === `/${part}`) ? "Valor inválido." : undefined;
}

export function EmailTemplatesTab({
  storeId,
  onDirtyChange,
}: {
  storeId: number;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const list = useQuery({
    queryKey: templatesKey(storeId),
    queryFn: ({ signal }) => api<Templates>(`/api/v1/stores/${storeId}/email-templates`, { signal }),
  });
  const [status, setStatus] = useState<string | null>(null);
  const selectId = useId();
  if (list.isPending) return <Loading label="Carregando os modelos de e-mail…" />;
  if (list.isError) return <Notice kind="error">{describeError(list.error)}</Notice>;
  const templates = list.data.templates;
  const current = templates.find((t) => t.status === status) ?? templates[0];
  if (!current) return <p className="muted">Nenhum modelo.</p>;
  return (
    <>
      {list.data.customerEmails === "platform" ? (
        <Notice kind="info">
          Esta loja deixa os e-mails aos clientes com a plataforma (aba Geral): estes modelos não são usados
          enquanto for assim.
        </Notice>
      ) : null}
      <div className="toolbar">
        <div className="field">
          <label htmlFor={selectId}>Status</label>
          <select id={selectId} value={current.status} onChange={(e) => setStatus(e.target.value)}>
            {templates.map((t) => (
              <option key={t.status} value={t.status}>
                {t.label}
                {t.custom ? " (personalizado)" : ""}
                {t.notifyByDefault ? "" : " — não notifica por padrão"}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TemplateEditor
        key={`${current.status}-${current.updatedAt ?? "padrao"}`}
        storeId={storeId}
        template={current}
        variables={list.data.variables}
        onDirtyChange={onDirtyChange}
      />
    </>
  );
}

function TemplateEditor({
  storeId,
  template,
  variables,
  onDirtyChange,
}: {
  storeId: number;
  template: Template;
  variables: Templates["variables"];
  onDirtyChange: (dirty: boolean) => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => draftOf(template));
  const [orderId, setOrderId] = useState("");
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(template));
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const path = `/api/v1/stores/${storeId}/email-templates/${template.status}`;

  const save = useMutation({
    mutationFn: () => api<Template>(path, { method: "PUT", body: draft }),
    onSuccess: () => {
      toast("success", `Modelo de e-mail de ${template.label} salvo.`);
      onDirtyChange(false);
      void client.invalidateQueries({ queryKey: templatesKey(storeId) });
    },
    onError: (error) => toast("error", `Modelo não salvo: ${describeError(error)}`),
  });
  const reset = useMutation({
    mutationFn: () => api<Template>(path, { method: "DELETE" }),
    onSuccess: () => {
      toast("success", `Modelo de ${template.label} voltou ao padrão.`);
      onDirtyChange(false);
      void client.invalidateQueries({ queryKey: templatesKey(storeId) });
    },
    onError: (error) => toast("error", `Não foi possível restaurar: ${describeError(error)}`),
  });
  const preview = useMutation({
    mutationFn: () =>
      api<Rendered>(`${path}/preview`, {
        method: "POST",
        body: {
          subject: draft.subject,
          html: draft.html,
          text: draft.text,
          ...(Number(orderId) > 0 ? { salesOrderId: Number(orderId) } : {}),
        },
      }),
  });
  const err = (part: string) => partError(save.error, part) ?? partError(preview.error, part);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <div className="grid-2 template-editor">
      <form className="card" onSubmit={submit} aria-label={`Modelo de e-mail: ${template.label}`} noValidate>
        <h2>{template.label}</h2>
        <p className="small muted">
          {template.custom
            ? `Personalizado${template.updatedAt ? ` em ${formatDateTime(template.updatedAt)}` : ""}${template.updatedBy ? ` por ${actorLabel(template.updatedBy)}` : ""}.`
            : "Modelo padrão do Ponte."}
        </p>
        <label>
          <input
            type="checkbox"
            checked={draft.notifyByDefault}
            onChange={(e) => set({ notifyByDefault: e.target.checked })}
          />{" "}
          Notificar por padrão (Notificar cliente começa marcado neste status)
        </label>
        <Field label="Assunto" error={err("subject")}>
          {(p) => (
            <input
              {...p}
              maxLength={300}
              value={draft.subject}
              onChange={(e) => set({ subject: e.target.value })}
            />
          )}
        </Field>
        <Field label="HTML" error={err("html")} hint="Liquid: {{ order.number }}; os valores são escapados.">
          {(p) => (
            <textarea {...p} rows={14} value={draft.html} onChange={(e) => set({ html: e.target.value })} />
          )}
        </Field>
        <Field label="Texto" error={err("text")} hint="A versão em texto puro do e-mail.">
          {(p) => (
            <textarea {...p} rows={8} value={draft.text} onChange={(e) => set({ text: e.target.value })} />
          )}
        </Field>
        <details className="small">
          <summary>Variáveis disponíveis</summary>
          <dl className="facts">
            {variables.map((v) => (
              <div key={v.name} className="fact-row">
                <dt>
                  <code>{v.name}</code>
                </dt>
                <dd>{v.description}</dd>
              </div>
            ))}
          </dl>
        </details>
        <div className="actions actions-start">
          <Button type="submit" variant="primary" pending={save.isPending} disabled={!dirty}>
            Salvar modelo
          </Button>
          <ConfirmButton
            label="Restaurar padrão"
            title={`Restaurar o modelo padrão de ${template.label}?`}
            message={<p>O texto personalizado desta loja para este status é apagado.</p>}
            confirmLabel="Restaurar padrão"
            pending={reset.isPending}
            disabled={!template.custom}
            disabledReason="Este status já usa o modelo padrão"
            onConfirm={() => reset.mutate()}
          />
        </div>
      </form>
      <section className="card" aria-label="Pré-visualização">
        <h2>Pré-visualização</h2>
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            preview.mutate();
          }}
        >
          <Field
            label="Pedido (ID, opcional)"
            hint="O número no endereço da página do pedido (/pedidos/ID). Vazio: o pedido mais recente da loja."
          >
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={orderId}
                onChange={(e) => setOrderId(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit" pending={preview.isPending}>
            Pré-visualizar
          </Button>
        </form>
        {preview.isError ? <Notice kind="error">{describeError(preview.error)}</Notice> : null}
        {preview.data ? (
          <>
            <dl className="facts">
              <dt>Assunto</dt>
              <dd>{preview.data.subject}</dd>
              <dt>Para</dt>
              <dd>{preview.data.to ?? "—"}</dd>
              <dt>Pedido</dt>
              <dd>{preview.data.salesOrderId ?? "exemplo (a loja ainda não tem pedidos)"}</dd>
            </dl>
            <iframe
              className="email-frame"
              title="Pré-visualização do e-mail"
              sandbox=""
              srcDoc={preview.data.html}
            />
            <pre className="email-text">{preview.data.text}</pre>
          </>
        ) : null}
      </section>
    </div>
  );
}
