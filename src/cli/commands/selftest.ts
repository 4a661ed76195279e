// `ponte selftest`: enqueues N no-op jobs and waits until the running workers have done
// them, then reports whether each ran exactly once and which processes took them.
import crypto from "node:crypto";
import { openDatabase } from "../../db/connect.ts";
import { enqueueMany } from "../../jobs/queue.ts";
import { selftestJob } from "../../jobs/specs.ts";
import { type Command, UsageError } from "../command.ts";
import { cliContext } from "../context.ts";

export const selftest: Command = {
  name: "selftest",
  summary: "check that running workers pick up every job exactly once",
  help: `ponte selftest [--jobs N] [--timeout SECONDS]

Enqueues N test jobs (default 100) and waits for the workers of \`ponte start\` or
\`ponte worker\` to run them. Prints progress, then one JSON line with the result.
Exits 1 when a job ran twice or not at all before the timeout (default 60 s).`,
  options: { jobs: { type: "string" }, timeout: { type: "string" } },
  async run({ values }) {
    const jobs = Number(values.jobs ?? 100);
    const timeout = Number(values.timeout ?? 60);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 1_000_000)
      throw new UsageError("selftest: --jobs must be 1 to 1000000");
    if (!(timeout > 0)) throw new UsageError("selftest: --timeout must be a positive number of seconds");
    const { config, logger } = cliContext({ quiet: true });
    const database = await openDatabase(config, logger, { poolSize: 2, applicationName: "ponte-cli" });
    const runId = crypto.randomUUID();
    try {
      await database.db.transaction((tx) =>
        enqueueMany(
          tx,
          Array.from({ length: jobs }, (_, seq) => selftestJob(runId, seq)),
        ),
      );
      const deadline = Date.now() + timeout * 1000;
      let done = 0;
      for (;;) {
        const { rows } = await database.db.query<{ n: number }>(
          "select count(distinct seq)::int as n from selftest_runs where run_id = $1",
          [runId],
        );
        done = rows[0]?.n ?? 0;
        process.stderr.write(`\rselftest: ${done}/${jobs} jobs done`);
        if (done >= jobs || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      process.stderr.write("\n");
      const { rows } = await database.db.query<{ runs: number; distinct_jobs: number; workers: string[] }>(
        `select count(*)::int as runs, count(distinct seq)::int as distinct_jobs,
                array_agg(distinct split_part(worker, ':', 1)) as workers
           from selftest_runs where run_id = $1`,
        [runId],
      );
      const r = rows[0]!;
      const result = {
        jobs,
        ran: r.runs,
        distinct: r.distinct_jobs,
        duplicates: r.runs - r.distinct_jobs,
        processes: r.workers ?? [],
      };
      console.log(JSON.stringify(result));
      return result.distinct === jobs && result.duplicates === 0 ? 0 : 1;
    } finally {
      await database.close();
    }
  },
};
