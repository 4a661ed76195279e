// `ponte <command>`: the CLI. Bad input exits 2 with one line; a failure exits 1 with one line.
import { oneLine } from "../errors.ts";
import { VERSION } from "../version.ts";
import { type Command, parse, UsageError } from "./command.ts";
import { backup, restore } from "./commands/backup.ts";
import { migrate } from "./commands/migrate.ts";
import { org } from "./commands/org.ts";
import { parse as parseCommand } from "./commands/parse.ts";
import { selftest } from "./commands/selftest.ts";
import { api, start, worker } from "./commands/serve.ts";
import { simulate } from "./commands/simulate.ts";
import { token } from "./commands/token.ts";
import { user } from "./commands/user.ts";

const commands: Command[] = [
  start,
  api,
  worker,
  migrate,
  backup,
  restore,
  org,
  user,
  token,
  simulate,
  parseCommand,
  selftest,
];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Ponte ${VERSION}: order hub between store platforms and the back office.`,
    "",
    "Usage: ponte <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `ponte <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(overview());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    console.log(VERSION);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`ponte: unknown command "${name}" (run \`ponte --help\` for the list)`);
    return 2;
  }
  try {
    const args = parse(command, rest);
    if (args.values.help) {
      console.log(`Usage: ${command.help}`);
      return 0;
    }
    return (await command.run(args)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`ponte ${error.message}`);
      return 2;
    }
    console.error(`ponte ${command.name}: ${oneLine(error)}`);
    return 1;
  }
}
