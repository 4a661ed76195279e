// The one table of route → permission (issue 17). Every /api/ route that is not public is here;
// a route missing from it is refused to everyone (fail closed), and a test walks the app's routes
// against it. A list means any one of the permissions will do.
import type { Permission } from "./roles.ts";

type Need = Permission | readonly Permission[];

const ROUTES: Record<string, Need> = {
  // Seeing: everything a reader may see.
  "GET /api/v1/overview": "read",
  "GET /api/v1/platforms": ["read", "webhooks"],
  "GET /api/v1/stores": ["read", "webhooks"],
  "GET /api/v1/stores/:id": ["read", "webhooks"],
  "GET /api/v1/stores/:id/orders": "read",
  "GET /api/v1/stores/:id/status-map": "read",
  "GET /api/v1/stores/:id/payment-map": "read",
  "GET /api/v1/stores/:id/shipping-map": "read",
  "GET /api/v1/stores/:id/push-map": "read",
  "GET /api/v1/stores/:id/customer-defaults": "read",
  "GET /api/v1/stores/:id/email-templates": "read",
  "GET /api/v1/settings/sender": "read",
  "GET /api/v1/orders": "read",
  "GET /api/v1/orders/:id": "read",
  "GET /api/v1/orders/:id/invoices": "read",
  "GET /api/v1/orders/:id/shipments": "read",
  "GET /api/v1/orders/:id/pushes": "read",
  "GET /api/v1/orders/:id/transitions": "read",
  "GET /api/v1/orders/:id/label.pdf": "read",
  "GET /api/v1/customers": "read",
  "GET /api/v1/customers/:id": "read",
  "GET /api/v1/products": "read",
  "GET /api/v1/products/:sku": "read",
  "GET /api/v1/products/:sku/stock-movements": "read",
  "GET /api/v1/receivables": "read",
  "GET /api/v1/receivables/:id": "read",
  "GET /api/v1/receivables/totals": "read",
  "GET /api/v1/emails": "read",
  "GET /api/v1/emails/:id": "read",
  "GET /api/v1/failures": "read",
  "GET /api/v1/integration/:storeId/orders": "read",
  "GET /api/v1/integration/:storeId/orders/:externalId": "read",
  "GET /api/v1/exports/orders": "read",
  "GET /api/v1/exports/receivables": "read",
  "GET /api/v1/exports/stock": "read",

  // The day's work: Operador.
  // The store's raw payload shows the customer's documents unmasked.
  "GET /api/v1/failures/orders/:storeId/:externalId/payload": "operate",
  "POST /api/v1/failures/retry": "operate",
  "POST /api/v1/integration/:storeId/orders/:externalId/create": "operate",
  "POST /api/v1/integration/:storeId/orders/:externalId/update": "operate",
  "POST /api/v1/integration/:storeId/orders/:externalId/retry": "operate",
  "POST /api/v1/integration/:storeId/orders/:externalId/dismiss": "operate",
  "POST /api/v1/integration/:storeId/orders/:externalId/restore": "operate",
  "DELETE /api/v1/integration/:storeId/orders/:externalId/link": "operate",
  "POST /api/v1/stores/:id/import": "operate",
  "POST /api/v1/orders": "operate",
  "DELETE /api/v1/orders/:id": "operate",
  "POST /api/v1/orders/:id/status": "operate",
  "POST /api/v1/orders/:id/confirm-payment": "operate",
  "POST /api/v1/orders/:id/customer": "operate",
  "POST /api/v1/orders/:id/invoice": "operate",
  "POST /api/v1/orders/:id/invoice/cancel": "operate",
  "POST /api/v1/orders/:id/shipments": "operate",
  "POST /api/v1/orders/:id/store-cancellation/resolve": "operate",
  "POST /api/v1/pushes/:id/resend": "operate",
  "POST /api/v1/emails/:id/resend": "operate",
  "POST /api/v1/customers": "operate",
  "PATCH /api/v1/customers/:id": "operate",
  "POST /api/v1/customers/:id/merge": "operate",
  "POST /api/v1/products/:sku/stock-adjustments": "operate",
  "POST /api/v1/products/stock-import/preview": "operate",
  "POST /api/v1/products/stock-import": "operate",
  "POST /api/v1/receivables/:id/receipts": "operate",
  "POST /api/v1/receivables/:id/receipts/:receiptId/undo": "operate",

  // Setting up: Administrador.
  "GET /api/v1/platforms/:platform/install": "configure",
  "POST /api/v1/stores": "configure",
  "PATCH /api/v1/stores/:id": "configure",
  "POST /api/v1/stores/:id/disconnect": "configure",
  "POST /api/v1/stores/:id/preview": "configure",
  "POST /api/v1/stores/:id/preview/recent": "configure",
  "PUT /api/v1/stores/:id/status-map": "configure",
  "PUT /api/v1/stores/:id/payment-map": "configure",
  "PUT /api/v1/stores/:id/shipping-map": "configure",
  "PUT /api/v1/stores/:id/push-map": "configure",
  "PUT /api/v1/stores/:id/customer-defaults": "configure",
  "PUT /api/v1/stores/:id/email-templates/:status": "configure",
  "DELETE /api/v1/stores/:id/email-templates/:status": "configure",
  "POST /api/v1/stores/:id/email-templates/:status/preview": "configure",
  "PUT /api/v1/settings/sender": "configure",
  // Testar conexão turns the store's webhooks back on where the platform switched them off.
  "POST /api/v1/stores/:id/test-connection": ["configure", "webhooks"],

  // Who may use Ponte.
  "GET /api/v1/organizations": "read",
  "POST /api/v1/organizations": "access",
  "PUT /api/v1/auth/organization": "read",
  "GET /api/v1/users": "access",
  "POST /api/v1/users": "access",
  "PATCH /api/v1/users/:id": "access",
  "DELETE /api/v1/users/:id": "access",
  "GET /api/v1/tokens": "access",
  "POST /api/v1/tokens": "access",
  "DELETE /api/v1/tokens/:id": "access",
  // LGPD: a customer's data exported whole, a customer anonymised (docs/PRIVACY.md).
  "GET /api/v1/privacy-requests": "privacy",
  "GET /api/v1/privacy-requests/:id": "privacy",
  "GET /api/v1/privacy-requests/:id/data.json": "privacy",
  "GET /api/v1/customers/:id/privacy-requests": "privacy",
  "POST /api/v1/customers/:id/privacy-requests": "privacy",
  // The audit trail: who changed what, with the values (secrets masked).
  "GET /api/v1/audit": "access",
  "GET /api/v1/exports/audit": "access",
};

/** The permissions that open a route (method and pattern), or undefined when the table lacks it. */
export function routeNeeds(method: string, pattern: string): readonly Permission[] | undefined {
  const need = ROUTES[`${method === "HEAD" ? "GET" : method} ${pattern}`];
  if (need === undefined) return undefined;
  return typeof need === "string" ? [need] : need;
}

/** Every entry, for the test that walks the app's routes. */
export const routePermissionTable: Readonly<Record<string, Need>> = ROUTES;
