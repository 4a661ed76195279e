// A store's DE-PARA tables (status, payment, shipping) and customer default fields: each is
// read whole and replaced whole (PUT), the way the panel edits a table and saves it.
import type { FastifyInstance, FastifyRequest, FastifySchemaValidationError } from "fastify";
import { auditTable } from "../../audit/changes.ts";
import type { AppContext } from "../../context.ts";
import type { Db, Queryable } from "../../db/db.ts";
import { PonteError } from "../../errors.ts";
import {
  CANONICAL_STATUSES,
  type FieldProblem,
  getCustomerDefaults,
  getPaymentMap,
  getShippingMap,
  getStatusMap,
  MAX_VALUE_LENGTH,
  type OnReplaced,
  replaceCustomerDefaults,
  replacePaymentMap,
  replaceShippingMap,
  replaceStatusMap,
} from "../../stores/mapping-tables.ts";
import { getStore } from "../../stores/stores.ts";
import { MAX_EXPRESSION_LENGTH } from "../../sync/customer-defaults.ts";
import { dbOf } from "../plugins/auth.ts";
import { BODY_LIMITS } from "../server-limits.ts";

const idParams = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } as const;
const text = { type: "string", maxLength: MAX_VALUE_LENGTH } as const;

const statusRow = {
  type: "object",
  required: ["canonicalStatus", "platformValues", "active", "createsOrder"],
  additionalProperties: false,
  properties: {
    canonicalStatus: { type: "string", description: `One of: ${CANONICAL_STATUSES.join(", ")}` },
    platformValues: {
      type: "array",
      maxItems: 50,
      items: text,
      description: "Status keys the platform sends; each maps to one canonical status only",
    },
    active: { type: "boolean", description: "Ativo" },
    createsOrder: { type: "boolean", description: "Processa inclusão: creates a sales order" },
    extra: {
      type: "object",
      maxProperties: 20,
      additionalProperties: { type: "string", maxLength: 200 },
      description:
        "Values of the extra columns the store's platform declares for its status table (GET /api/v1/platforms, statusColumns), by key; absent when empty. Another key answers 400 unknown_column",
    },
  },
} as const;

// Responses name the statuses as an enum; requests take any text so an unknown one is
// reported with its row, like every other table problem.
const statusResponseRow = {
  ...statusRow,
  properties: { ...statusRow.properties, canonicalStatus: { type: "string", enum: [...CANONICAL_STATUSES] } },
} as const;

const paymentRow = {
  type: "object",
  required: ["platformValue", "paymentType"],
  additionalProperties: false,
  properties: {
    platformValue: text,
    paymentType: text,
    installments: { type: ["integer", "null"], minimum: 1, maximum: 48, default: null },
  },
} as const;

const shippingRow = {
  type: "object",
  required: ["platformValue", "carrier"],
  additionalProperties: false,
  properties: {
    platformValue: text,
    carrier: text,
    shippingType: { type: ["string", "null"], maxLength: MAX_VALUE_LENGTH, default: null },
  },
} as const;

const customerDefaultRow = {
  type: "object",
  required: ["field", "expression"],
  additionalProperties: false,
  properties: {
    field: { type: "string", maxLength: 64, description: "Customer extra field to fill" },
    expression: {
      type: "string",
      maxLength: MAX_EXPRESSION_LENGTH,
      description: 'JSONata over the normalized order, e.g. `true` or `billingAddress.state = "MT"`',
    },
  },
} as const;

const errorBody = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        details: {
          type: "array",
          items: {
            type: "object",
            properties: {
              field: { type: "string", description: "e.g. rows[3].platformValues[0]" },
              problem: { type: "string" },
              message: { type: "string" },
              message_pt: { type: "string" },
            },
          },
        },
      },
    },
  },
} as const;

// pt-BR for the schema keywords a table can break; the panel shows it next to the field.
const PT: Record<string, (params: Record<string, unknown>) => string> = {
  required: () => "campo obrigatório",
  type: (p) => `tipo inválido (esperado ${String(p.type)})`,
  minimum: (p) => `deve ser no mínimo ${String(p.limit)}`,
  maximum: (p) => `deve ser no máximo ${String(p.limit)}`,
  maxLength: (p) => `deve ter no máximo ${String(p.limit)} caracteres`,
  maxItems: (p) => `deve ter no máximo ${String(p.limit)} itens`,
};

/** `/rows/3/platformValues/0` → `rows[3].platformValues[0]`. */
function fieldPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "");
}

/**
 * Schema failures leave in the same shape as the tables' own checks (field, problem,
 * message_pt), so the panel reads one format for every 400 on these routes.
 */
function schemaFailure(error: Error & { validation?: FastifySchemaValidationError[] }): PonteError {
  const details: FieldProblem[] = (error.validation ?? []).map((v) => {
    const params = (v.params ?? {}) as Record<string, unknown>;
    const missing = typeof params.missingProperty === "string" ? params.missingProperty : null;
    const path = fieldPath(v.instancePath);
    const field = missing ? (path ? `${path}.${missing}` : missing) : path || "body";
    const pt = PT[v.keyword]?.(params) ?? "valor inválido";
    return {
      field,
      problem: v.keyword,
      message: `${field}: ${v.message ?? "is invalid"}`,
      message_pt: `${field}: ${pt}`,
    };
  });
  return new PonteError("validation_failed", details[0]?.message ?? error.message, {
    details: { details },
  });
}

interface TableSpec<Row> {
  path: string;
  name: string;
  row: object;
  /** When the response describes rows more precisely than the request accepts them. */
  responseRow?: object;
  maxRows: number;
  read(q: Queryable, storeId: number): Promise<Row[]>;
  replace(db: Db, storeId: number, rows: Row[], onReplaced?: OnReplaced<Row>): Promise<Row[]>;
}

function tableRoutes<Row>(app: FastifyInstance, ctx: AppContext, spec: TableSpec<Row>) {
  const url = `/api/v1/stores/:id/${spec.path}`;
  const rowsBody = {
    type: "object",
    required: ["rows"],
    additionalProperties: false,
    properties: { rows: { type: "array", maxItems: spec.maxRows, items: spec.row } },
  };
  const rowsResponse = {
    type: "object",
    required: ["rows"],
    properties: { rows: { type: "array", items: spec.responseRow ?? spec.row } },
  };
  const failIfInvalid = (request: FastifyRequest) => {
    if (request.validationError) throw schemaFailure(request.validationError);
  };

  app.get<{ Params: { id: number } }>(
    url,
    {
      attachValidation: true,
      schema: {
        tags: ["mappings"],
        summary: `The store's ${spec.name}`,
        params: idParams,
        response: { 200: rowsResponse, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      failIfInvalid(request);
      await getStore(dbOf(request), request.params.id);
      return { rows: await spec.read(dbOf(request), request.params.id) };
    },
  );

  app.put<{ Params: { id: number }; Body: { rows: Row[] } }>(
    url,
    {
      bodyLimit: BODY_LIMITS.table,
      attachValidation: true,
      schema: {
        tags: ["mappings"],
        summary: `Replace the store's ${spec.name} (the whole table, in one transaction)`,
        params: idParams,
        body: rowsBody,
        response: { 200: rowsResponse, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      failIfInvalid(request);
      // An unknown store is a 404 whatever the body says (replace checks again, under lock).
      await getStore(dbOf(request), request.params.id);
      const rows = await spec.replace(
        dbOf(request),
        request.params.id,
        request.body.rows,
        (tx, before, after) =>
          auditTable(tx, request, `mapping.${spec.path}.update`, spec.path, before, after),
      );
      return { rows };
    },
  );
}

export async function mappingTableRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  tableRoutes(app, ctx, {
    path: "status-map",
    name: "status table (DE-PARA): exactly one row per canonical status",
    row: statusRow,
    responseRow: statusResponseRow,
    maxRows: 50,
    read: getStatusMap,
    replace: replaceStatusMap,
  });
  tableRoutes(app, ctx, {
    path: "payment-map",
    name: "payment table: platform value → payment type and installments",
    row: paymentRow,
    maxRows: 500,
    read: getPaymentMap,
    replace: replacePaymentMap,
  });
  tableRoutes(app, ctx, {
    path: "shipping-map",
    name: "shipping table: platform value → carrier and shipping type",
    row: shippingRow,
    maxRows: 500,
    read: getShippingMap,
    replace: replaceShippingMap,
  });
  tableRoutes(app, ctx, {
    path: "customer-defaults",
    name: "customer default fields: field = JSONata expression over the order, in order",
    row: customerDefaultRow,
    maxRows: 100,
    read: getCustomerDefaults,
    replace: replaceCustomerDefaults,
  });
}
