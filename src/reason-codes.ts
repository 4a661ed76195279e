// Every `reasonCode` Ponte sends: in an error's details (beside the pt-BR `reason`), on an
// integration row or a failure (why the order is held or in error) and on a timeline entry.
// One list, so a client can rely on it: the OpenAPI document carries it as the `ReasonCode`
// schema, and the panel's pt-BR sentences (web/src/errors-pt.ts) are typed on it, so a code
// added here without its translation fails the panel's typecheck.
import type { DocumentCheck } from "./domain/document.ts";
import type { RefusalCode } from "./domain/lifecycle.ts";
import type { NfeKeyCheck } from "./domain/nfe-key.ts";
import type { UnsafeReason } from "./net/safe-fetch.ts";

export const REASON_CODES = [
  // Why a store order is held or in error (sync/decide.ts, sync/apply-sync.ts).
  "sync_failed",
  "not_synced",
  "payload_unreadable",
  "sales_order_deleted",
  "status_unmapped",
  "status_waiting",
  "status_inactive",
  "status_not_creating",
  "unknown_sku",
  // The integration panel's actions refused (sync/integration-panel.ts).
  "already_synced",
  "unlink_not_allowed",
  "gone_on_platform",
  "import_disabled",
  "already_dismissed",
  "not_dismissed",
  // A status move the lifecycle refuses (domain/lifecycle.ts).
  "same",
  "backwards",
  "cancelled_is_final",
  "needs_shipment_form",
  "needs_shipment",
  "invoice_live",
  "payment_not_confirmed",
  // Back office.
  "payment_already_confirmed",
  "already_invoiced",
  "not_invoiced",
  "access_key_in_use",
  "no_store_cancellation",
  // Customers (backoffice/customer-*.ts).
  "document_in_use",
  // Users and tokens (auth/users.ts, auth/tokens.ts).
  "last_admin",
  "own_account",
  "email_in_use",
  "documents_differ",
  "customer_already_linked",
  "same_customer",
  "customer_redacted",
  "no_delivery_address",
  "invalid_cep",
  // Stock (backoffice/negative-stock-policy.ts, backoffice/stock-import.ts).
  "negative_stock_blocked",
  "preview_changed",
  // Receivables (baixa) and the estorno of an invoice with receipts.
  "receivable_reversed",
  "receipt_exceeds_open",
  "receipt_already_undone",
  "receipts_need_choice",
  // A field at fault (backoffice/field-error.ts): documents, access keys, tracking codes, dates, links.
  "missing",
  "masked",
  "bad_format",
  "bad_length",
  "bad_characters",
  "repeated_digits",
  "bad_check_digit",
  "bad_check_digits",
  "bad_uf",
  "bad_month",
  "bad_model",
  "bad_emission_type",
  "bad_date",
  "future",
  "key_mismatch",
  "not_allowed",
  "bad_url",
  // A browser tab showing another organisation than its session now works in.
  "organization_changed",
  // Stores and their access.
  "store_exists",
  "store_disconnected",
  "store_unavailable",
  "api_base_refused",
  // Pushes to the store and their URLs (net/safe-fetch.ts).
  "push_already_sent",
  "invalid_url",
  "scheme",
  "credentials",
  "port",
  "address",
  "unresolvable",
  // Customer e-mails.
  "email_not_failed",
  "output_too_large",
  "platform_sends",
  "no_address",
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** The codes other modules name in their own types, which must all be in the list. */
type Listed<T extends ReasonCode> = T;
type Failed<C> = Extract<C, { ok: false }> extends { reason: infer R } ? R : never;
export type ListedElsewhere = Listed<
  RefusalCode | UnsafeReason | Failed<NfeKeyCheck> | Failed<DocumentCheck>
>;

/** The OpenAPI schema of a reasonCode (registered as `ReasonCode`). */
export const reasonCodeSchema = { $id: "ReasonCode", type: "string", enum: [...REASON_CODES] } as const;
