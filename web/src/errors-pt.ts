// API error codes → what the operator reads. The API speaks English in `message`; the panel
// shows these sentences, or a pt-BR reason the API already sends (details.reason).
import type { components } from "./api/schema.d.ts";
import type { ApiError } from "./api.ts";

/** Every reasonCode the API sends (the server's one list, through the OpenAPI document). */
export type ReasonCode = components["schemas"]["ReasonCode"];

/** Error codes: what went wrong when no reason says more. */
const codeMessages: Record<string, string> = {
  network_error: "Não foi possível falar com o servidor do Ponte. Verifique a conexão e tente de novo.",
  unauthenticated: "Sua sessão terminou. Entre de novo.",
  invalid_credentials: "E-mail ou senha incorretos.",
  too_many_attempts: "Muitas tentativas de acesso. Aguarde alguns minutos e tente de novo.",
  csrf_rejected: "A requisição foi recusada por segurança (origem diferente). Recarregue a página.",
  setup_done: "O primeiro usuário já foi criado. Entre com ele.",
  setup_forbidden: "A criação do primeiro usuário só pode ser feita no próprio servidor (localhost).",
  weak_password: "A senha precisa ter pelo menos 10 caracteres.",
  forbidden: "Seu perfil não permite esta ação. Fale com um administrador.",
  user_disabled: "Este usuário está desativado. Fale com um administrador do Ponte.",
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
  internal: "Erro interno no servidor. O erro foi registrado no log.",
  payload_too_large: "O conteúdo enviado é grande demais para esta operação.",
  conflict: "A ação não pode ser feita no estado atual.",
  template_invalid: "O modelo de e-mail tem um erro. Confira o campo destacado.",
  unsafe_url: "Endereço recusado por segurança: use https:// e um endereço público.",
};

/**
 * Each reasonCode in pt-BR, for an answer that carries the code without its `reason` sentence.
 * Typed on the server's list: a code added there without its sentence here fails the typecheck.
 */
const reasonMessages: Record<ReasonCode, string> = {
  sync_failed: "Falha ao processar o pedido. Veja o detalhe em Falhas.",
  not_synced: "O pedido ainda não foi sincronizado.",
  payload_unreadable: "O pedido da loja veio ilegível.",
  sales_order_deleted: "Este pedido foi excluído: a ação não pode ser feita.",
  status_unmapped: "O status da loja não está na tabela de status (DE-PARA).",
  status_waiting: "O pedido ainda está num status provisório na plataforma: entra quando ele mudar.",
  status_inactive: "O status da loja está inativo na tabela de status.",
  status_not_creating: "Esse status não processa inclusão (tabela de status).",
  unknown_sku: "O pedido tem SKU sem produto cadastrado.",
  already_synced: "O pedido já está sincronizado.",
  unlink_not_allowed: "Este pedido não pode ser desvinculado.",
  gone_on_platform: "O pedido não existe mais na plataforma da loja.",
  import_disabled: "A importação de pedidos desta loja está desligada.",
  same: "O pedido já está nesse status.",
  backwards: "O status não pode voltar para uma etapa anterior.",
  cancelled_is_final: "Um pedido cancelado não muda mais de status.",
  needs_shipment_form: "Para despachar, informe o envio (transportadora e rastreio).",
  needs_shipment: "O pedido ainda não tem envio registrado.",
  invoice_live: "O pedido tem nota fiscal ativa: cancele a nota (estorno) antes.",
  payment_not_confirmed: "Pagamento não confirmado: confirme o pagamento antes de faturar.",
  payment_already_confirmed: "O pagamento deste pedido já foi confirmado.",
  already_invoiced:
    "Este pedido já tem nota fiscal ou venda simples ativa. Para faturar de novo, cancele a nota (estorno).",
  not_invoiced: "O pedido não tem nota fiscal ativa: não há o que estornar.",
  already_dismissed: "Este pedido já foi ignorado na lista de atenção.",
  not_dismissed: "Este pedido não está ignorado.",
  receivable_reversed: "Esta parcela foi estornada com a nota fiscal: não recebe baixa.",
  receipt_exceeds_open: "O valor passa do que falta receber nesta parcela.",
  receipt_already_undone: "Esta baixa já foi desfeita.",
  receipts_need_choice:
    "A nota tem parcelas já recebidas: escolha desfazer as baixas ou manter o valor como crédito do cliente.",
  access_key_in_use: "Essa chave de acesso já foi usada em outro pedido.",
  no_store_cancellation: "A loja não cancelou este pedido.",
  document_in_use: "Esse CPF/CNPJ já pertence a outro cliente.",
  last_admin:
    "O Ponte precisa de pelo menos um administrador ativo: dê o papel de Administrador a outro usuário antes.",
  own_account: "Você não pode desativar nem remover a sua própria conta.",
  email_in_use: "Já existe um usuário com esse e-mail.",
  documents_differ: "Os dois cadastros têm CPF/CNPJ diferentes: não são a mesma pessoa.",
  customer_already_linked: "Este pedido já está vinculado a um cliente.",
  customer_redacted:
    "Este cliente foi anonimizado (LGPD): o cadastro não recebe mais dados pessoais nem pedidos.",
  same_customer: "Escolha outro cadastro: não dá para unificar um cliente com ele mesmo.",
  no_delivery_address: "O pedido não tem endereço de entrega: não há etiqueta a imprimir.",
  invalid_cep: "O CEP do endereço de entrega é inválido.",
  negative_stock_blocked: "Estoque insuficiente: a loja bloqueia notas que deixam o estoque negativo.",
  preview_changed: "O arquivo mudou desde a pré-visualização. Pré-visualize de novo antes de importar.",
  missing: "Preencha o campo destacado.",
  bad_format: "O campo destacado está em formato inválido.",
  bad_length: "O campo destacado tem tamanho inválido.",
  bad_characters: "O campo destacado tem caracteres inválidos.",
  masked: "O CPF/CNPJ veio escondido pela plataforma: digite o documento completo.",
  repeated_digits: "O documento não pode ter todos os dígitos iguais.",
  bad_check_digit: "O dígito verificador não confere.",
  bad_check_digits: "Os dígitos verificadores não conferem.",
  bad_uf: "A UF da chave de acesso é inválida.",
  bad_month: "O mês da chave de acesso é inválido.",
  bad_model: "O modelo da chave de acesso é inválido (55 ou 65).",
  bad_emission_type: "O tipo de emissão da chave de acesso é inválido.",
  bad_date: "Data inválida.",
  future: "A data não pode estar no futuro.",
  key_mismatch: "O campo não confere com a chave de acesso.",
  not_allowed: "Esse campo não se aplica a uma venda simples.",
  bad_url: "Link inválido: use um endereço que comece com https://.",
  organization_changed:
    "A organização foi trocada em outra aba: esta aba foi atualizada para a organização atual.",
  store_exists: "Essa loja já está conectada ao Ponte.",
  store_disconnected: "A loja foi desconectada do Ponte. Conecte a loja de novo em Lojas.",
  store_unavailable:
    "A loja está sem acesso à plataforma (credenciais recusadas ou loja suspensa). Veja a conexão em Lojas.",
  api_base_refused: "Esse endereço de API não é o da plataforma da loja.",
  push_already_sent: "Este envio à loja já foi feito: não há o que reenviar.",
  invalid_url: "Endereço inválido.",
  scheme: "Endereço recusado por segurança: use https://.",
  credentials: "Endereço recusado: não inclua usuário e senha no endereço.",
  port: "Endereço recusado: porta não permitida.",
  address: "Endereço recusado por segurança: use um endereço público.",
  unresolvable: "Endereço não encontrado (o nome não resolve).",
  email_not_failed: "Só um e-mail que falhou pode ser reenviado.",
  output_too_large: "O modelo de e-mail gera um texto grande demais.",
  platform_sends: "O cliente é notificado pela plataforma da loja.",
  no_address: "O cliente não tem e-mail válido no pedido.",
};

function reasonMessage(code: unknown): string | undefined {
  return typeof code === "string" && Object.hasOwn(reasonMessages, code)
    ? reasonMessages[code as ReasonCode]
    : undefined;
}

export function errorMessage(error: ApiError): string {
  // `reason` is always a pt-BR sentence.
  const reason = error.details.reason;
  if (typeof reason === "string" && reason) return reason;
  // A stable reasonCode (payment_already_confirmed, access_key_in_use…) says more than the code.
  const byReason = reasonMessage(error.details.reasonCode);
  if (byReason) return byReason;
  // Whoever reads the log finds the cause under this id.
  const requestId = error.details.requestId;
  if (error.status >= 500 && typeof requestId === "string" && requestId)
    return `${codeMessages[error.code] ?? `Erro no servidor (${error.code}).`} Código para o suporte: ${requestId}.`;
  const known = codeMessages[error.code];
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
