// The pt-BR sentences the panel shows for why a customer could not be linked (R3.1, R5.2).
import { maskDocument } from "../domain/document.ts";

const DOCUMENT_PROBLEMS: Record<string, string> = {
  missing: "Cliente sem CPF/CNPJ no pedido da loja",
  masked:
    "CPF/CNPJ do cliente escondido pela plataforma (a chave de acesso não tem permissão para ver dados pessoais)",
  bad_length: "CPF/CNPJ do cliente com tamanho inválido",
  bad_characters: "CPF/CNPJ do cliente com caracteres inválidos",
  repeated_digits: "CPF/CNPJ do cliente inválido (dígitos repetidos)",
  bad_check_digits: "CPF/CNPJ do cliente com dígito verificador inválido",
};

export function explainDocumentProblem(problem: string, document: string | null): string {
  const text = DOCUMENT_PROBLEMS[problem] ?? `CPF/CNPJ do cliente inválido (${problem})`;
  const shown = document && problem !== "missing" ? `: ${maskDocument(document)}` : "";
  return `${text}${shown}; o pedido foi importado sem vínculo de cliente`;
}
