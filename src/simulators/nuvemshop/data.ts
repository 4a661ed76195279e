// Static Brazilian material the seeded orders are drawn from. Accents, emoji and characters that need
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

export interface CatalogItem {
  productId: number;
  variantId: number;
  name: string;
  values: string[];
  sku: string | null;
  /** Unit price in cents. */
  price: number;
  weight: string;
}

type CatalogRow = [number, number, string, string[], string | null, number, string];

// [product_id, variant_id, name, variant values, sku, price in cents, weight]
const ROWS: CatalogRow[] = [
  [111001, 501001, "Camiseta Básica", ["Azul", "M"], "CAM-AZ-M", 4990, "0.200"],
  [111001, 501002, "Camiseta Básica", ["Preta", "G"], "CAM-PR-G", 4990, "0.200"],
  [111002, 501010, "Caneca Café ☕ 350ml", [], "CAN-350", 3900, "0.400"],
  [111003, 501020, "Sabonete Artesanal Erva-Doce", [], null, 1590, "0.100"],
  [111004, 501030, "Bolsa de Couro Legítimo", ["Caramelo"], "BOL-CAR", 28900, "0.800"],
  [111005, 501040, "Kit Pão de Queijo Congelado 1kg", [], "PQ-1KG", 3290, "1.000"],
  [111006, 501050, "Vela Aromática Lavanda & Alecrim", [], "VEL-LAV", 5490, "0.350"],
  [111007, 501060, "Tênis Corrida Ultra", ["42"], "TEN-ULT-42", 39990, "0.900"],
  [111007, 501061, "Tênis Corrida Ultra", ["38"], "TEN-ULT-38", 39990, "0.850"],
  [111008, 501070, "Café Especial Torra Média 250g", [], "CAF-250", 4450, "0.250"],
  [111009, 501080, 'Livro "Memórias Póstumas" – Edição Luxo', [], "LIV-MP", 7990, "0.600"],
  [111010, 501090, "Chinelo Slim 🩴", ["37/38"], "CHI-3738", 2999, "0.300"],
  [111011, 501100, "Fone Bluetooth <Pro>", ["Branco"], "FON-PRO-BR", 19900, "0.150"],
  [111012, 501110, "Cesta de Palha Artesanal", ["Grande"], "", 8500, "0.700"],
  [111013, 501120, "Doce de Leite Mineiro 400g", [], "DDL-400", 1890, "0.450"],
  [111014, 501130, "Vestido Floral Verão", ["Estampado", "P"], "VES-FLO-P", 15900, "0.300"],
];

export const CATALOG: CatalogItem[] = ROWS.map(
  ([productId, variantId, name, values, sku, price, weight]) => ({
    productId,
    variantId,
    name,
    values,
    sku,
    price,
    weight,
  }),
);

export const COUPONS = [
  { id: 9001, code: "BEMVINDO10", type: "percentage", value: "10.00" },
  { id: 9002, code: "FRETEGRATIS", type: "shipping", value: "0.00" },
  { id: 9003, code: "PROMO15", type: "percentage", value: "15.00" },
  { id: 9004, code: "DESCONTO20", type: "absolute", value: "20.00" },
];

export const BRANCHES = [
  { name: "Loja Pinheiros", address: "Rua dos Pinheiros, 1000 - Pinheiros, São Paulo - SP" },
  { name: "Loja Centro BH", address: "Rua da Bahia, 1148 - Centro, Belo Horizonte - MG" },
];

export const NOTES = [
  "Por favor, embrulhar para presente 🎁",
  "Entregar na portaria, com o Sr. Zé.\nObrigado!",
  "Não tocar a campainha — bebê dormindo 👶",
  "Nota fiscal em nome da empresa, por favor.",
];

export const BROWSERS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36",
];
