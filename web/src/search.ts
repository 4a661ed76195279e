// The search box of Pedidos and Integração: the API reads what was typed (GET …?q=) as Ponte's
// number, the store's number ("160", "#160"), a CPF/CNPJ or part of the customer's name. This
// refuses, before any request, what the API would refuse.

export const SEARCH_LABEL = "Buscar";
export const SEARCH_HINT = "Nº Ponte, Nº da loja (160 ou #160), nome do cliente ou CPF/CNPJ";

/** The pt-BR problem with a search, or null when the API can run it. */
export function searchProblem(text: string): string | null {
  const t = text.trim();
  if (t.startsWith("#") && t.slice(1).trim() === "") return "Digite o número do pedido na loja depois do #.";
  if ([...t].length === 1 && !/^\d$/.test(t)) {
    return "Digite um número, pelo menos 2 letras do nome ou o CPF/CNPJ completo.";
  }
  return null;
}
