import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ago, type HealthFacts, storeHealth } from "./health-rules.ts";

const NOW = new Date("2026-11-20T15:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

const healthy: HealthFacts = {
  platform: "Plataforma Teste",
  storeExternalId: "1234567",
  now: NOW,
  connectionState: "ok",
  connectionMessage: null,
  importEnabled: true,
  importIntervalMinutes: 15,
  importLagSeconds: 300,
  lastContact: { at: minutesAgo(1), ok: true, error: null, failingSince: null },
  lastImportAttempt: { at: minutesAgo(5), error: null },
  lastTest: null,
  jobsRetrying: 0,
  jobsFailed: 0,
  ordersInError: 0,
  ordersHeld: 0,
  pushesFailed: 0,
  emailsFailed: 0,
  storeCancellations: 0,
};
const facts = (patch: Partial<HealthFacts>): HealthFacts => ({ ...healthy, ...patch });

describe("store health rules", () => {
  it("Conectada · Tudo em dia only when nothing is wrong", () => {
    assert.deepEqual(storeHealth(healthy), {
      level: "ok",
      code: "ok",
      connection: "Conectada",
      connectionLevel: "ok",
      message: "Tudo em dia.",
    });
    assert.equal(
      storeHealth(facts({ lastContact: null, lastImportAttempt: null })).code,
      "ok",
      "a new store",
    );
  });

  it("a platform that stopped answering: since when, why, the jobs retrying, what to check", () => {
    const h = storeHealth(
      facts({
        lastContact: { at: minutesAgo(1), ok: false, error: "unreachable", failingSince: minutesAgo(12) },
        lastImportAttempt: { at: minutesAgo(2), error: "unreachable" },
        jobsRetrying: 5,
      }),
    );
    assert.equal(h.level, "bad");
    assert.equal(h.code, "unreachable");
    assert.equal(h.connection, "Sem contato");
    assert.equal(h.connectionLevel, "bad");
    assert.equal(
      h.message,
      "Sem contato com a Plataforma Teste há 12 min (conexão recusada ou endereço não encontrado): 5 tarefas tentando de novo. Confira o endereço da API da loja em Lojas e a conexão deste servidor com a internet.",
    );
    const slow = storeHealth(
      facts({
        lastContact: { at: minutesAgo(0), ok: false, error: "timeout", failingSince: minutesAgo(0.5) },
        jobsRetrying: 1,
        jobsFailed: 2,
      }),
    );
    assert.match(
      slow.message,
      /^Sem contato com a Plataforma Teste há menos de 1 min \(sem resposta a tempo\): 1 tarefa tentando de novo e 2 tarefas com falha\. /,
    );
  });

  it("the rate limit is a warning, and the store stays Conectada", () => {
    const h = storeHealth(
      facts({
        lastContact: { at: minutesAgo(0), ok: false, error: "rate_limited", failingSince: minutesAgo(3) },
      }),
    );
    assert.equal(h.level, "warn");
    assert.equal(h.connection, "Conectada");
    assert.match(h.message, /^Limite de requisições da Plataforma Teste atingido há 3 min/);
  });

  it("the platform answering again clears it", () => {
    assert.equal(
      storeHealth(facts({ lastContact: { at: minutesAgo(0), ok: true, error: null, failingSince: null } }))
        .code,
      "ok",
    );
  });

  it("access the platform refuses comes first, with the store's message", () => {
    const h = storeHealth(
      facts({
        connectionState: "invalid_credentials",
        connectionMessage: "credenciais inválidas: reconecte a loja",
        lastContact: { at: minutesAgo(1), ok: false, error: "unauthorized", failingSince: minutesAgo(1) },
      }),
    );
    assert.deepEqual(
      [h.level, h.code, h.connection, h.message],
      ["bad", "credentials_refused", "Credenciais recusadas", "Credenciais inválidas: reconecte a loja."],
    );
    const suspended = storeHealth(facts({ connectionState: "suspended" }));
    assert.equal(suspended.connection, "Suspensa na plataforma");
    assert.equal(suspended.connectionLevel, "warn");
    assert.match(storeHealth(facts({ connectionState: "uninstalled" })).message, /instale de novo/);
    const disconnected = storeHealth(facts({ connectionState: "disconnected", ordersInError: 2 }));
    assert.deepEqual(
      [disconnected.level, disconnected.code, disconnected.connection],
      ["warn", "disconnected", "Desconectada"],
      "the merchant's choice is said, not alarmed, whatever else is counted",
    );
    assert.match(disconnected.message, /conecte a mesma loja de novo/);
  });

  it("the last import attempt failing while the platform answers", () => {
    const h = storeHealth(
      facts({ lastImportAttempt: { at: minutesAgo(7), error: "internal" }, jobsRetrying: 1 }),
    );
    assert.equal(h.level, "bad");
    assert.equal(h.code, "import_failing");
    assert.equal(h.connection, "Conectada");
    assert.match(
      h.message,
      /^A última importação falhou há 7 min \(erro interno do Ponte\): 1 tarefa tentando de novo\./,
    );
    const refused = storeHealth(facts({ lastImportAttempt: { at: minutesAgo(1), error: "forbidden" } }));
    assert.match(refused.message, /permissão negada.*Reinstale o aplicativo/);
  });

  it("failures, then e-mails, then jobs retrying", () => {
    assert.equal(
      storeHealth(facts({ ordersInError: 1, jobsFailed: 2, pushesFailed: 1 })).message,
      "1 pedido com erro e 2 tarefas com falha e 1 envio à loja com falha: veja em Falhas.",
    );
    assert.equal(
      storeHealth(facts({ storeCancellations: 1 })).message,
      "1 pedido cancelado na loja com nota ou envio: veja em Falhas.",
    );
    assert.equal(
      storeHealth(facts({ emailsFailed: 3 })).message,
      "3 e-mails ao cliente com falha: veja na Caixa de saída.",
    );
    const retrying = storeHealth(facts({ jobsRetrying: 2 }));
    assert.deepEqual([retrying.level, retrying.code], ["warn", "jobs_retrying"]);
    assert.match(retrying.message, /^2 tarefas tentando de novo depois de um erro/);
  });

  it("a failed Testar conexão counts until the platform answers after it", () => {
    const failed = { at: minutesAgo(4), ok: false, error: "not_found" };
    const h = storeHealth(
      facts({
        lastTest: failed,
        lastContact: { at: minutesAgo(5), ok: true, error: null, failingSince: null },
      }),
    );
    assert.deepEqual([h.level, h.code], ["warn", "test_failed"]);
    assert.match(
      h.message,
      /^O último Testar conexão falhou há 4 min: a Plataforma Teste não encontrou a loja 1234567\./,
    );
    assert.equal(
      storeHealth(
        facts({
          lastTest: failed,
          lastContact: { at: minutesAgo(1), ok: true, error: null, failingSince: null },
        }),
      ).code,
      "ok",
    );
    assert.equal(storeHealth(facts({ lastTest: { at: minutesAgo(1), ok: true, error: null } })).code, "ok");
  });

  it("import off, late, or orders waiting are warnings", () => {
    assert.equal(storeHealth(facts({ importEnabled: false })).code, "import_off");
    const late = storeHealth(facts({ importLagSeconds: 3 * 3600 }));
    assert.deepEqual([late.code, late.message], ["import_late", "Importação atrasada: a última foi há 3 h."]);
    assert.equal(
      storeHealth(facts({ ordersHeld: 2 })).message,
      "2 pedidos retidos ou na fila na Integração.",
    );
  });

  it("says how long ago in minutes, hours or days", () => {
    assert.equal(ago(minutesAgo(0.2), NOW), "há menos de 1 min");
    assert.equal(ago(minutesAgo(12), NOW), "há 12 min");
    assert.equal(ago(minutesAgo(119), NOW), "há 119 min");
    assert.equal(ago(minutesAgo(180), NOW), "há 3 h");
    assert.equal(ago(minutesAgo(3 * 24 * 60), NOW), "há 3 dias");
  });
});
