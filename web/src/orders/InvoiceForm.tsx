// Faturar (R7): an NF-e by its access key, or a simple sale; either lowers the stock and creates
// the receivables.
import { type FormEvent, useId, useState } from "react";
import { useToast } from "../components/ui.tsx";
import { ActionEffects } from "./ActionEffects.tsx";
import { createInvoice, type InvoiceInput, useOrderAction } from "./back-office-api.ts";
import { FormErrorNotice, fieldError, SubmitButton, TextField, useFailureToast } from "./fulfilment-ui.tsx";
import { invoiceTitle } from "./invoice-format.ts";
import { type OrderDetail, useTransitions } from "./orders-api.ts";

const INVOICE_FIELDS = ["accessKey", "number", "series", "issuedAt", "xmlUrl"];

interface InvoiceDraft {
  kind: "nfe" | "simple";
  accessKey: string;
  number: string;
  series: string;
  issuedAt: string;
  xmlUrl: string;
}

const EMPTY_INVOICE: InvoiceDraft = {
  kind: "nfe",
  accessKey: "",
  number: "",
  series: "",
  issuedAt: "",
  xmlUrl: "",
};

const INVOICE_KINDS: [InvoiceDraft["kind"], string][] = [
  ["nfe", "NF-e"],
  ["simple", "Venda simples"],
];

function invoiceBody(d: InvoiceDraft): InvoiceInput {
  const issuedAt = d.issuedAt ? new Date(d.issuedAt).toISOString() : undefined;
  if (d.kind === "simple") return { kind: "simple", ...(issuedAt ? { issuedAt } : {}) };
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    kind: "nfe",
    accessKey: d.accessKey.replace(/\s/g, ""),
    number: optional(d.number),
    series: optional(d.series),
    issuedAt,
    xmlUrl: optional(d.xmlUrl),
  };
}

export function InvoiceForm({ order }: { order: OrderDetail }) {
  const toast = useToast();
  const failed = useFailureToast();
  const [draft, setDraft] = useState(EMPTY_INVOICE);
  const [missingKey, setMissingKey] = useState(false);
  const kindName = useId();
  // Invoicing an order awaiting payment or paid moves it to Em preparação: Notificar cliente
  // starts at that status's default (the store's e-mail templates).
  const transitions = useTransitions(order.id, true);
  const moves =
    order.canonicalStatus === "aguardando_pagamento" || order.canonicalStatus === "pagamento_confirmado";
  const next = transitions.data?.allowed.find((a) => a.status === "em_preparacao");
  const emailsBy = transitions.data?.customerEmailsBy ?? null;
  const email = order.customer?.email ?? order.customerSnapshot?.email ?? null;
  const [notifyChoice, setNotify] = useState<boolean | null>(null);
  const notify =
    notifyChoice ?? ((Boolean(email) || emailsBy === "platform") && (next?.notifyByDefault ?? false));
  const action = useOrderAction((body: InvoiceInput) =>
    createInvoice(order.id, moves ? { ...body, notifyCustomer: notify } : body),
  );
  const set = (patch: Partial<InvoiceDraft>) => setDraft({ ...draft, ...patch });
  const err = (field: string) => fieldError(action.error, field);
  const digits = draft.accessKey.replace(/\s/g, "").length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const noKey = draft.kind === "nfe" && digits === 0;
    setMissingKey(noKey);
    if (noKey) return;
    action.mutate(invoiceBody(draft), {
      onSuccess: (result) => {
        setDraft(EMPTY_INVOICE);
        const negative = result.negativeStock.length
          ? ` Estoque negativo: ${result.negativeStock.map((n) => n.sku).join(", ")}.`
          : "";
        toast(
          "success",
          `${invoiceTitle(result.invoice)} registrada: estoque baixado e ${result.receivables.length} parcela(s) a receber.${negative}`,
        );
      },
      onError: failed("Faturamento não feito"),
    });
  };

  return (
    <form onSubmit={submit} aria-label="Faturar" noValidate>
      <FormErrorNotice error={action.error} fields={INVOICE_FIELDS} />
      <fieldset className="radio-group">
        <legend>Documento</legend>
        {INVOICE_KINDS.map(([kind, name]) => (
          <label key={kind}>
            <input
              type="radio"
              name={kindName}
              checked={draft.kind === kind}
              onChange={() => set({ kind })}
            />{" "}
            {name}
          </label>
        ))}
      </fieldset>
      {draft.kind === "nfe" ? (
        <>
          <TextField
            label="Chave de acesso"
            hint={`44 caracteres (espaços são ignorados). ${digits}/44`}
            error={missingKey ? "Informe a chave de acesso da NF-e." : err("accessKey")}
            inputMode="text"
            autoComplete="off"
            maxLength={60}
            value={draft.accessKey}
            onChange={(accessKey) => set({ accessKey })}
          />
          <div className="grid-2">
            <TextField
              label="Número"
              hint="Vazio: o da chave"
              error={err("number")}
              inputMode="numeric"
              maxLength={20}
              value={draft.number}
              onChange={(number) => set({ number })}
            />
            <TextField
              label="Série"
              hint="Vazio: a da chave"
              error={err("series")}
              inputMode="numeric"
              maxLength={3}
              value={draft.series}
              onChange={(series) => set({ series })}
            />
          </div>
          <TextField
            label="Link do XML (opcional)"
            error={err("xmlUrl")}
            type="url"
            maxLength={2000}
            placeholder="https://"
            value={draft.xmlUrl}
            onChange={(xmlUrl) => set({ xmlUrl })}
          />
        </>
      ) : (
        <p className="small muted">Venda sem nota fiscal: baixa o estoque e gera as contas a receber.</p>
      )}
      <TextField
        label="Emitida em (opcional)"
        hint="Vazio: agora. Base dos vencimentos."
        error={err("issuedAt")}
        type="datetime-local"
        value={draft.issuedAt}
        onChange={(issuedAt) => set({ issuedAt })}
      />
      {moves ? (
        <ActionEffects notify={notify} hasEmail={Boolean(email)} emailsBy={emailsBy} onNotify={setNotify} />
      ) : null}
      <SubmitButton pending={action.isPending}>
        {draft.kind === "nfe" ? "Faturar" : "Confirmar venda simples"}
      </SubmitButton>
    </form>
  );
}
