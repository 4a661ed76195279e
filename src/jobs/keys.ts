// Job keys and queues, in one place: a key coalesces pending work for one thing, a queue
// runs that thing's jobs one at a time (one order's work is serialized).

/** All sync work for one store order: webhooks, status refresh, retries, Reprocessar. */
export const syncOrderJob = (storeId: number, externalId: string) => ({
  jobKey: `sync:${storeId}:${externalId}`,
  queueName: `order:${storeId}:${externalId}`,
});

/**
 * A store's import runs. `maxAttempts` (PONTE_IMPORT_MAX_ATTEMPTS): tries before the queue gives
 * up on it; a given-up import waits for Reprocessar, Importar agora or the next scheduled one.
 */
export const importJob = (storeId: number, maxAttempts?: number) => ({
  jobKey: `import:${storeId}`,
  queueName: `import:${storeId}`,
  ...(maxAttempts === undefined ? {} : { maxAttempts }),
});

/** A store's status refresh runs. */
export const refreshJob = (storeId: number) => ({
  jobKey: `refresh:${storeId}`,
  queueName: `refresh:${storeId}`,
});

/** A store's re-decision of what waits (sync/redecide.ts); a table save while one runs queues the next. */
export const redecideJob = (storeId: number) => ({
  jobKey: `redecide:${storeId}`,
  queueName: `redecide:${storeId}`,
});

/** One customer e-mail (email_outbox row): a second enqueue while it waits is the same job. */
export const sendEmailJob = (emailId: number) => ({
  jobKey: `email:${emailId}`,
  maxAttempts: 12, // exponential backoff: about 16 hours of SMTP outage before it is given up
});

/** One push (outbox row); a store's pushes run one at a time, in order (src/push/run-push.ts). */
export const pushJob = (storeId: number, outboxId: number) => ({
  jobKey: `push:${outboxId}`,
  queueName: `push:${storeId}`,
});

/** A store's webhook registration: one pending at a time, never two running at once. */
export const registerWebhooksJob = (storeId: number) => ({
  jobKey: `webhooks:${storeId}`,
  queueName: `webhooks:${storeId}`,
  maxAttempts: 10, // exponential backoff: a platform outage of a few hours is waited out
});
