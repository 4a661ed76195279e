// Static Brazilian material the seeded VTEX orders are drawn from. Accents, emoji and characters that need
// escaping (&, <, ') are on purpose: they catch encoding and escaping bugs downstream.

export const FIRST_NAMES = [
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
  "Zoë",
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
];

export const LAST_NAMES = [
  "Conceição",
  "Silva",
  "Santos",
  "Araújo",
  "Gonçalves",
  "Peçanha",
  "Sá",
  "Brandão",
  "Guimarães",
  "Magalhães",
  "Simões",
  "Assunção",
  "Pereira",
  "Lima",
  "Ribeiro",
  "Falcão",
  "D'Ávila",
  "Martins",
  "Nóbrega",
  "Damásio",
  "Cortês",
  "Tavares",
  "Mendonça",
  "Albuquerque",
  "Prudêncio",
];

/** Names with emoji or odd spacing, used now and then. */
export const ODD_NAMES = [
  "Zoë 🌸 Martins",
  "Ana Lúcia ✨ Sá",
  "Dudu 🇧🇷 Peçanha",
  "Maria  da  Conceição",
  "JOSÉ DA SILVA",
];

export const COMPANIES = [
  "Ação & Cia Ltda",
  "Padaria Pão de Açúcar ME",
  "Café São Jorge Eireli",
  "Tecelagem Irmãos D'Ávila S.A.",
  "Comércio <Ôni> & Filhos Ltda",
  "Mercadinho Boa Esperança",
  "Açaí da Praça Ltda",
  "Ótica Visão Clara",
];

export interface City {
  city: string;
  uf: string;
  state: string;
  /** First digits of the CEP range. */
  cep: string;
  ddd: string;
}

export const CITIES: City[] = [
  { city: "São Paulo", uf: "SP", state: "São Paulo", cep: "01", ddd: "11" },
  { city: "São Paulo", uf: "SP", state: "São Paulo", cep: "04", ddd: "11" },
  { city: "Campinas", uf: "SP", state: "São Paulo", cep: "13", ddd: "19" },
  { city: "Santos", uf: "SP", state: "São Paulo", cep: "11", ddd: "13" },
  { city: "Rio de Janeiro", uf: "RJ", state: "Rio de Janeiro", cep: "22", ddd: "21" },
  { city: "Niterói", uf: "RJ", state: "Rio de Janeiro", cep: "24", ddd: "21" },
  { city: "Belo Horizonte", uf: "MG", state: "Minas Gerais", cep: "30", ddd: "31" },
  { city: "Uberlândia", uf: "MG", state: "Minas Gerais", cep: "38", ddd: "34" },
  { city: "Vitória", uf: "ES", state: "Espírito Santo", cep: "29", ddd: "27" },
  { city: "Porto Alegre", uf: "RS", state: "Rio Grande do Sul", cep: "90", ddd: "51" },
  { city: "Curitiba", uf: "PR", state: "Paraná", cep: "80", ddd: "41" },
  { city: "Florianópolis", uf: "SC", state: "Santa Catarina", cep: "88", ddd: "48" },
  { city: "Salvador", uf: "BA", state: "Bahia", cep: "40", ddd: "71" },
  { city: "Recife", uf: "PE", state: "Pernambuco", cep: "50", ddd: "81" },
  { city: "Fortaleza", uf: "CE", state: "Ceará", cep: "60", ddd: "85" },
  { city: "São Luís", uf: "MA", state: "Maranhão", cep: "65", ddd: "98" },
  { city: "João Pessoa", uf: "PB", state: "Paraíba", cep: "58", ddd: "83" },
  { city: "Maceió", uf: "AL", state: "Alagoas", cep: "57", ddd: "82" },
  { city: "Brasília", uf: "DF", state: "Distrito Federal", cep: "70", ddd: "61" },
  { city: "Goiânia", uf: "GO", state: "Goiás", cep: "74", ddd: "62" },
  { city: "Cuiabá", uf: "MT", state: "Mato Grosso", cep: "78", ddd: "65" },
  { city: "Manaus", uf: "AM", state: "Amazonas", cep: "69", ddd: "92" },
  { city: "Belém", uf: "PA", state: "Pará", cep: "66", ddd: "91" },
  { city: "Macapá", uf: "AP", state: "Amapá", cep: "68", ddd: "96" },
];

export const STREETS = [
  "Avenida Paulista",
  "Rua Augusta",
  "Rua das Flores",
  "Rua Barão de Itapetininga",
  "Avenida Brasil",
  "Rua XV de Novembro",
  "Travessa São José",
  "Rua Sete de Setembro",
  "Alameda Santos",
  "Rua Dr. Flôres",
  "Avenida Atlântica",
  "Rua da Consolação",
  "Praça da Sé",
  "Estrada do Açude",
  "Rua Coronel Sá & Souza",
];

export const BAIRROS = [
  "Bela Vista",
  "Centro",
  "Copacabana",
  "Savassi",
  "Moinhos de Vento",
  "Jardim Botânico",
  "Boa Viagem",
  "Pinheiros",
  "Aldeota",
  "Batel",
  "Asa Sul",
  "Ponta Verde",
  "Vila Madalena",
  "Méier",
];

export const COMPLEMENTS = [
  "Apto 42",
  "Bloco B, Ap 101",
  "Casa 2",
  "Fundos",
  "Sala 1203",
  "Cj. 5 – 3º andar",
];

/** A catalog SKU: VTEX ids are strings (items[].id is the SKU id, productId the product). */
export interface CatalogSku {
  skuId: string;
  productId: string;
  refId: string;
  ean: string;
  name: string;
  /** Unit price in cents (the list price is at or above it). */
  price: number;
  listPrice: number;
}

type Row = [string, string, string, string, string, number, number];

// [sku id, product id, refId, ean, name, price, listPrice] in cents
const ROWS: Row[] = [
  ["18", "6", "CAM-AZ-M", "7891000100011", "Camiseta Básica Azul M", 4990, 5990],
  ["19", "6", "CAM-PR-G", "7891000100028", "Camiseta Básica Preta G", 4990, 5990],
  ["25", "9", "CAN-350", "7891000100035", "Caneca Café ☕ 350ml", 3900, 3900],
  ["31", "12", "", "", "Sabonete Artesanal Erva-Doce", 1590, 1590],
  ["40", "15", "BOL-CAR", "7891000100042", "Bolsa de Couro Legítimo Caramelo", 28900, 32900],
  ["44", "17", "PQ-1KG", "7891000100059", "Kit Pão de Queijo Congelado 1kg", 3290, 3290],
  ["52", "20", "VEL-LAV", "7891000100066", "Vela Aromática Lavanda & Alecrim", 5490, 5490],
  ["60", "23", "TEN-ULT-42", "7891000100073", "Tênis Corrida Ultra 42", 39990, 44990],
  ["61", "23", "TEN-ULT-38", "7891000100080", "Tênis Corrida Ultra 38", 39990, 44990],
  ["70", "27", "CAF-250", "7891000100097", "Café Especial Torra Média 250g", 4450, 4450],
  ["80", "31", "LIV-MP", "9788500000011", 'Livro "Memórias Póstumas" – Edição Luxo', 7990, 9990],
  ["90", "35", "CHI-3738", "7891000100103", "Chinelo Slim 🩴 37/38", 2999, 2999],
  ["100", "38", "FON-PRO-BR", "7891000100110", "Fone Bluetooth <Pro> Branco", 19900, 24900],
  ["110", "41", "CES-G", "", "Cesta de Palha Artesanal Grande", 8500, 8500],
  ["120", "44", "DDL-400", "7891000100127", "Doce de Leite Mineiro 400g", 1890, 1890],
];

export const CATALOG: CatalogSku[] = ROWS.map(([skuId, productId, refId, ean, name, price, listPrice]) => ({
  skuId,
  productId,
  refId,
  ean,
  name,
  price,
  listPrice,
}));

export const PICKUP_POINTS = [
  {
    id: "1_loja-pinheiros",
    friendlyName: "Loja Pinheiros",
    street: "Rua dos Pinheiros",
    number: "1000",
    neighborhood: "Pinheiros",
    city: "São Paulo",
    state: "SP",
    postalCode: "05422-001",
  },
  {
    id: "1_loja-centro-bh",
    friendlyName: "Loja Centro BH",
    street: "Rua da Bahia",
    number: "1148",
    neighborhood: "Centro",
    city: "Belo Horizonte",
    state: "MG",
    postalCode: "30160-011",
  },
];

/** Carriers and their SLAs (selectedSla names as a store configures them). */
export const CARRIERS = [
  { sla: "Normal", company: "Correios PAC", estimate: "7bd" },
  { sla: "Expressa", company: "Correios SEDEX", estimate: "2bd" },
  { sla: "Agendada", company: "Transportadora Rápida Ltda", estimate: "5bd" },
];
