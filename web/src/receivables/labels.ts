// The pt-BR words of Recebíveis: situations and how the money came in.

export const SITUATION_LABELS: Record<string, string> = {
  open: "Em aberto",
  partial: "Parcial",
  paid: "Pago",
  reversed: "Estornado",
};

export const METHOD_LABELS: Record<string, string> = {
  pix: "Pix",
  boleto: "Boleto",
  cartao_credito: "Cartão de crédito",
  cartao_debito: "Cartão de débito",
  dinheiro: "Dinheiro",
  deposito: "Depósito",
  transferencia: "Transferência",
  outro: "Outro",
};

/** Today in São Paulo, YYYY-MM-DD: the default date of a baixa. */
export function businessToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date());
}

/** "2026-03" → "março de 2026". */
export function monthLabel(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat("pt-BR", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}
