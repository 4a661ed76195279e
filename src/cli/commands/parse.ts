// `ponte parse --platform nuvemshop FILE.json`: the normalized order, or each problem on
// its own line (exit 1) — for debugging a real payload without touching the database.
import fs from "node:fs/promises";
import { MappingError } from "../../platforms/connector.ts";
import { platformModule, supportedPlatforms } from "../../platforms/registry.ts";
import { type Command, UsageError } from "../command.ts";

export const parse: Command = {
  name: "parse",
  summary: "print how Ponte reads a platform's order payload (file or - for stdin)",
  help: `ponte parse --platform ${supportedPlatforms().join("|")} FILE.json

Prints the normalized order as JSON. When the payload cannot be read, prints each problem
on its own line and exits 1. Values Ponte does not know are listed under "flags".`,
  options: { platform: { type: "string" } },
  async run({ values, positionals }) {
    const platform = values.platform as string | undefined;
    if (!platform) throw new UsageError("parse: --platform is required");
    if (!supportedPlatforms().includes(platform as never))
      throw new UsageError(`parse: unknown platform "${platform}"`);
    const file = positionals[0];
    if (!file || positionals.length > 1)
      throw new UsageError("parse: give exactly one FILE.json (or - for stdin)");
    let text: string;
    try {
      text =
        file === "-"
          ? await new Response(process.stdin as unknown as ReadableStream).text()
          : await fs.readFile(file, "utf8");
    } catch (error) {
      throw new UsageError(`parse: cannot read ${file}: ${(error as Error).message}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      console.error(`not JSON: ${(error as Error).message}`);
      return 1;
    }
    try {
      console.log(JSON.stringify(platformModule(platform).normalize(raw), null, 2));
      return 0;
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      for (const problem of error.problems) console.error(problem);
      return 1;
    }
  },
};
