// Static Brazilian material the seeded WooCommerce orders are drawn from. Accents, emoji and characters that need
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

/** A catalog product: Woo ids are integers; a variation has its own id under the product. */
export interface CatalogProduct {
  productId: number;
  variationId: number;
  sku: string;
  /** Woo's line name: a variation carries its attributes after " - " (decoded here, not "&ndash;"). */
  name: string;
  /** Unit price in cents. */
  price: number;
}

type Row = [number, number, string, string, number];

// [product id, variation id, sku, name, price in cents]
const ROWS: Row[] = [
  [18, 19, "CAM-AZ-M", "Camiseta Básica - Azul, M", 4990],
  [18, 20, "CAM-PR-G", "Camiseta Básica - Preta, G", 4990],
  [25, 0, "CAN-350", "Caneca Café ☕ 350ml", 3900],
  [31, 0, "", "Sabonete Artesanal Erva-Doce", 1590],
  [40, 0, "BOL-CAR", "Bolsa de Couro Legítimo Caramelo", 28900],
  [44, 0, "PQ-1KG", "Kit Pão de Queijo Congelado 1kg", 3290],
  [52, 0, "VEL-LAV", "Vela Aromática Lavanda & Alecrim", 5490],
  [60, 61, "TEN-ULT-42", "Tênis Corrida Ultra - 42", 39990],
  [60, 62, "TEN-ULT-38", "Tênis Corrida Ultra - 38", 39990],
  [70, 0, "CAF-250", "Café Especial Torra Média 250g", 4450],
  [80, 0, "LIV-MP", 'Livro "Memórias Póstumas" – Edição Luxo', 7990],
  [90, 0, "CHI-3738", "Chinelo Slim 🩴 37/38", 2999],
  [100, 0, "FON-PRO-BR", "Fone Bluetooth <Pro> Branco", 19900],
  [110, 0, "", "Cesta de Palha Artesanal Grande", 8500],
  [120, 0, "DDL-400", "Doce de Leite Mineiro 400g", 1890],
];

export const CATALOG: CatalogProduct[] = ROWS.map(([productId, variationId, sku, name, price]) => ({
  productId,
  variationId,
  sku,
  name,
  price,
}));

/** Shipping methods as core and the Correios plugin name them (method_id, method_title). */
export const SHIPPING_METHODS = [
  { id: "flat_rate", title: "Taxa fixa" },
  { id: "correios-pac", title: "PAC" },
  { id: "correios-sedex", title: "SEDEX" },
  { id: "free_shipping", title: "Frete grátis" },
  { id: "local_pickup", title: "Retirada na loja" },
];

/** Payment gateways a Brazilian store shows (payment_method, payment_method_title). */
export const PAYMENT_METHODS = [
  { id: "pix", title: "Pix" },
  { id: "pagseguro", title: "PagSeguro" },
  { id: "mercadopago", title: "Mercado Pago - Cartão de crédito" },
  { id: "bacs", title: "Transferência bancária" },
  { id: "cod", title: "Pagamento na entrega" },
];

export const COUPONS = ["BEMVINDO10", "FRETEGRATIS", "black-friday"];
