// How a pt-BR reader expects a payment, a phone and a state written (issue 16, item 10):
// "Pix", "Cartão de crédito em 3x", "(11) 91234-5678", "SP". Pure functions shared by the panel
// and the exports; a value they do not recognise is given back as received, never guessed.

/** Ponte's payment types (the DE-PARA's "Forma de pagamento no ERP" values) and their names. */
const PAYMENT_TYPE_NAMES: Record<string, string> = {
  pix: "Pix",
  boleto: "Boleto",
  cartao_credito: "Cartão de crédito",
  cartao_debito: "Cartão de débito",
  deposito: "Depósito bancário",
  dinheiro: "Dinheiro",
  transferencia: "Transferência",
  vale: "Vale-presente",
};

/** "Pix", "Cartão de crédito em 3x", "Boleto"; an unknown type as received; "—" for none. */
export function paymentTypeLabel(type: string | null | undefined, installments = 1): string {
  if (!type) return "—";
  const name = PAYMENT_TYPE_NAMES[type.trim().toLowerCase()] ?? type;
  return installments > 1 ? `${name} em ${installments}x` : name;
}

/**
 * A Brazilian phone with its area code: "(11) 91234-5678" (mobile) or "(11) 3456-7890" (landline),
 * from digits in any dress (+55, spaces, dashes, a leading 0 trunk prefix). Anything else (a
 * foreign number, too few digits) is given back as received.
 */
export function formatPhoneBr(phone: string | null | undefined): string {
  if (!phone) return "—";
  let digits = phone.replace(/\D/g, "");
  if (digits.length > 11 && digits.startsWith("55") && !phone.trim().startsWith("0"))
    digits = digits.slice(2);
  if ((digits.length === 11 || digits.length === 12) && digits.startsWith("0")) digits = digits.slice(1);
  const match = /^([1-9]\d)(9?\d{4})(\d{4})$/.exec(digits);
  if (!match || (digits.length === 11 && match[2]!.length !== 5)) return phone;
  return `(${match[1]}) ${match[2]}-${match[3]}`;
}

/** The 27 federative units by name, compared without accents or case. */
const UF_BY_NAME: Record<string, string> = {
  acre: "AC",
  alagoas: "AL",
  amapa: "AP",
  amazonas: "AM",
  bahia: "BA",
  ceara: "CE",
  "distrito federal": "DF",
  "espirito santo": "ES",
  goias: "GO",
  maranhao: "MA",
  "mato grosso": "MT",
  "mato grosso do sul": "MS",
  "minas gerais": "MG",
  para: "PA",
  paraiba: "PB",
  parana: "PR",
  pernambuco: "PE",
  piaui: "PI",
  "rio de janeiro": "RJ",
  "rio grande do norte": "RN",
  "rio grande do sul": "RS",
  rondonia: "RO",
  roraima: "RR",
  "santa catarina": "SC",
  "sao paulo": "SP",
  sergipe: "SE",
  tocantins: "TO",
};
const UFS = new Set(Object.values(UF_BY_NAME));

const fold = (text: string) =>
  text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

/** "SP" from "SP", "sp", "São Paulo" or "BR-SP"; anything else as received. */
export function stateCode(state: string | null | undefined): string {
  if (!state) return "";
  const folded = fold(state).replace(/^br-/, "");
  const upper = folded.toUpperCase();
  if (UFS.has(upper)) return upper;
  return UF_BY_NAME[folded] ?? state;
}
