// Lojas, "Testar conexão": calls the platform through the store's connector and says, in
// pt-BR, what works and what does not — credentials, reading orders (with the buyer), and
// webhooks (registered again: the platform's list made to match). Platform errors never
// escape: each becomes a failed check with its reason. What the test learns about access is
// recorded like the sync records it (a refused token marks the store; a token accepted again
// clears the mark and resumes the import).
import type { AppContext } from "../context.ts";
import { type ConnectionProbe, PlatformAccessError, type StoreConnector } from "../platforms/connector.ts";
import { platformModule } from "../platforms/registry.ts";
import { handleAccessError } from "../sync/access.ts";
import { type ConnectionState, getStore, openStore, type Store } from "./stores.ts";
import { registerStoreWebhooks } from "./webhook-registration.ts";

export interface ConnectionCheck {
  key: "credentials" | "orders" | "customers" | "webhooks";
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

/** The longest one check may take, whatever the platform's rate limit or retries. */
export const CHECK_DEADLINE_MS = 20_000;

class DeadlineExceeded extends Error {}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded()), ms);
  });
  work.catch(() => undefined); // may settle after the deadline
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const statusOf = (error: unknown): number | null => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : null;
};

/** Why a call failed, for the operator. `what` completes "ao …" / "para …". */
function describeFailure(error: unknown, platform: string, store: Store, what: string, ms: number): string {
  if (error instanceof PlatformAccessError) {
    return error.state === "invalid_credentials"
      ? `Credenciais recusadas pela ${platform} — reconecte a loja`
      : `A ${platform} recusou o acesso: loja ou aplicativo suspenso por falta de pagamento — regularize na ${platform}`;
  }
  if (error instanceof DeadlineExceeded) {
    return `A ${platform} não respondeu em ${Math.round(ms / 1000)} s ${what}; tente de novo em instantes`;
  }
  const status = statusOf(error);
  const text = error instanceof Error ? error.message : String(error);
  if (status === null) {
    if (/timeout|timed out|aborted/i.test(text)) {
      return `A ${platform} não respondeu a tempo ${what} (tempo esgotado); tente de novo em instantes`;
    }
    return `Não foi possível conectar à ${platform} (${store.apiBaseUrl}): ${text}`;
  }
  if (status === 404 && what === "ao ler os dados da loja") {
    return `Loja ${store.externalId} não encontrada na ${platform} — confira o ID da loja`;
  }
  if (status === 403) return `A ${platform} negou a permissão ${what}: o aplicativo não tem esse escopo`;
  if (status === 429)
    return `Limite de requisições da ${platform} atingido ${what}; tente de novo em instantes`;
  if (status >= 500) {
    return `A ${platform} respondeu com erro ${status} ${what} (instabilidade na plataforma); tente de novo em alguns minutos`;
  }
  return `A ${platform} respondeu ${status} ${what}`;
}

const count = (n: number) => n.toLocaleString("pt-BR");

export async function testConnection(ctx: AppContext, storeId: number): Promise<ConnectionTest> {
  let store = await getStore(ctx.db, storeId); // an unknown store is a 404, not a failed check
  const module = platformModule(store.platform);
  const label = module.label;
  const checks: ConnectionCheck[] = [];
  const finish = (): ConnectionTest => ({
    ok: checks.every((c) => c.ok || !c.required),
    checks,
    connectionState: store.connectionState,
  });
  const skipped = (why: string) => {
    checks.push({ key: "orders", ok: false, required: true, message: `Não verificado: ${why}` });
  };

  let probe: ConnectionProbe | undefined;
  let connector: StoreConnector;
  try {
    // A person waits: one quick retry and a short timeout (the probe has its own such client).
    connector = (await openStore(ctx, storeId, { maxRetries: 1, baseDelayMs: 250, timeoutMs: 8_000 }))
      .connector;
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
  const attempt = async <T>(key: ConnectionCheck["key"], what: string, call: () => Promise<T>) => {
    try {
      return { ok: true as const, value: await withDeadline(call(), CHECK_DEADLINE_MS) };
    } catch (error) {
      ctx.logger.info({ store: storeId, check: key, err: error }, "connection test check failed");
      return {
        ok: false as const,
        error,
        message: describeFailure(error, label, store, what, CHECK_DEADLINE_MS),
      };
    }
  };

  // Credentials: the store's own record.
  const info = await attempt("credentials", "ao ler os dados da loja", () => probe.storeInfo());
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
  }

  // Orders: one, with the buyer when the app may read customers.
  const sample = await attempt("orders", "ao listar pedidos", () => probe.sampleOrder());
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
            message:
              "Os pedidos vêm sem os dados do cliente (o aplicativo não tem a permissão de ler clientes): os pedidos entram sem vínculo de cliente por CPF/CNPJ — reinstale o aplicativo com essa permissão",
          },
    );
  }

  // Webhooks: registered again (the platform's list made to match), so orders arrive at once;
  // without them the scheduled import still brings everything.
  const webhooks = await registerStoreWebhooks(ctx, store, connector, {
    bound: (work) => withDeadline(work, CHECK_DEADLINE_MS),
    describe: (error) => describeFailure(error, label, store, "ao registrar os webhooks", CHECK_DEADLINE_MS),
  });
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
