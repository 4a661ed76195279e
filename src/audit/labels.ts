// The audit trail's pt-BR names for what a change was made to and who made it: the CSV export
// writes them, and the Auditoria screen shows them (web/src/audit/labels.ts).

export const ENTITY_LABELS: Record<string, string> = {
  order: "Pedido",
  store: "Loja",
  store_order: "Pedido na loja",
  email_template: "Modelo de e-mail",
  product: "Produto",
  customer: "Cliente",
  settings: "Configurações",
  user: "Usuário",
  token: "Token de API",
  job: "Tarefas",
  organization: "Organização",
};

export const ACTOR_KINDS: Record<string, string> = {
  user: "Usuário",
  token: "Token de API",
  cli: "Linha de comando",
  system: "Sistema",
};
