// Roles and what each may do. A route asks for one permission (route-permissions.ts); a user
// has a role, a token a role or a narrower scope, and both become a set of permissions here.
export const ROLES = ["admin", "operator", "reader"] as const;
export type Role = (typeof ROLES)[number];

/** What an API token may carry: a role, or `webhooks` (re-register and test the stores' webhooks). */
export const TOKEN_ACCESS = [...ROLES, "webhooks"] as const;
export type TokenAccess = (typeof TOKEN_ACCESS)[number];

/**
 * - read: see orders, customers, stores, the back office (documents masked without `operate`);
 * - operate: orders, invoices, shipments, customers, stock, receivables, Integração and Falhas;
 * - configure: stores, their settings, DE-PARA tables, e-mail templates, the sender;
 * - access: users, API tokens and the audit trail (Auditoria);
 * - privacy: LGPD requests (a customer's data exported whole, a customer anonymised);
 * - webhooks: the stores' webhook registration (Testar conexão) and the store list it needs.
 */
export const PERMISSIONS = ["read", "operate", "configure", "access", "privacy", "webhooks"] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<TokenAccess, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  operator: new Set(["read", "operate"]),
  reader: new Set(["read"]),
  webhooks: new Set(["webhooks"]),
};

export function permissionsOf(access: TokenAccess): ReadonlySet<Permission> {
  return GRANTS[access];
}

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
export const isTokenAccess = (value: unknown): value is TokenAccess =>
  (TOKEN_ACCESS as readonly unknown[]).includes(value);

/** The names the panel shows (pt-BR), in the API's reasons and on its screens. */
export const ACCESS_LABELS: Record<TokenAccess, string> = {
  admin: "Administrador",
  operator: "Operador",
  reader: "Leitura",
  webhooks: "Webhooks",
};
