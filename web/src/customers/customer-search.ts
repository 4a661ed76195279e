// The Clientes search box's hint and the check made before asking the API.
export const CUSTOMER_SEARCH_HINT = "Nome, CPF/CNPJ (com ou sem pontuação) ou e-mail";

/** Why the API would refuse this search, said before asking it. */
export function customerSearchProblem(text: string): string | null {
  const t = text.trim();
  return t !== "" && [...t].length < 2 ? "Digite pelo menos 2 caracteres." : null;
}
