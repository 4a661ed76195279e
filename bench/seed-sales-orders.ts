// Seeds a database with a back office's worth of sales orders for bench/panel-query.ts: three
// stores (and a few orders made by hand), customers with Brazilian names (accents included) and
// CPFs/CNPJs with valid check digits (alphanumeric CNPJs too), two years of orders over every
// status, log-spread totals, a few deleted. Customers are made here (JS, for the check digits);
// the orders with one set-based INSERT … SELECT over generate_series per chunk. Deterministic:
// the same counts give the same data.
//
// Run alone: node --import tsx bench/seed-sales-orders.ts [orders] [customers]
//   on DATABASE_URL (migrated first; rows are added to whatever is there).

import type { Db } from "../src/db/db.ts";
import { checkDocument } from "../src/domain/document.ts";
import { cnpjCheckDigits, cpfCheckDigits } from "../src/simulators/nuvemshop/documents.ts";

export interface SeedOptions {
  orders: number;
  customers: number;
  /** The orders end here and start two years before. */
  endAt?: Date;
  progress?: (message: string) => void;
}

export interface SeedResult {
  storeIds: number[];
  /** A surname on about 1 customer in 10,000: the "rare name" search. */
  rareSurname: string;
  seconds: number;
}

const FIRST_NAMES = [
  "João",
  "Maria",
  "José",
  "Ana",
  "Antônio",
  "Francisca",
  "Luís",
  "Conceição",
  "Sebastião",
  "Lúcia",
  "Gonçalo",
  "Inês",
  "Cauã",
  "Thaís",
  "Ícaro",
  "Letícia",
  "Vitória",
  "Mônica",
  "Raí",
  "Luíza",
  "André",
  "Cecília",
  "Estêvão",
  "Ângela",
  "Heitor",
  "Júlia",
  "Benedito",
  "Íris",
  "Tânia",
  "Pedro",
  "Paulo",
  "Carlos",
  "Lucas",
  "Gabriel",
  "Rafael",
  "Mateus",
  "Bruno",
  "Felipe",
  "Gustavo",
  "Juliana",
  "Camila",
  "Fernanda",
  "Patrícia",
  "Aline",
  "Bárbara",
  "Débora",
  "Lívia",
  "Márcia",
  "Cláudia",
  "Sônia",
  "Vânia",
  "Valéria",
  "Gisele",
  "Rogério",
  "Sérgio",
  "Márcio",
  "Flávio",
  "Otávio",
  "Caio",
  "Davi",
  "Enzo",
  "Heloísa",
  "Lorena",
  "Yasmin",
  "Isabela",
  "Laís",
  "Noêmia",
  "Zoë",
  "Joaquim",
  "Benício",
  "Túlio",
];
// Weights roughly as common as they are in Brazil: Silva first by far.
const LAST_NAMES: [string, number][] = [
  ["Silva", 60],
  ["Santos", 40],
  ["Oliveira", 30],
  ["Souza", 28],
  ["Pereira", 22],
  ["Lima", 20],
  ["Ferreira", 18],
  ["Costa", 16],
  ["Rodrigues", 16],
  ["Almeida", 14],
  ["Nascimento", 12],
  ["Araújo", 12],
  ["Gonçalves", 10],
  ["Ribeiro", 10],
  ["Carvalho", 10],
  ["Gomes", 10],
  ["Martins", 9],
  ["Rocha", 8],
  ["Barbosa", 8],
  ["Conceição", 8],
  ["Cardoso", 7],
  ["Mendes", 7],
  ["Castro", 6],
  ["Brandão", 5],
  ["Guimarães", 5],
  ["Magalhães", 5],
  ["Simões", 5],
  ["Assunção", 4],
  ["Falcão", 4],
  ["Peçanha", 3],
  ["D'Ávila", 3],
  ["Nóbrega", 3],
  ["Damásio", 2],
  ["Cortês", 3],
  ["Tavares", 4],
  ["Mendonça", 4],
  ["Albuquerque", 3],
  ["Prudêncio", 2],
  ["Sá", 3],
  ["Bragança", 2],
  ["Loureiro", 2],
  ["Paixão", 2],
];
const COMPANY_HEADS = [
  "Padaria Pão de Açúcar",
  "Café São Jorge",
  "Mercadinho Boa Esperança",
  "Tecelagem Irmãos D'Ávila",
  "Agropecuária Três Corações",
  "Farmácia Santa Luzia",
  "Papelaria Criação",
  "Ótica Visão",
  "Açougue União",
  "Construções Pinheiro",
  "Distribuidora Ação",
  "Floricultura Jardim",
];
const COMPANY_TAILS = ["Ltda", "ME", "Eireli", "S.A.", "& Cia Ltda", "Comércio Ltda"];
const RARE_SURNAME = "Quintanilha";
const CITIES: [string, string, string][] = [
  ["São Paulo", "SP", "01"],
  ["Rio de Janeiro", "RJ", "20"],
  ["Belo Horizonte", "MG", "30"],
  ["Curitiba", "PR", "80"],
  ["Porto Alegre", "RS", "90"],
  ["Salvador", "BA", "40"],
  ["Recife", "PE", "50"],
  ["Goiânia", "GO", "74"],
  ["Florianópolis", "SC", "88"],
  ["Belém", "PA", "66"],
  ["Maceió", "AL", "57"],
];
const STREETS = [
  "Rua das Flores",
  "Avenida Paulista",
  "Rua São João",
  "Travessa da Conceição",
  "Rua Ipê Amarelo",
];

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => int(10)).join("");
  return { next, int, pick, digits };
}

function weighted(list: [string, number][]) {
  const total = list.reduce((s, [, w]) => s + w, 0);
  return (r: number) => {
    let x = r * total;
    for (const [v, w] of list) {
      x -= w;
      if (x < 0) return v;
    }
    return list.at(-1)![0];
  };
}

interface CustomerRow {
  name: string;
  document: string;
  document_kind: "cpf" | "cnpj";
  kind: "PF" | "PJ";
  email: string;
  phone: string;
  addresses: unknown[];
}

function makeCustomers(count: number): CustomerRow[] {
  const r = rng(20261127);
  const lastName = weighted(LAST_NAMES);
  const seen = new Set<string>();
  const out: CustomerRow[] = [];
  const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  while (out.length < count) {
    const roll = r.next();
    let document: string;
    let name: string;
    let kind: "cpf" | "cnpj";
    if (roll < 0.85) {
      kind = "cpf";
      let base = r.digits(9);
      if (/^(\d)\1{8}$/.test(base)) base = `1${base.slice(1)}`;
      document = base + cpfCheckDigits(base);
      const rare = r.next() < 0.0001;
      name = `${r.pick(FIRST_NAMES)} ${r.next() < 0.4 ? `${r.pick(FIRST_NAMES)} ` : ""}${lastName(r.next())} ${
        rare ? RARE_SURNAME : lastName(r.next())
      }`;
      if (r.next() < 0.02) name = name.toUpperCase();
    } else {
      kind = "cnpj";
      const base =
        roll < 0.95
          ? `${r.digits(8)}0001`
          : Array.from({ length: 12 }, (_, i) =>
              i < 2 ? r.pick([..."0123456789"]) : r.pick([...alnum]),
            ).join("");
      document = base + cnpjCheckDigits(base);
      name = `${r.pick(COMPANY_HEADS)} ${lastName(r.next())} ${r.pick(COMPANY_TAILS)}`;
    }
    if (seen.has(document)) continue;
    seen.add(document);
    const [city, state, cep] = r.pick(CITIES);
    out.push({
      name,
      document,
      document_kind: kind,
      kind: kind === "cpf" ? "PF" : "PJ",
      email: `cliente${out.length + 1}@example.com.br`,
      phone: `+55${11 + r.int(88)}9${r.digits(8)}`,
      addresses: [
        {
          name,
          street: r.pick(STREETS),
          number: String(1 + r.int(3000)),
          complement: r.next() < 0.3 ? `Apto ${1 + r.int(200)}` : null,
          neighborhood: "Centro",
          city,
          state,
          zipcode: `${cep}${r.digits(6)}`,
          country: "BR",
          phone: null,
        },
      ],
    });
  }
  // The generator and the domain rules agree: every document is valid.
  for (const c of out.slice(0, 1000)) {
    if (!checkDocument(c.document).ok) throw new Error(`seed made an invalid document: ${c.document}`);
  }
  return out;
}

/** Cumulative shares of each canonical status (most orders of two years are delivered). */
const STATUS_SQL = `case
  when r_status < 0.07 then 'aguardando_pagamento' when r_status < 0.14 then 'pagamento_confirmado'
  when r_status < 0.20 then 'em_preparacao' when r_status < 0.28 then 'despachado'
  when r_status < 0.33 then 'embarcado' when r_status < 0.88 then 'entregue'
  when r_status < 0.98 then 'cancelado' else 'problemas' end`;

export async function seedSalesOrders(db: Db, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const say = options.progress ?? (() => undefined);
  const endAt = options.endAt ?? new Date();
  const startAt = new Date(endAt.getTime() - 730 * 86_400_000);

  const stores = await db.query<{ id: number }>(
    `insert into stores (org_id, platform, name, external_id)
     values (1, 'nuvemshop', 'Loja Centro', 'bench-1'), (1, 'nuvemshop', 'Empório Açaí', 'bench-2'),
            (1, 'woocommerce', 'Agro Três Corações', 'bench-3')
     on conflict (platform, external_id) where external_id is not null do update set name = excluded.name
     returning id`,
  );
  const storeIds = stores.rows.map((r) => r.id);

  say(`customers: making ${options.customers.toLocaleString("en")}`);
  const customers = makeCustomers(options.customers);
  const first = await db.query<{ id: number | null }>("select max(id) as id from customers");
  const CHUNK = 25_000;
  for (let i = 0; i < customers.length; i += CHUNK) {
    await db.query(
      `insert into customers (org_id, document, document_kind, kind, name, email, phone, addresses)
       select 1, document, document_kind, kind, name, email, phone, addresses
         from jsonb_to_recordset($1::jsonb) as r(document text, document_kind text, kind text, name text,
              email text, phone text, addresses jsonb)
       on conflict (org_id, document) where document is not null do nothing`,
      [JSON.stringify(customers.slice(i, i + CHUNK))],
    );
  }
  const range = await db.query<{ lo: number; n: number }>(
    "select min(id) as lo, count(*)::int as n from customers where id > $1",
    [first.rows[0]?.id ?? 0],
  );
  const { lo, n: customerCount } = range.rows[0]!;

  // Bulk load: the list's indexes are dropped and built again afterwards (far faster than
  // maintaining a trigram index row by row); constraint indexes stay.
  const client = await db.pool.connect();
  try {
    await client.query("set synchronous_commit = off");
    await client.query("set maintenance_work_mem = '512MB'");
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `select i.indexname as name, i.indexdef as def from pg_indexes i
        where i.tablename = 'sales_orders' and i.schemaname = current_schema()
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    );
    for (const ix of indexes) await client.query(`drop index ${ix.name}`);
    await client.query("select setseed(0.2026)");
    const span = (endAt.getTime() - startAt.getTime()) / 1000;
    const ORDER_CHUNK = 100_000;
    for (let from = 1; from <= options.orders; from += ORDER_CHUNK) {
      const to = Math.min(options.orders, from + ORDER_CHUNK - 1);
      // Orders are inserted in time order, as they arrive: ids grow with created_at.
      await client.query(
        `with x as materialized (
           select g, $1::timestamptz + make_interval(secs => (g - 1) * $2::float8 / $3) as created_at,
                  random() as r_store, random() as r_status, random() as r_total, random() as r_cust,
                  random() as r_del, random() as r_pay, random() as r_ship, random() as r_lag
             from generate_series($4::int, $5::int) g
         ), y as (
           select x.*, ${STATUS_SQL} as canonical_status,
                  case when r_store < 0.55 then $6::bigint when r_store < 0.85 then $7::bigint
                       when r_store < 0.97 then $8::bigint end as store_id,
                  (round(exp(ln(1990) + r_total * (ln(500000) - ln(1990))) / 10) * 10)::bigint as total_cents,
                  case when r_pay < 0.4 then 'pix' when r_pay < 0.85 then 'credit_card' else 'boleto' end as method,
                  $9::bigint + least($10::bigint - 1, floor(power(r_cust, 1.6) * $10)::bigint) as customer_id
             from x
         )
         insert into sales_orders (org_id, origin_store_id, store_order_number, customer_id, status, canonical_status,
           payment_type, payment_method, installments, payment_confirmed_at, carrier, shipping_type, subtotal_cents,
           discount_cents, shipping_cents, total_cents, customer_snapshot, delivery_address, deleted_at, ordered_at,
           created_at, updated_at)
         select 1, y.store_id, case when y.store_id is not null then (10000 + y.g)::text end, c.id,
                case y.canonical_status when 'cancelado' then 'cancelado' when 'aguardando_pagamento' then 'em_aberto'
                  when 'pagamento_confirmado' then 'confirmado' when 'em_preparacao' then 'confirmado'
                  else 'faturado' end,
                y.canonical_status,
                case y.method when 'pix' then 'Pix' when 'credit_card' then 'Cartão de crédito' else 'Boleto' end,
                y.method, case when y.method = 'credit_card' then 1 + (y.r_pay * 100)::int % 10 else 1 end,
                case when y.canonical_status not in ('aguardando_pagamento', 'cancelado')
                     then y.created_at + interval '2 hours' end,
                case when y.r_ship < 0.6 then 'Correios' else 'Jadlog' end,
                case when y.r_ship < 0.35 then 'PAC' when y.r_ship < 0.6 then 'SEDEX' else '.Package' end,
                y.total_cents - (y.r_ship * 3000)::bigint, 0, (y.r_ship * 3000)::bigint, y.total_cents,
                jsonb_build_object('name', c.name, 'email', c.email, 'phone', c.phone, 'document', c.document,
                  'documentKind', c.document_kind, 'billingAddress', c.addresses->0),
                c.addresses->0,
                case when y.r_del < 0.003 then y.created_at + interval '1 day' end,
                -- Ordered on the store up to 20 minutes before the sync created the sales order.
                case when y.store_id is not null then y.created_at - make_interval(secs => y.r_lag * 1200)
                     else y.created_at end,
                y.created_at, y.created_at
           from y join customers c on c.id = y.customer_id
          order by y.g`,
        [startAt, span, options.orders, from, to, storeIds[0], storeIds[1], storeIds[2], lo, customerCount],
      );
      say(`sales orders: ${to.toLocaleString("en")} of ${options.orders.toLocaleString("en")}`);
    }
    for (const ix of indexes) {
      say(`index ${ix.name}`);
      await client.query(ix.def);
    }
    say("vacuum analyze");
    await client.query("vacuum (analyze) sales_orders");
    await client.query("analyze customers");
  } finally {
    client.release();
  }
  return { storeIds, rareSurname: RARE_SURNAME, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { createDb } = await import("../src/db/db.ts");
  const { migrate } = await import("../src/db/migrate.ts");
  const { createLogger } = await import("../src/logger.ts");
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_URL (bench/panel-query.ts seeds a throwaway database by itself)");
  const logger = createLogger({ logLevel: "warn", logPretty: false });
  const db = createDb({ connectionString: url, logger });
  await migrate(db, logger);
  const result = await seedSalesOrders(db, {
    orders: Number(process.argv[2] ?? 1_000_000),
    customers: Number(process.argv[3] ?? 300_000),
    progress: (m) => console.log(m),
  });
  console.log(`seeded in ${result.seconds.toFixed(1)} s`);
  await db.close();
}
