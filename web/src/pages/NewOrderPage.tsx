// Novo pedido (balcão or phone, issue 16 item 4): the customer, items by SKU at the price agreed,
// shipping and payment. Once made, the order's page opens: it runs the same steps as a store's
// order (Confirmar pagamento, Faturar, Enviar).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { ResponseOf } from "../api/types.ts";
import { ApiError, api } from "../api.ts";
import { Button, Field, PageHeader, RemoveButton, useToast } from "../components/ui.tsx";
import { CustomerPicker } from "../customers/CustomerPicker.tsx";
import { useCustomer } from "../customers/customers-api.ts";
import { formatDocumentOrDash } from "../format.ts";
import { FormErrorNotice, SubmitButton, TextField } from "../orders/fulfilment-ui.tsx";
import {
  emptyDraft,
  emptyItem,
  type ItemDraft,
  type ManualOrderBody,
  type OrderDraft,
  PAYMENT_TYPES,
  type PaymentType,
  toBody,
} from "../orders/manual-order-draft.ts";
import { ORDERS_KEY } from "../orders/orders-api.ts";

/** The customer the order is for, as the picker and the record both know it. */
type Chosen = { id: number; name: string; document: string | null };

const FIELD_PATHS = /^(customerId|items\/\d+\/\w+|shippingCents|discountCents|installments)$/;

/** The API's pt-BR reason for a field path it named (`items/1/sku`). */
function apiFieldError(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const { field, reason } = error.details;
  return typeof field === "string" && typeof reason === "string" ? { [field]: reason } : {};
}

export function NewOrderPage() {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Opened from a customer's record (?cliente=id): that customer, until changed.
  const fromRecord = useCustomer(Number(useSearchParams()[0].get("cliente")));
  const [picked, setPicked] = useState<Chosen | null | undefined>(undefined);
  const customer: Chosen | null = picked === undefined ? (fromRecord.data ?? null) : picked;
  const setCustomer = setPicked;
  const [draft, setDraft] = useState<OrderDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: ManualOrderBody) =>
      api<ResponseOf<"/api/v1/sales-orders", "post", 201>>("/api/v1/sales-orders", { method: "POST", body }),
    onSuccess: (order) => {
      void queryClient.invalidateQueries({ queryKey: ORDERS_KEY });
      toast("success", `Pedido Nº ${order.number} criado: aguardando pagamento.`);
      navigate(`/pedidos/${order.id}`);
    },
  });
  const shown = { ...errors, ...apiFieldError(create.error) };
  const set = (patch: Partial<OrderDraft>) => setDraft({ ...draft, ...patch });
  const setItem = (key: number, patch: Partial<ItemDraft>) =>
    set({ items: draft.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = toBody(customer?.id ?? null, draft);
    if ("errors" in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.body);
  };

  return (
    <>
      <p className="small">
        <Link to="/pedidos">← Pedidos</Link>
      </p>
      <PageHeader title="Novo pedido" />
      <p className="muted small">
        Pedido de balcão ou telefone. Ele começa aguardando pagamento e segue os mesmos passos de um pedido de
        loja: confirmar pagamento, faturar (baixa o estoque e gera as contas a receber) e enviar.
      </p>
      <section className="card order-section" aria-labelledby="novo-pedido-cliente">
        <h2 id="novo-pedido-cliente">Cliente</h2>
        {customer ? (
          <p>
            <strong>{customer.name}</strong> — {formatDocumentOrDash(customer.document)}{" "}
            <Button className="btn-small" variant="ghost" onClick={() => setCustomer(null)}>
              Trocar cliente
            </Button>
          </p>
        ) : (
          <>
            {shown.customerId ? <p className="field-error">{shown.customerId}</p> : null}
            <CustomerPicker
              label="Cliente do pedido"
              action={(c) => (
                <Button
                  className="btn-small"
                  aria-label={`Escolher ${c.name}`}
                  onClick={() => setCustomer(c)}
                >
                  Escolher
                </Button>
              )}
            />
          </>
        )}
      </section>
      <form className="card order-section" onSubmit={submit} aria-label="Novo pedido" noValidate>
        <FormErrorNotice
          error={create.error}
          fields={Object.keys(apiFieldError(create.error)).filter((f) => FIELD_PATHS.test(f))}
        />
        <h2>Itens</h2>
        {draft.items.map((item, i) => (
          <fieldset key={item.key} className="item-row">
            <legend className="visually-hidden">Item {i + 1}</legend>
            <TextField
              label={`SKU do item ${i + 1}`}
              error={shown[`items/${i}/sku`]}
              autoComplete="off"
              maxLength={100}
              value={item.sku}
              onChange={(sku) => setItem(item.key, { sku })}
            />
            <TextField
              label={`Quantidade do item ${i + 1}`}
              error={shown[`items/${i}/quantity`]}
              inputMode="numeric"
              value={item.quantity}
              onChange={(quantity) => setItem(item.key, { quantity })}
            />
            <TextField
              label={`Preço unitário do item ${i + 1} (R$)`}
              error={shown[`items/${i}/unitPriceCents`]}
              inputMode="decimal"
              placeholder="0,00"
              value={item.price}
              onChange={(price) => setItem(item.key, { price })}
            />
            {draft.items.length > 1 ? (
              <RemoveButton
                label={`Remover item ${i + 1}`}
                onClick={() => set({ items: draft.items.filter((x) => x.key !== item.key) })}
              />
            ) : null}
          </fieldset>
        ))}
        <Button onClick={() => set({ items: [...draft.items, emptyItem()] })}>Adicionar item</Button>
        <h2>Entrega e pagamento</h2>
        <div className="grid-2">
          <TextField
            label="Frete (R$)"
            error={shown.shippingCents}
            inputMode="decimal"
            placeholder="0,00"
            value={draft.shipping}
            onChange={(shipping) => set({ shipping })}
          />
          <TextField
            label="Desconto (R$)"
            error={shown.discountCents}
            inputMode="decimal"
            placeholder="0,00"
            value={draft.discount}
            onChange={(discount) => set({ discount })}
          />
          <TextField
            label="Forma de entrega"
            hint="Ex.: PAC, SEDEX, Retirada na loja"
            maxLength={100}
            value={draft.shippingType}
            onChange={(shippingType) => set({ shippingType })}
          />
          <TextField
            label="Transportadora"
            maxLength={100}
            value={draft.carrier}
            onChange={(carrier) => set({ carrier })}
          />
          <Field label="Forma de pagamento">
            {(p) => (
              <select
                {...p}
                value={draft.paymentType}
                onChange={(e) => set({ paymentType: e.target.value as PaymentType })}
              >
                {PAYMENT_TYPES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label="Parcelas"
            error={shown.installments}
            inputMode="numeric"
            value={draft.installments}
            onChange={(installments) => set({ installments })}
          />
        </div>
        <TextField
          label="Observações"
          maxLength={2000}
          value={draft.notes}
          onChange={(notes) => set({ notes })}
        />
        <SubmitButton pending={create.isPending}>Criar pedido</SubmitButton>
      </form>
    </>
  );
}
