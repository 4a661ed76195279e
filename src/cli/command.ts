import { type ParseArgsConfig, parseArgs } from "node:util";

export class UsageError extends Error {}

export interface Command {
  name: string;
  summary: string;
  /** Text after "Usage:", the options, and examples. */
  help: string;
  options?: ParseArgsConfig["options"];
  run(args: { values: Record<string, unknown>; positionals: string[] }): Promise<number | void>;
}

export function parse(command: Command, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { help: { type: "boolean", short: "h" }, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${command.name}: ${(error as Error).message.split("\n")[0]}`);
  }
}
