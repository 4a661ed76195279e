// graphile-worker logs through its own Logger type; route it into pino so stdout stays JSON.
import { Logger as GraphileLogger } from "graphile-worker";
import type { Logger } from "../logger.ts";

export function queueLogger(logger: Logger): GraphileLogger {
  const child = logger.child({ component: "queue" });
  return new GraphileLogger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...(meta ?? {}) };
    if (level === "error") child.error(fields, message);
    else if (level === "warning") child.warn(fields, message);
    else if (level === "info")
      child.debug(fields, message); // graphile's info lines are chatty
    else child.trace(fields, message);
  });
}
