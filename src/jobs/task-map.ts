// The task map: every job name with the payload it carries. Enqueue sites build a job through
// its spec (specs.ts), so the payload is typed where it is written; the queue hands a task an
// unknown JSON value, so each payload is checked here, at that boundary, before a task sees it.

export interface TaskPayloads {
  "import-orders": { storeId: number };
  /** `parked`: queued while the store's import was off (sync/import-switch.ts wakes it). */
  "sync-order": { storeId: number; externalId: string; parked?: true };
  "sync-orders": { storeId: number };
  "refresh-statuses": { storeId: number };
  "redecide-orders": { storeId: number };
  "register-webhooks": { storeId: number };
  "send-email": { emailId: number };
  /** `storeId` is not needed to run it: Falhas › Tarefas reads it to name the store. */
  push: { outboxId: number; storeId: number };
  /** One LGPD request (privacy_requests row): export, anonymise, or remove a store's data. */
  "privacy-request": { requestId: number };
  selftest: { runId: string; seq: number };
}

export type TaskName = keyof TaskPayloads;

/** A payload the queue holds that is not what its task takes (a job added by hand, say). */
export class MalformedJobPayload extends Error {
  constructor(task: string, problem: string) {
    super(`job "${task}": malformed payload: ${problem}`);
    this.name = "MalformedJobPayload";
  }
}

type Fields = Record<string, unknown>;

const shown = (value: unknown) => JSON.stringify(value) ?? String(value);

const isFields = (raw: unknown): raw is Fields =>
  typeof raw === "object" && raw !== null && !Array.isArray(raw);

function fieldsOf(task: string, raw: unknown): Fields {
  if (!isFields(raw)) throw new MalformedJobPayload(task, `expected an object, got ${shown(raw)}`);
  return raw;
}

function id(task: string, fields: Fields, name: string): number {
  const value = fields[name];
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  throw new MalformedJobPayload(task, `${name} must be a positive integer, got ${shown(value)}`);
}

function count(task: string, fields: Fields, name: string): number {
  const value = fields[name];
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  throw new MalformedJobPayload(task, `${name} must be a whole number, got ${shown(value)}`);
}

function text(task: string, fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value === "string" && value !== "") return value;
  throw new MalformedJobPayload(task, `${name} must be a non-empty string, got ${shown(value)}`);
}

const storeJob =
  <T extends TaskName>(task: T) =>
  (raw: unknown) => ({ storeId: id(task, fieldsOf(task, raw), "storeId") });

const parsers: { [T in TaskName]: (raw: unknown) => TaskPayloads[T] } = {
  "import-orders": storeJob("import-orders"),
  "sync-order": (raw) => {
    const f = fieldsOf("sync-order", raw);
    return {
      storeId: id("sync-order", f, "storeId"),
      externalId: text("sync-order", f, "externalId"),
      ...(f.parked === true ? { parked: true as const } : {}),
    };
  },
  "sync-orders": storeJob("sync-orders"),
  "refresh-statuses": storeJob("refresh-statuses"),
  "redecide-orders": storeJob("redecide-orders"),
  "register-webhooks": storeJob("register-webhooks"),
  "send-email": (raw) => ({ emailId: id("send-email", fieldsOf("send-email", raw), "emailId") }),
  push: (raw) => {
    const f = fieldsOf("push", raw);
    return { outboxId: id("push", f, "outboxId"), storeId: id("push", f, "storeId") };
  },
  "privacy-request": (raw) => ({
    requestId: id("privacy-request", fieldsOf("privacy-request", raw), "requestId"),
  }),
  selftest: (raw) => {
    const f = fieldsOf("selftest", raw);
    return { runId: text("selftest", f, "runId"), seq: count("selftest", f, "seq") };
  },
};

/** The payload as its task takes it; throws MalformedJobPayload, naming the field, when it is not. */
export function parsePayload<T extends TaskName>(task: T, raw: unknown): TaskPayloads[T] {
  return parsers[task](raw);
}
