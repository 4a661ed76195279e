// Who ran a CLI command that changed something, for the audit trail: the machine's account.
import os from "node:os";

export function osUser(): string {
  try {
    return os.userInfo().username || "ponte";
  } catch {
    return "ponte"; // no passwd entry (a container's arbitrary uid)
  }
}
