// A lock file holding the owner's pid, so two Ponte processes on one data directory never
// initialise or start the embedded server at the same time. A lock left by a dead
// process is taken over.
import fs from "node:fs/promises";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function ageMs(file: string): Promise<number> {
  const stat = await fs.stat(file).catch(() => null);
  return stat ? Date.now() - stat.mtimeMs : 0;
}

export async function withFileLock<T>(
  lockPath: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The pid is written to a file of our own first and linked into place: the lock file never
    // exists without its owner's pid, even if this process dies between the two steps.
    const mine = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await fs.writeFile(mine, String(process.pid));
    try {
      await fs.link(mine, lockPath);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number((await fs.readFile(lockPath, "utf8").catch(() => "")).trim());
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
        await fs.rm(lockPath, { force: true });
        continue;
      }
      // A lock without a pid, left by an older version killed while taking it: stale after a minute.
      if (!(holder > 0) && (await ageMs(lockPath)) > 60_000) {
        await fs.rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockPath} (held by pid ${holder})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await fs.rm(mine, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}

export { alive as isProcessAlive };
