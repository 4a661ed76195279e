// Novo pedido (issue 16, item 4): an order taken at the counter or by phone — who buys, the items
// by SKU, how it ships (or Retirada na loja) and how it is paid. It becomes a sales order like a
// store's and runs the same lifecycle from its page (Confirmar pagamento, Faturar, Enviar).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { RequestOf, ResponseOf } from "../api/types.ts";
import { api } from "../api.ts";
import { Button, Field, PageHeader, useToast } from "../components/ui.tsx";
import { CustomerPicker } from "../customers/CustomerPicker.tsx";
import { useCustomer } from "../customers/customers-api.ts";
import { formatDocumentOrDash, formatMoney, parseMoney } from "../format.ts";
import { FormErrorNotice, fieldError, TextField } from "../orders/fulfilment-ui.tsx";
import { ORDERS_KEY } from "../orders/orders-api.ts";

type Body = RequestOf<"/api/v1/orders", "post">;
type Created = ResponseOf<"/api/v1/orders", "post", 201>;

interface ItemDraft {
  sku: string;
  quantity: string;
  price: string;
}

const PAYMENTS: [string, string][] = [
  ["pix", "Pix"],
  ["dinheiro", "Dinheiro"],
  ["cartao_credito", "Cartão de crédito"],
  ["cartao_debito", "Cartão de débito"],
  ["boleto", "Boleto"],
  ["deposito", "Depósito bancário"],
];

const ADDRESS_FIELDS: [keyof NonNullable<Body["deliveryAddress"]>, string][] = [
  ["zipcode", "CEP"],
  ["street", "Rua"],
  ["number", "Número"],
  ["complement", "Complemento"],
  ["neighborhood", "Bairro"],
  ["city", "Cidade"],
  ["state", "UF"],
];

const FIELDS = [
  "customer/name",
  "customer/document",
  "customer/id",
  "carrier",
  "deliveryAddress/zipcode",
  "discountCents",
];

const cents = (text: string) => parseMoney(text) ?? 0;

/** A customer record chosen for the order (the picker, or the record the page was opened from). */
type Chosen = { id: number; name: string; document: string | null };

export function NewOrderPage() {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Opened from a customer's record (?cliente=id): that customer, until changed.
  const fromRecord = useCustomer(Number(useSearchParams()[0].get("cliente")));
  const [picked, setPicked] = useState<Chosen | null | undefined>(undefined);
  const chosen: Chosen | null = picked === undefined ? (fromRecord.data ?? null) : picked;
  const [customer, setCustomer] = useState({ name: "", document: "", email: "", phone: "" });
  const [items, setItems] = useState<ItemDraft[]>([{ sku: "", quantity: "1", price: "" }]);
  const [pickup, setPickup] = useState(true);
  const [shipping, setShipping] = useState({ carrier: "Correios", service: "", price: "" });
  const [address, setAddress] = useState<Record<string, string>>({});
  const [payment, setPayment] = useState({ type: "pix", installments: "1" });
  const [discount, setDiscount] = useState("");
  const [notes, setNotes] = useState("");
  const create = useMutation({
    mutationFn: (body: Body) => api<Created>("/api/v1/orders", { method: "POST", body }),
    onSuccess: (order) => {
      void queryClient.invalidateQueries({ queryKey: ORDERS_KEY });
      toast("success", `Pedido Nº ${order.number} criado. Confirme o pagamento para seguir.`);
      navigate(`/pedidos/${order.id}`);
    },
  });
  const err = (field: string) => fieldError(create.error, field);

  const itemsCents = items.reduce((sum, i) => sum + (Number(i.quantity) || 0) * cents(i.price), 0);
  const total = itemsCents - cents(discount) + (pickup ? 0 : cents(shipping.price));
  const setItem = (index: number, patch: Partial<ItemDraft>) => {
    // A refusal names an item by its position: once the items change, it no longer applies.
    if (create.isError) create.reset();
    setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const given = (value: string) => value.trim() || undefined;
    create.mutate({
      customer: chosen
        ? { id: chosen.id }
        : {
            name: given(customer.name),
            document: given(customer.document),
            email: given(customer.email),
            phone: given(customer.phone),
          },
      items: items.map((i) => ({
        sku: i.sku.trim(),
        quantity: Math.max(1, Math.trunc(Number(i.quantity) || 1)),
        unitPriceCents: cents(i.price),
      })),
      pickup,
      ...(pickup
        ? {}
        : {
            carrier: given(shipping.carrier),
            shippingType: given(shipping.service),
            shippingCents: cents(shipping.price),
            deliveryAddress: {
              name: given(customer.name),
              ...Object.fromEntries(Object.entries(address).map(([k, v]) => [k, v.trim()])),
            },
          }),
      discountCents: cents(discount),
      payment: { type: payment.type, installments: Number(payment.installments) || 1 },
      notes: given(notes),
    });
  };

  return (
    <>
      <p>
        <Link to="/pedidos">← Pedidos</Link>
      </p>
      <PageHeader title="Novo pedido" />
      <p className="muted">
        Venda no balcão ou por telefone: o pedido segue o mesmo caminho dos pedidos das lojas.
      </p>
      <section className="card" aria-labelledby="novo-cadastro">
        <h2 id="novo-cadastro">Cliente</h2>
        {chosen ? (
          <p>
            <strong>{chosen.name}</strong> · {formatDocumentOrDash(chosen.document)}{" "}
            <Button variant="ghost" onClick={() => setPicked(null)}>
              Trocar cliente
            </Button>
          </p>
        ) : (
          <>
            <p className="small muted">Escolha um cliente cadastrado, ou preencha um cliente novo abaixo.</p>
            <CustomerPicker
              label="Cliente cadastrado"
              action={(c) => (
                <Button onClick={() => setPicked({ id: c.id, name: c.name, document: c.document })}>
                  Escolher {c.name}
                </Button>
              )}
            />
          </>
        )}
      </section>
      <form className="new-order" onSubmit={submit} noValidate aria-label="Novo pedido">
        <FormErrorNotice
          error={create.error}
          fields={[...FIELDS, ...items.map((_, i) => `items/${i}/sku`)]}
        />
        {chosen ? null : (
          <section className="card" aria-labelledby="novo-cliente">
            <h2 id="novo-cliente">Cliente novo</h2>
            <div className="grid-2">
              <TextField
                label="Nome"
                error={err("customer/name")}
                maxLength={200}
                value={customer.name}
                onChange={(name) => setCustomer({ ...customer, name })}
              />
              <TextField
                label="CPF/CNPJ (opcional)"
                hint="Com CPF/CNPJ o pedido fica no cadastro do cliente (criado se ainda não existir)."
                error={err("customer/document")}
                maxLength={30}
                value={customer.document}
                onChange={(document) => setCustomer({ ...customer, document })}
              />
              <TextField
                label="E-mail (opcional)"
                type="email"
                maxLength={254}
                value={customer.email}
                onChange={(email) => setCustomer({ ...customer, email })}
              />
              <TextField
                label="Telefone (opcional)"
                type="tel"
                maxLength={40}
                value={customer.phone}
                onChange={(phone) => setCustomer({ ...customer, phone })}
              />
            </div>
          </section>
        )}
        <section className="card" aria-labelledby="novo-itens">
          <h2 id="novo-itens">Itens</h2>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
            <fieldset className="item-row" key={i}>
              <legend className="visually-hidden">Item {i + 1}</legend>
              <TextField
                label={`SKU do item ${i + 1}`}
                error={err(`items/${i}/sku`)}
                maxLength={100}
                value={item.sku}
                onChange={(sku) => setItem(i, { sku })}
              />
              <TextField
                label="Quantidade"
                inputMode="numeric"
                value={item.quantity}
                onChange={(quantity) => setItem(i, { quantity })}
              />
              <TextField
                label="Preço unitário"
                inputMode="decimal"
                placeholder="0,00"
                value={item.price}
                onChange={(price) => setItem(i, { price })}
              />
              {items.length > 1 ? (
                <Button variant="ghost" onClick={() => setItems(items.filter((_, j) => j !== i))}>
                  Remover item {i + 1}
                </Button>
              ) : null}
            </fieldset>
          ))}
          <Button
            variant="secondary"
            onClick={() => setItems([...items, { sku: "", quantity: "1", price: "" }])}
          >
            Adicionar item
          </Button>
        </section>

        <section className="card" aria-labelledby="novo-entrega">
          <h2 id="novo-entrega">Entrega</h2>
          <label>
            <input type="checkbox" checked={pickup} onChange={(e) => setPickup(e.target.checked)} /> Retirada
            na loja
          </label>
          {pickup ? null : (
            <>
              <div className="grid-2">
                <TextField
                  label="Transportadora"
                  error={err("carrier")}
                  maxLength={100}
                  value={shipping.carrier}
                  onChange={(carrier) => setShipping({ ...shipping, carrier })}
                />
                <TextField
                  label="Serviço (opcional)"
                  placeholder="PAC, SEDEX…"
                  maxLength={100}
                  value={shipping.service}
                  onChange={(service) => setShipping({ ...shipping, service })}
                />
                <TextField
                  label="Frete"
                  inputMode="decimal"
                  placeholder="0,00"
                  value={shipping.price}
                  onChange={(price) => setShipping({ ...shipping, price })}
                />
              </div>
              <div className="grid-2">
                {ADDRESS_FIELDS.map(([key, label]) => (
                  <TextField
                    key={key}
                    label={label}
                    error={key === "zipcode" ? err("deliveryAddress/zipcode") : undefined}
                    maxLength={key === "state" ? 2 : 200}
                    value={address[key] ?? ""}
                    onChange={(value) => setAddress({ ...address, [key]: value })}
                  />
                ))}
              </div>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="novo-pagamento">
          <h2 id="novo-pagamento">Pagamento</h2>
          <div className="grid-2">
            <Field label="Forma de pagamento">
              {(props) => (
                <select
                  {...props}
                  value={payment.type}
                  onChange={(e) => setPayment({ ...payment, type: e.target.value })}
                >
                  {PAYMENTS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Parcelas">
              {(props) => (
                <select
                  {...props}
                  value={payment.installments}
                  onChange={(e) => setPayment({ ...payment, installments: e.target.value })}
                >
                  {Array.from({ length: 12 }, (_, i) => String(i + 1)).map((n) => (
                    <option key={n} value={n}>
                      {n === "1" ? "À vista" : `${n}x`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextField
              label="Desconto no pedido"
              error={err("discountCents")}
              inputMode="decimal"
              placeholder="0,00"
              value={discount}
              onChange={setDiscount}
            />
          </div>
          <Field label="Observações (opcional)">
            {(props) => (
              <textarea
                {...props}
                maxLength={2000}
                rows={2}
                value={notes}
                onChange={(e) => setNotes(e.target.value)}
              />
            )}
          </Field>
          <p aria-live="polite">
            Total do pedido: <strong>{formatMoney(total)}</strong>
          </p>
        </section>
        <Button type="submit" variant="primary" pending={create.isPending}>
          Criar pedido
        </Button>
      </form>
    </>
  );
}
