// A store's "Envio à loja" table: per trigger, the platform actions a back-office change pushes.
// Read as the 9 effective rows (override or platform default, with the status row's Ativo);
// replaced whole: rows sent are stored as overrides, triggers left out go back to the default.
import type { Db, Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import type { PlatformId } from "../platforms/connector.ts";
import { platformModule } from "../platforms/registry.ts";
import { Problems } from "../stores/mapping-rows.ts";
import {
  defaultPushActions,
  isPushAction,
  isPushTrigger,
  PUSH_ACTIONS,
  PUSH_TRIGGERS,
  type PushActionKind,
  type PushTrigger,
  supportedActions,
  TRIGGER_LABELS,
} from "./actions.ts";

export interface PushMapRow {
  trigger: PushTrigger;
  /** pt-BR. */
  label: string;
  actions: PushActionKind[];
  /** False: the platform's default (no override stored). */
  custom: boolean;
  /** The status row's Ativo: an inactive status pushes nothing. Null for "faturado". */
  statusActive: boolean | null;
}

export interface PushMapInput {
  trigger: string;
  actions: string[];
}

/** The overrides of one store, by trigger. */
export async function loadPushOverrides(
  q: Queryable,
  storeId: number,
): Promise<Map<PushTrigger, PushActionKind[]>> {
  const { rows } = await q.query<{ trigger: PushTrigger; actions: PushActionKind[] }>(
    "select trigger, actions from push_maps where store_id = $1",
    [storeId],
  );
  return new Map(rows.map((r) => [r.trigger, r.actions]));
}

/** A trigger's actions for a store: its override or the platform default, in PUSH_ACTIONS order. */
export function resolveActions(
  platform: PlatformId,
  trigger: PushTrigger,
  overrides: Map<PushTrigger, PushActionKind[]>,
): PushActionKind[] {
  const chosen = overrides.get(trigger) ?? defaultPushActions(platform, trigger);
  return PUSH_ACTIONS.filter((a) => chosen.includes(a));
}

async function storePlatform(
  q: Queryable,
  storeId: number,
  lock = false,
): Promise<{ orgId: number; platform: PlatformId }> {
  const { rows } = await q.query<{ org_id: number; platform: PlatformId }>(
    `select org_id, platform from stores where id = $1${lock ? " for update" : ""}`,
    [storeId],
  );
  if (!rows[0]) throw new PonteError("not_found", `store ${storeId} not found`);
  return { orgId: rows[0].org_id, platform: rows[0].platform };
}

export async function getPushMap(q: Queryable, storeId: number): Promise<PushMapRow[]> {
  const { platform } = await storePlatform(q, storeId);
  const overrides = await loadPushOverrides(q, storeId);
  const { rows } = await q.query<{ canonical_status: string; active: boolean }>(
    "select canonical_status, active from status_maps where store_id = $1",
    [storeId],
  );
  const active = new Map(rows.map((r) => [r.canonical_status, r.active]));
  return PUSH_TRIGGERS.map((trigger) => ({
    trigger,
    label: TRIGGER_LABELS[trigger],
    actions: resolveActions(platform, trigger, overrides),
    custom: overrides.has(trigger),
    statusActive: trigger === "faturado" ? null : (active.get(trigger) ?? false),
  }));
}

/** Checks every row, reporting all problems at once (400, like the DE-PARA tables). */
function checkRows(
  platform: PlatformId,
  rows: PushMapInput[],
): { trigger: PushTrigger; actions: PushActionKind[] }[] {
  const supported = supportedActions(platformModule(platform).capabilities);
  const problems = new Problems();
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!isPushTrigger(row.trigger)) {
      problems.add(
        `rows[${i}].trigger`,
        "unknown_trigger",
        `unknown trigger "${row.trigger}"`,
        `gatilho desconhecido "${row.trigger}"`,
      );
    } else if (seen.has(row.trigger)) {
      problems.add(
        `rows[${i}].trigger`,
        "duplicate_trigger",
        `"${row.trigger}" appears twice`,
        `"${row.trigger}" aparece duas vezes`,
      );
    }
    seen.add(row.trigger);
    const actions = new Set<string>();
    row.actions.forEach((action, j) => {
      const field = `rows[${i}].actions[${j}]`;
      if (!isPushAction(action)) {
        problems.add(
          field,
          "unknown_action",
          `unknown action "${action}" (one of ${PUSH_ACTIONS.join(", ")})`,
          `ação desconhecida "${action}"`,
        );
      } else if (!supported.includes(action)) {
        problems.add(
          field,
          "unsupported_action",
          `${platform} cannot ${action}`,
          `a plataforma não permite "${action}"`,
        );
      } else if (actions.has(action)) {
        problems.add(
          field,
          "duplicate_action",
          `"${action}" appears twice`,
          `"${action}" aparece duas vezes`,
        );
      }
      actions.add(action);
    });
  });
  problems.check("push map");
  return rows.map((r) => ({ trigger: r.trigger as PushTrigger, actions: r.actions as PushActionKind[] }));
}

/** `onReplaced` runs last in the transaction with the table before and after (the audit row). */
export async function replacePushMap(
  db: Db,
  storeId: number,
  rows: PushMapInput[],
  onReplaced?: (tx: Queryable, before: PushMapRow[], after: PushMapRow[]) => Promise<unknown>,
): Promise<PushMapRow[]> {
  return db.transaction(async (tx) => {
    const { orgId, platform } = await storePlatform(tx, storeId, true);
    const before = onReplaced ? await getPushMap(tx, storeId) : [];
    const checked = checkRows(platform, rows);
    await tx.query("delete from push_maps where store_id = $1", [storeId]);
    await tx.query(
      `insert into push_maps (org_id, store_id, trigger, actions)
       select $1, $2, r.trigger, r.actions from jsonb_to_recordset($3::jsonb) as r(trigger text, actions text[])`,
      [orgId, storeId, JSON.stringify(checked)],
    );
    const after = await getPushMap(tx, storeId);
    await onReplaced?.(tx, before, after);
    return after;
  });
}
