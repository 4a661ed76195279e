// Static Brazilian material the seeded VTEX orders are drawn from. Accents, emoji and characters that need
// escaping (&, <, ') are on purpose: they catch encoding and escaping bugs downstream.
export {
  BAIRROS,
  CITIES,
  COMPANIES,
  COMPLEMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  ODD_NAMES,
  STREETS,
} from "../shared/brazil-data.ts";

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
