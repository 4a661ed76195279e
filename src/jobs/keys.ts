// Job keys and queues, in one place: a key coalesces pending work for one thing, a queue
// runs that thing's jobs one at a time (DESIGN 4: one order's work is serialized).

/** All sync work for one store order: webhooks, status refresh, retries, Reprocessar. */
export const syncOrderJob = (storeId: number, externalId: string) => ({
  jobKey: `sync:${storeId}:${externalId}`,
  queueName: `order:${storeId}:${externalId}`,
});

/** A store's import runs. */
export const importJob = (storeId: number) => ({
  jobKey: `import:${storeId}`,
  queueName: `import:${storeId}`,
});
