// The database port: one `query` and a transaction helper. Everything else talks to
// PostgreSQL through this, so a transaction can be handed to any writer (and to the job
// queue) and they all commit or roll back together.
import pg from "pg";
import { PonteError } from "../errors.ts";
import type { Logger } from "../logger.ts";

// bigint (int8) columns hold money in cents and counts: read them as JS numbers, which
// are exact up to 2^53 cents (90 trillion reais), instead of strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value out of safe range: ${value}`);
  return n;
});

/** SQL text, or a named statement: planned once per connection (hot paths such as webhooks). */
export type Statement = string | { name: string; text: string };

export interface Queryable {
  query<R extends pg.QueryResultRow = Record<string, unknown>>(
    statement: Statement,
    params?: readonly unknown[],
  ): Promise<{ rows: R[]; rowCount: number }>;
}

const toConfig = (statement: Statement, params: readonly unknown[] | undefined): pg.QueryConfig =>
  typeof statement === "string"
    ? { text: statement, values: params as unknown[] | undefined }
    : { name: statement.name, text: statement.text, values: params as unknown[] | undefined };

export interface Db extends Queryable {
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** The underlying pool, for libraries that take one (the job queue). */
  readonly pool: pg.Pool;
  /**
   * SQL this handle runs at the start of each of its transactions, "" for none: a tenant's
   * role and organisation (tenant-db.ts). Who opens a transaction on the pool runs it too.
   */
  readonly setup: string;
  close(): Promise<void>;
}

export interface DbOptions {
  connectionString: string;
  max?: number;
  logger?: Logger;
  applicationName?: string;
}

const CONNECTION_ERRORS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P03",
]);

/** True when the error means "the database is not there right now" rather than a bad query. */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (e.code && CONNECTION_ERRORS.has(e.code)) return true;
  // "…is not queryable": a pooled client whose connection died between two statements of a transaction.
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|is not queryable/i.test(
    e.message ?? "",
  );
}

function wrap(error: unknown): never {
  if (isConnectionError(error)) {
    throw new PonteError("database_unavailable", "the database is not reachable", {
      cause: error,
    });
  }
  throw error;
}

export function createDb(options: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? "ponte",
  });
  // node-postgres crashes the process on an idle client's error unless someone listens.
  // pg attaches the whole client to these errors: log only what helps.
  const brief = (error: Error & { code?: string }) => ({ error: error.message, code: error.code });
  pool.on("error", (error) => options.logger?.warn(brief(error), "idle database connection lost"));
  pool.on("connect", (client) => {
    client.on("error", (error) => options.logger?.warn(brief(error), "database connection lost"));
  });

  const db = handleOn(pool, "");
  return { ...db, close: () => pool.end() };
}

/** A Db on the pool whose transactions start with `setup`; a bare query runs alone unless there is a setup. */
export function handleOn(pool: pg.Pool, setup: string): Db {
  const transaction: Db["transaction"] = async (work) => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      return wrap(error);
    }
    const tx: Queryable = {
      async query(statement, params) {
        const result = await client.query(toConfig(statement, params));
        return { rows: result.rows, rowCount: result.rowCount ?? 0 };
      },
    };
    try {
      // One round trip: BEGIN and the setup go as one simple-protocol string.
      await client.query(setup ? `BEGIN; ${setup}` : "BEGIN");
      const value = await work(tx);
      await client.query("COMMIT");
      client.release();
      return value;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      // A broken connection must not go back to the pool.
      client.release(isConnectionError(error) ? (error as Error) : undefined);
      return wrap(error);
    }
  };
  const query: Queryable["query"] = setup
    ? (statement, params) => transaction((tx) => tx.query(statement, params))
    : async (statement, params) => {
        try {
          const result = await pool.query(toConfig(statement, params));
          return { rows: result.rows, rowCount: result.rowCount ?? 0 };
        } catch (error) {
          return wrap(error);
        }
      };
  return {
    pool,
    setup,
    query,
    transaction,
    async close() {
      // A handle does not own its pool: the Db that made the pool closes it.
    },
  };
}
