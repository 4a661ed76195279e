// Loja Teste's order as its API sends it: Portuguese field names, a string code for an id, one
// status field ("situacao"), money already in integer cents, dates as ISO instants. Deliberately
// unlike Nuvemshop's, so an engine that leans on Nuvemshop's shape fails with this platform.

export const SITUACOES = ["aguardando", "aprovado", "faturado", "enviado", "entregue", "cancelado"] as const;
export type Situacao = (typeof SITUACOES)[number];

export interface FakeAddress {
  destinatario: string;
  logradouro: string;
  numero: string;
  complemento: string | null;
  bairro: string;
  cidade: string;
  uf: string;
  cep: string;
}

export interface FakeItem {
  sku: string;
  descricao: string;
  quantidade: number;
  precoCentavos: number;
}

export interface FakeRawOrder {
  /** The order's code: letters and digits, never a number. */
  codigo: string;
  numeroPedido: string;
  criadoEm: string;
  alteradoEm: string;
  /** Anything the store sends; one of SITUACOES for a well-behaved store. */
  situacao: string;
  comprador: { codigo: string; nome: string; email: string | null; documento: string | null };
  enderecoCobranca: FakeAddress;
  entrega: {
    endereco: FakeAddress | null;
    transportadora: string | null;
    servico: string | null;
    retiradaNaLoja: boolean;
    rastreio: string | null;
    linkRastreio: string | null;
  };
  itens: FakeItem[];
  valores: { descontoCentavos: number; freteCentavos: number; totalCentavos: number };
  pagamento: { forma: string; parcelas: number; pagoEm: string | null };
  notasFiscais: { chave: string; link: string | null }[];
  observacao: string | null;
}

/** A valid CPF from nine digits (the two check digits computed, mod 11). */
export function cpfFrom(base9: string): string {
  const digit = (s: string, first: number) => {
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += Number(s[i]) * (first - i);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const d1 = digit(base9, 10);
  const d2 = digit(`${base9}${d1}`, 11);
  const all = `${base9}${d1}${d2}`;
  return `${all.slice(0, 3)}.${all.slice(3, 6)}.${all.slice(6, 9)}-${all.slice(9)}`;
}

/** A valid numeric CNPJ from twelve digits. */
export function cnpjFrom(base12: string): string {
  const digit = (s: string, weights: number[]) => {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += Number(s[i]) * weights[i]!;
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const d1 = digit(base12, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = digit(`${base12}${d1}`, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const all = `${base12}${d1}${d2}`;
  return `${all.slice(0, 2)}.${all.slice(2, 5)}.${all.slice(5, 8)}/${all.slice(8, 12)}-${all.slice(12)}`;
}

const BUYERS = [
  { nome: "Joana Ribeiro", documento: cpfFrom("529982247") },
  { nome: "Agropecuária Serra Azul Ltda", documento: cnpjFrom("112223330001") },
  { nome: "Tomás Araújo", documento: null },
  { nome: "Luíza Gonçalves", documento: cpfFrom("390533447") },
  { nome: "Cooperativa Vale Verde", documento: cnpjFrom("043210980001") },
  { nome: "Mário Peçanha", documento: "111.111.111-11" },
];

const PRODUCTS = [
  { sku: "LT-SEM-001", descricao: "Semente de milho híbrido 20 kg", precoCentavos: 48_990 },
  { sku: "LT-ADU-002", descricao: "Adubo NPK 10-10-10 50 kg", precoCentavos: 21_450 },
  { sku: "LT-LUV-003", descricao: "Luva de nitrílica (par)", precoCentavos: 1_299 },
];

/** The n-th order a seeded store holds (n from 1): buyers, items and statuses in turn. */
export function seedOrder(n: number, codigo: string, at: string, situacao?: Situacao): FakeRawOrder {
  const buyer = BUYERS[(n - 1) % BUYERS.length]!;
  const itens = PRODUCTS.slice(0, 1 + (n % PRODUCTS.length)).map((p, i) => ({ ...p, quantidade: 1 + i }));
  const subtotal = itens.reduce((sum, i) => sum + i.precoCentavos * i.quantidade, 0);
  const desconto = n % 4 === 0 ? 1_000 : 0;
  const frete = n % 3 === 0 ? 0 : 2_590;
  const endereco: FakeAddress = {
    destinatario: buyer.nome,
    logradouro: "Rua das Laranjeiras",
    numero: String(100 + n),
    complemento: n % 2 === 0 ? "Sala 2" : null,
    bairro: "Centro",
    cidade: "Ribeirão Preto",
    uf: "SP",
    cep: "14010-000",
  };
  const status = situacao ?? SITUACOES[(n - 1) % SITUACOES.length]!;
  return {
    codigo,
    numeroPedido: `PED-${String(n).padStart(5, "0")}`,
    criadoEm: at,
    alteradoEm: at,
    situacao: status,
    comprador: {
      codigo: `cli-${(n - 1) % BUYERS.length}`,
      nome: buyer.nome,
      email: `comprador${(n - 1) % BUYERS.length}@exemplo.com.br`,
      documento: buyer.documento,
    },
    enderecoCobranca: endereco,
    entrega: {
      endereco,
      transportadora: n % 5 === 0 ? "Retira" : "Correios",
      servico: n % 5 === 0 ? "Retirada no balcão" : "SEDEX",
      retiradaNaLoja: n % 5 === 0,
      rastreio: null,
      linkRastreio: null,
    },
    itens,
    valores: { descontoCentavos: desconto, freteCentavos: frete, totalCentavos: subtotal - desconto + frete },
    pagamento: {
      forma: ["pix", "cartao", "boleto"][n % 3]!,
      parcelas: n % 3 === 1 ? 3 : 1,
      pagoEm: status === "aguardando" || status === "cancelado" ? null : at,
    },
    notasFiscais: [],
    observacao: n % 7 === 0 ? "Entregar pela manhã, por favor." : null,
  };
}
