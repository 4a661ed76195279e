// Where the merchant is: a day starts and ends in São Paulo time (UTC−3), whatever the server's
// zone. Dates for people (e-mails, the label) are written dd/mm/aaaa.

export const BUSINESS_TIME_ZONE = "America/Sao_Paulo";

const DAY = new Intl.DateTimeFormat("pt-BR", { timeZone: BUSINESS_TIME_ZONE });

/** An instant's calendar day in São Paulo: "27/11/2026". */
export function formatBusinessDate(at: Date): string {
  return DAY.format(at);
}
