// Loja Teste's order → the canonical order, read from the port's contract only (domain/order.ts).
// One status field: its value is the DE-PARA key as it is; a value Loja Teste does not document
// becomes "situacao:<value>" with a flag, never a guess.
import { checkDocument, normalizeDocument } from "../../src/domain/document.ts";
import { type Address, type CanonicalOrder, MappingError } from "../../src/domain/order.ts";
import { SITUACOES } from "./raw-order.ts";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

function cents(v: unknown, field: string, problems: string[]): number {
  if (Number.isSafeInteger(v)) return v as number;
  problems.push(`${field}: "${String(v)}" is not a whole number of centavos`);
  return 0;
}

function instant(v: unknown, field: string, problems: string[]): string | null {
  const s = text(v);
  if (s === null) return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) {
    problems.push(`${field}: "${s}" is not a date`);
    return null;
  }
  return new Date(ms).toISOString();
}

function address(raw: unknown): Address | null {
  if (!isObject(raw)) return null;
  return {
    name: text(raw.destinatario),
    street: text(raw.logradouro),
    number: text(raw.numero),
    complement: text(raw.complemento),
    neighborhood: text(raw.bairro),
    city: text(raw.cidade),
    state: text(raw.uf),
    zipcode: text(raw.cep),
    country: "BR",
    phone: null,
  };
}

export function normalizeFakeOrder(raw: unknown): CanonicalOrder {
  if (!isObject(raw)) throw new MappingError(["the order is not an object"]);
  const problems: string[] = [];
  const externalId = text(raw.codigo);
  if (externalId === null) problems.push("codigo: missing");
  const situacao = text(raw.situacao) ?? "";
  const known = (SITUACOES as readonly string[]).includes(situacao);
  const flags = known
    ? []
    : [{ field: "situacao", value: situacao, message: `unknown Loja Teste situacao "${situacao}"` }];

  const itensRaw = Array.isArray(raw.itens) ? raw.itens : null;
  if (itensRaw === null) problems.push("itens: missing or not a list");
  const items = (itensRaw ?? []).map((item, i) => {
    const it = isObject(item) ? item : {};
    const quantity = it.quantidade;
    if (!Number.isInteger(quantity) || (quantity as number) < 1)
      problems.push(`itens[${i}].quantidade: "${String(quantity)}" is not a whole number above 0`);
    const q = Number.isInteger(quantity) ? (quantity as number) : 0;
    const unit = cents(it.precoCentavos, `itens[${i}].precoCentavos`, problems);
    return {
      sku: text(it.sku),
      name: text(it.descricao) ?? "",
      productId: null,
      variantId: null,
      variant: null,
      quantity: q,
      unitPriceCents: unit,
      totalCents: unit * q,
    };
  });
  const valores = isObject(raw.valores) ? raw.valores : {};
  const subtotalCents = items.reduce((sum, i) => sum + i.totalCents, 0);
  const totals = {
    subtotalCents,
    discountCents: cents(valores.descontoCentavos, "valores.descontoCentavos", problems),
    shippingCents: cents(valores.freteCentavos, "valores.freteCentavos", problems),
    totalCents: cents(valores.totalCentavos, "valores.totalCentavos", problems),
  };
  const expected = totals.subtotalCents - totals.discountCents + totals.shippingCents;
  if (expected !== totals.totalCents)
    flags.push({
      field: "total",
      value: String(totals.totalCents),
      message: `items − discount + freight = ${expected} centavos, the total says ${totals.totalCents}`,
    });

  const comprador = isObject(raw.comprador) ? raw.comprador : {};
  const document = text(comprador.documento);
  const check = checkDocument(document);
  const entrega = isObject(raw.entrega) ? raw.entrega : {};
  const pagamento = isObject(raw.pagamento) ? raw.pagamento : {};
  const order: CanonicalOrder = {
    platform: "loja-teste",
    externalId: externalId ?? "",
    number: text(raw.numeroPedido),
    createdAt: instant(raw.criadoEm, "criadoEm", problems),
    updatedAt: instant(raw.alteradoEm, "alteradoEm", problems),
    currency: "BRL",
    status: {
      key: known ? situacao : `situacao:${situacao}`,
      fields: { situacao: situacao || null },
      cancelled: situacao === "cancelado",
      paid: ["aprovado", "faturado", "enviado", "entregue"].includes(situacao),
    },
    customer: {
      externalId: text(comprador.codigo),
      name: text(comprador.nome),
      email: text(comprador.email),
      phone: null,
      document: document === null ? null : normalizeDocument(document),
      documentKind: check.ok ? check.kind : null,
      documentProblem: check.ok ? null : check.reason,
    },
    billingAddress: address(raw.enderecoCobranca) ?? address({})!,
    shippingAddress: address(entrega.endereco),
    items,
    totals,
    payment: {
      gateway: "Loja Teste Pagamentos",
      method: text(pagamento.forma),
      installments: Number.isInteger(pagamento.parcelas) ? Math.max(1, pagamento.parcelas as number) : 1,
      paidAt: instant(pagamento.pagoEm, "pagamento.pagoEm", problems),
    },
    shipping: {
      carrier: text(entrega.transportadora),
      option: text(entrega.servico),
      code: null,
      pickup: entrega.retiradaNaLoja === true,
      trackingNumber: text(entrega.rastreio),
      trackingUrl: text(entrega.linkRastreio),
    },
    notes: { buyer: text(raw.observacao), merchant: null },
    flags,
  };
  if (problems.length > 0) throw new MappingError(problems);
  return order;
}
