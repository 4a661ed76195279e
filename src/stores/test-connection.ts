// Lojas, "Testar conexão": calls the platform through the store's connector and says, in
// pt-BR, what works and what does not — credentials, the key's read/write permission (where the
// platform's keys have one), reading orders (with the buyer), and
// webhooks (registered again: the platform's list made to match). A platform that answers and refuses (401, 402, 403, 404) is a failed check with its
// reason; one that does not answer a required check (down, too slow for the panel's deadline,
// rate limiting) makes the test answer 502/503 with the reason and the checks so far. Never the
// platform's own text or address. What the test learns about access is recorded like the sync
// records it (a refused token marks the store; a token accepted again clears the mark and resumes
// the import), and its outcome is kept for the store's health.
import type { AppContext } from "../context.ts";
import {
  type ConnectionProbe,
  type KeyPermissions,
  PlatformAccessError,
  type StoreConnector,
} from "../platforms/connector.ts";
import {
  describePlatformProblem,
  type PlatformErrorKind,
  platformErrorKind,
  TRANSIENT_KINDS,
} from "../platforms/platform-errors.ts";
import { platformModule } from "../platforms/registry.ts";
import { handleAccessError } from "../sync/access.ts";
import { panelCall, platformFailure } from "./panel-platform.ts";
import { type ConnectionState, getStore, openStore, type Store } from "./stores.ts";
import { registerStoreWebhooks } from "./webhook-registration.ts";

export interface ConnectionCheck {
  key: "credentials" | "permissions" | "orders" | "customers" | "feed" | "webhooks";
  ok: boolean;
  /** pt-BR, plain words: what works, or what failed and what to do. */
  message: string;
  /** False when the store imports without it (webhooks and buyer data help, but are not needed). */
  required: boolean;
}

export interface ConnectionTest {
  /** Every required check passed: the store can import. */
  ok: boolean;
  checks: ConnectionCheck[];
  /** The store's connection state after the test. */
  connectionState: ConnectionState;
}

/** Why a call failed, for the operator: pt-BR by kind, never the platform's text or address. */
function describeFailure(kind: PlatformErrorKind | null, platform: string, store: Store): string {
  if (kind === null) return "Erro interno do Ponte ao testar (o log tem o detalhe); tente de novo";
  const { problem, advice } = describePlatformProblem(kind, platform, { storeExternalId: store.externalId });
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}. ${advice}`;
}

const count = (n: number) => n.toLocaleString("pt-BR");

export async function testConnection(ctx: AppContext, storeId: number): Promise<ConnectionTest> {
  let store = await getStore(ctx.db, storeId); // an unknown store is a 404, not a failed check
  const module = platformModule(store.platform);
  const label = module.label;
  const checks: ConnectionCheck[] = [];
  const failure: {
    /** Why the first required check failed, when the platform said (kept for the store's health). */
    kind: PlatformErrorKind | null;
    /** The first required check the platform did not answer: the test's answer is then a 502/503. */
    unanswered: { kind: PlatformErrorKind; error: unknown } | null;
  } = { kind: null, unanswered: null };
  const finish = async (): Promise<ConnectionTest> => {
    const result = {
      ok: checks.every((c) => c.ok || !c.required),
      checks,
      connectionState: store.connectionState,
    };
    await ctx.db.query(
      "update stores set last_test_at = now(), last_test_ok = $2, last_test_error = $3 where id = $1",
      [storeId, result.ok, result.ok ? null : failure.kind],
    );
    const { unanswered } = failure;
    if (unanswered) {
      throw platformFailure(ctx, store, unanswered.kind, "Testar conexão", unanswered.error, {
        checks,
        connectionState: store.connectionState,
      });
    }
    return result;
  };
  const skipped = (why: string) => {
    checks.push({ key: "orders", ok: false, required: true, message: `Não verificado: ${why}` });
  };

  // A person waits: every call of the test shares the panel's deadline.
  const { deadline } = panelCall(ctx);
  let probe: ConnectionProbe | undefined;
  let connector: StoreConnector;
  try {
    connector = (await openStore(ctx, storeId, undefined, deadline)).connector;
    probe = connector.probe;
  } catch (error) {
    ctx.logger.warn({ store: storeId, err: error }, "store credentials cannot be opened");
    checks.push({
      key: "credentials",
      ok: false,
      required: true,
      message:
        "Credenciais da loja ausentes ou ilegíveis neste servidor (a chave PONTE_SECRET_KEY mudou?) — reconecte a loja",
    });
    skipped("sem credenciais utilizáveis");
    return finish();
  }
  if (!probe) {
    checks.push({
      key: "credentials",
      ok: false,
      required: true,
      message: `O conector ${label} ainda não sabe testar a conexão`,
    });
    return finish();
  }
  const attempt = async <T>(key: ConnectionCheck["key"], call: () => Promise<T>) => {
    try {
      return { ok: true as const, value: await call() };
    } catch (error) {
      ctx.logger.info({ store: storeId, check: key, err: error }, "connection test check failed");
      const kind = platformErrorKind(error);
      if (key !== "webhooks" && key !== "permissions") {
        failure.kind ??= kind;
        if (kind && TRANSIENT_KINDS.has(kind)) failure.unanswered ??= { kind, error };
      }
      return { ok: false as const, error, message: describeFailure(kind, label, store) };
    }
  };

  // Credentials: the store's own record.
  const info = await attempt("credentials", () => probe.storeInfo());
  if (info.ok) {
    const name = info.value.name ? ` (loja "${info.value.name}")` : "";
    checks.push({
      key: "credentials",
      ok: true,
      required: true,
      message: `Credenciais aceitas pela ${label}${name}`,
    });
    store = await clearAccessProblem(ctx, store);
  } else {
    checks.push({ key: "credentials", ok: false, required: true, message: info.message });
    if (info.error instanceof PlatformAccessError) {
      // An uninstalled store keeps saying so: reinstalling is the fix, not a new token.
      if (store.connectionState !== "uninstalled") {
        await handleAccessError(ctx, store, info.error);
        store = await getStore(ctx.db, storeId);
      }
      skipped(`a ${label} recusou o acesso`);
      return finish();
    }
    // Unanswered, or nothing was sent (a refused API address): the other checks would only say the same.
    const stop = failure.unanswered?.kind ?? (failure.kind === "api_base_refused" ? failure.kind : null);
    if (stop) {
      skipped(describePlatformProblem(stop, label).short);
      return finish();
    }
  }

  // The key's permission, where the platform's keys have one: a read-only key imports, but every
  // push and webhook registration would be refused. Not required, like the webhooks. [U]
  const permissionsCheck = info.ok ? probe.permissions : undefined;
  if (permissionsCheck) {
    const permissions = await attempt("permissions", () => permissionsCheck());
    checks.push({
      key: "permissions",
      ok: permissions.ok && permissions.value.read && permissions.value.write,
      required: false,
      message: !permissions.ok ? permissions.message : permissionMessage(permissions.value, label),
    });
  }

  // Orders: one, with the buyer when the app may read customers.
  const sample = await attempt("orders", () => probe.sampleOrder());
  if (!sample.ok) {
    checks.push({ key: "orders", ok: false, required: true, message: sample.message });
  } else if (sample.value === null) {
    checks.push({
      key: "orders",
      ok: true,
      required: true,
      message: "Leitura de pedidos autorizada; a loja ainda não tem pedidos",
    });
  } else {
    const order = sample.value;
    const total =
      order.total === null ? "" : `: ${count(order.total)} pedido${order.total === 1 ? "" : "s"} na loja`;
    checks.push({
      key: "orders",
      ok: true,
      required: true,
      message: `Pedidos legíveis${total} (lido o pedido ${order.number ? `#${order.number}` : order.externalId})`,
    });
    checks.push(
      order.customerIncluded
        ? {
            key: "customers",
            ok: true,
            required: false,
            message: "Os pedidos trazem os dados do cliente (nome, e-mail, CPF/CNPJ)",
          }
        : {
            key: "customers",
            ok: false,
            required: false,
            message: `Os pedidos vêm sem os dados do cliente (o acesso da ${label} não tem permissão de ver dados de clientes): os pedidos entram sem vínculo de cliente por CPF/CNPJ — dê essa permissão ao aplicativo ou à chave de acesso`,
          },
    );
  }

  // The platform's feed, where it has one: the queue orders come through.
  const feedCheck = probe.feed;
  if (feedCheck) {
    const feed = await attempt("feed", () => feedCheck());
    checks.push({
      key: "feed",
      ok: feed.ok,
      required: true,
      message: feed.ok
        ? `Fila de pedidos da ${label} configurada: os pedidos novos e alterados entram por ela`
        : feed.message,
    });
  }

  // Webhooks: registered again (the platform's list made to match), so orders arrive at once;
  // without them the scheduled import still brings everything.
  const webhooks = await registerStoreWebhooks(ctx, store, connector);
  if (webhooks) {
    checks.push({
      key: "webhooks",
      ok: webhooks.state === "registered",
      required: false,
      message: webhooks.message,
    });
  }
  ctx.logger.info(
    { store: storeId, failed: checks.filter((c) => !c.ok).map((c) => c.key) },
    "store connection tested",
  );
  return finish();
}

function permissionMessage({ read, write }: KeyPermissions, label: string): string {
  if (read && write) return "A chave de acesso pode ler e alterar pedidos (permissão Leitura/Escrita)";
  if (read)
    return `A chave de acesso tem só permissão de leitura: os pedidos entram, mas o Ponte não consegue enviar status, rastreio e nota fiscal à ${label} nem registrar os webhooks — troque-a por uma chave com permissão Leitura/Escrita`;
  return `A chave de acesso não tem permissão de leitura: troque-a por uma chave com permissão Leitura/Escrita`;
}

/** The platform accepts the credentials again: a store marked refused or suspended imports again, now. */
async function clearAccessProblem(ctx: AppContext, store: Store): Promise<Store> {
  if (store.connectionState !== "invalid_credentials" && store.connectionState !== "suspended") return store;
  await ctx.db.query(
    `update stores set connection_state = 'ok', connection_message = null, next_import_at = now(), updated_at = now()
      where id = $1 and connection_state in ('invalid_credentials', 'suspended')`,
    [store.id],
  );
  ctx.logger.info({ store: store.id, was: store.connectionState }, "store access works again");
  return getStore(ctx.db, store.id);
}
