// API error codes → what the operator reads. The API speaks English in `message`; the panel
// shows these sentences, or a pt-BR reason the API already sends (details.reason).
import type { ApiError } from "./api.ts";

const messages: Record<string, string> = {
  network_error: "Não foi possível falar com o servidor do Ponte. Verifique a conexão e tente de novo.",
  unauthenticated: "Sua sessão terminou. Entre de novo.",
  invalid_credentials: "E-mail ou senha incorretos.",
  too_many_attempts: "Muitas tentativas de acesso. Aguarde alguns minutos e tente de novo.",
  csrf_rejected: "A requisição foi recusada por segurança (origem diferente). Recarregue a página.",
  setup_done: "O primeiro usuário já foi criado. Entre com ele.",
  setup_forbidden: "A criação do primeiro usuário só pode ser feita no próprio servidor (localhost).",
  weak_password: "A senha precisa ter pelo menos 10 caracteres.",
  oauth_not_configured: "A instalação pelo OAuth da plataforma não está configurada neste servidor.",
  oauth_state_invalid:
    "O pedido de instalação expirou, já foi usado ou foi iniciado em outra sessão do Ponte. Clique de novo em Instalar pelo OAuth neste navegador.",
  session_required: "A instalação pelo OAuth começa no painel do Ponte, com um usuário conectado.",
  validation_failed: "Dados inválidos. Confira os campos destacados.",
  not_found: "Registro não encontrado. Ele pode ter sido removido.",
  database_unavailable: "O banco de dados está indisponível no momento. Tente de novo em instantes.",
  illegal_transition: "Essa mudança de status não é permitida.",
  invalid_cursor: "A paginação expirou. Recarregue a lista.",
  platform_unavailable: "A plataforma da loja não respondeu. Tente de novo em instantes.",
  platform_refused: "A plataforma recusou o acesso da loja. Veja a conexão em Lojas.",
  invalid_credentials_platform: "A plataforma recusou as credenciais da loja. Reconecte a loja.",
  internal: "Erro interno no servidor. O erro foi registrado no log.",
  payload_too_large: "O conteúdo enviado é grande demais para esta operação.",
  conflict: "A ação não pode ser feita no estado atual.",
  already_invoiced:
    "Este pedido já tem nota fiscal ou venda simples ativa. Para faturar de novo, cancele a nota (estorno).",
  not_invoiced: "O pedido não tem nota fiscal ativa: não há o que estornar.",
  payment_already_confirmed: "O pagamento deste pedido já foi confirmado.",
  payment_not_confirmed: "Pagamento não confirmado: confirme o pagamento antes de faturar.",
  access_key_in_use: "Essa chave de acesso já foi usada em outro pedido.",
  template_invalid: "O modelo de e-mail tem um erro. Confira o campo destacado.",
  unsafe_url: "Endereço recusado por segurança: use https:// e um endereço público.",
  no_delivery_address: "O pedido não tem endereço de entrega: não há etiqueta a imprimir.",
  invalid_cep: "O CEP do endereço de entrega é inválido.",
  push_already_sent: "Este envio à loja já foi feito: não há o que reenviar.",
  email_not_failed: "Só um e-mail que falhou pode ser reenviado.",
  sales_order_deleted: "Este pedido foi excluído: a ação não pode ser feita.",
  store_unavailable:
    "A loja está sem acesso à plataforma (credenciais recusadas ou loja suspensa). Veja a conexão em Lojas.",
};

export function errorMessage(error: ApiError): string {
  const reason = error.details.reason;
  // A reason is a pt-BR sentence, or sometimes a code (store_unavailable) with its own sentence here.
  if (typeof reason === "string" && reason)
    return /^[a-z_]+$/.test(reason) ? (messages[reason] ?? reason) : reason;
  // A stable reasonCode (payment_already_confirmed, access_key_in_use…) says more than the code.
  const reasonCode = error.details.reasonCode;
  if (typeof reasonCode === "string" && messages[reasonCode]) return messages[reasonCode];
  // Whoever reads the log finds the cause under this id.
  const requestId = error.details.requestId;
  if (error.status >= 500 && typeof requestId === "string" && requestId)
    return `${messages[error.code] ?? `Erro no servidor (${error.code}).`} Código para o suporte: ${requestId}.`;
  const known = messages[error.code];
  if (known) return known;
  if (error.status === 409) return "A ação não pode ser feita no estado atual do pedido.";
  if (error.status >= 500) return `Erro no servidor (${error.code}). Tente de novo em instantes.`;
  return `Não foi possível concluir a ação (${error.code}).`;
}

/** Any thrown value as a pt-BR sentence. */
export function describeError(error: unknown): string {
  if (error && typeof error === "object" && "userMessage" in error) return (error as ApiError).userMessage;
  return "Erro inesperado no painel. Recarregue a página.";
}
