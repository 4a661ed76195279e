// Sign-in throttling, in PostgreSQL so every API process counts together. An attempt is
// counted before its password is checked (and given back when it succeeds), so a burst of
// parallel guesses gets no more tries than a sequence. Three counters:
// - e-mail + address: 5 tries, then each waits 30 s, 1, 2, 4, 8 min, up to 15 min; forgotten an
//   hour after the last try, or at a successful sign-in. Slows a guesser, never the owner elsewhere.
// - address: 30 failed sign-ins in 15 minutes, whatever the e-mails (one address spraying many).
// - e-mail: 50 failed sign-ins in an hour from all addresses (a guesser with many addresses);
//   past it only the addresses the owner signed in from in the last 30 days may try.
import type { Db, Queryable } from "../db/db.ts";

export const FREE_ATTEMPTS = 5;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;
const PAIR_MEMORY_SECONDS = 3600;
export const ADDRESS_LIMIT = 30;
const ADDRESS_WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_CEILING = 50;
const ACCOUNT_WINDOW_SECONDS = 3600;
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 3600;

type Scope = "account" | "account_address" | "address";

export interface SignInRefusal {
  retryAfterSeconds: number;
  /** Which counter refused, in English for the log. */
  why: string;
  /** The pt-BR sentence the panel shows. */
  reason: string;
}

/** Seconds an e-mail+address pair waits after its nth try. */
export function delayAfter(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (attempts - FREE_ATTEMPTS));
}

/** "30 segundos", "1 minuto", "15 minutos". */
export function waitPt(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 segundo" : `${seconds} segundos`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minuto" : `${minutes} minutos`;
}

function keys(email: string, ip: string): Record<Scope, string> {
  const account = email.trim().toLowerCase();
  return { account, account_address: `${account}\n${ip}`, address: ip };
}

interface Counter {
  scope: Scope;
  attempts: number;
  live: boolean;
  window_left: number;
  next_left: number;
}

/** Whether the e-mail signed in from this address lately (asked only at the e-mail's ceiling). */
async function isKnownAddress(db: Queryable, accountAddress: string): Promise<boolean> {
  const { rows } = await db.query<{ known: boolean }>(
    `select exists (select 1 from login_throttle
       where scope = 'known_address' and key = $1 and window_ends_at > now()) as known`,
    [accountAddress],
  );
  return rows[0]?.known === true;
}

async function refusal(
  counters: Counter[],
  knownAddress: () => Promise<boolean>,
): Promise<SignInRefusal | null> {
  const refusals: SignInRefusal[] = [];
  for (const c of counters) {
    if (c.scope === "account_address" && c.next_left > 0) {
      refusals.push({
        retryAfterSeconds: c.next_left,
        why: "this e-mail from this address",
        reason: `Muitas senhas erradas para este e-mail a partir deste endereço. Tente de novo em ${waitPt(c.next_left)}.`,
      });
    }
    if (c.scope === "address" && c.live && c.attempts >= ADDRESS_LIMIT) {
      refusals.push({
        retryAfterSeconds: c.window_left,
        why: "this address",
        reason: `Muitas tentativas de acesso a partir deste endereço. Tente de novo em ${waitPt(c.window_left)}.`,
      });
    }
    if (c.scope === "account" && c.live && c.attempts >= ACCOUNT_CEILING && !(await knownAddress())) {
      refusals.push({
        retryAfterSeconds: c.window_left,
        why: "this e-mail from many addresses",
        reason: `Este e-mail recebeu tentativas erradas demais de vários endereços. Tente de novo em ${waitPt(c.window_left)}, ou entre de um endereço de onde você já entrou antes.`,
      });
    }
  }
  return refusals.sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0] ?? null;
}

/**
 * Counts a sign-in attempt for `email` from `ip`, or refuses it (counting nothing) when a
 * counter says wait. The rows are locked in one order, so concurrent attempts queue briefly.
 */
export async function reserveSignIn(db: Db, email: string, ip: string): Promise<SignInRefusal | null> {
  const key = keys(email, ip);
  const scopes: Scope[] = ["account", "account_address", "address"];
  return db.transaction(async (tx) => {
    // An upsert that changes nothing: it creates missing rows (window already ended: zero) and
    // locks every row, in this order, until the transaction ends.
    const { rows: counters } = await tx.query<Counter>(
      `insert into login_throttle as t (scope, key, window_ends_at)
       select s, k, now() from unnest($1::text[], $2::text[]) with ordinality as u(s, k, n) order by n
       on conflict (scope, key) do update set attempts = t.attempts
       returning scope, attempts, window_ends_at > now() as live,
         ceil(extract(epoch from window_ends_at - now()))::int as window_left,
         coalesce(ceil(extract(epoch from next_at - now()))::int, 0) as next_left`,
      [scopes, scopes.map((s) => key[s])],
    );
    const refused = await refusal(counters, () => isKnownAddress(tx, key.account_address));
    if (refused) return refused;

    const attempts = counters.map((c) => (c.live ? c.attempts + 1 : 1));
    const windows = counters.map((c) => {
      if (c.scope === "account_address") return PAIR_MEMORY_SECONDS; // an hour after the last try
      if (c.live) return null; // a fixed window keeps its end
      return c.scope === "address" ? ADDRESS_WINDOW_SECONDS : ACCOUNT_WINDOW_SECONDS;
    });
    const delays = counters.map((c, i) => (c.scope === "account_address" ? delayAfter(attempts[i]!) : null));
    await tx.query(
      `update login_throttle t set attempts = v.attempts,
         window_ends_at = coalesce(now() + make_interval(secs => v.window_secs), t.window_ends_at),
         next_at = coalesce(now() + make_interval(secs => v.delay_secs), t.next_at)
       from unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[])
         as v(scope, key, attempts, window_secs, delay_secs)
       where t.scope = v.scope and t.key = v.key`,
      [counters.map((c) => c.scope), counters.map((c) => key[c.scope]), attempts, windows, delays],
    );
    return null;
  });
}

/**
 * A right password: the pair's count is forgotten, the attempt given back to the address and
 * e-mail counters, and the address remembered as one the owner uses (spared by the e-mail ceiling).
 */
export async function signInSucceeded(db: Queryable, email: string, ip: string): Promise<void> {
  const key = keys(email, ip);
  await db.query(
    `with forget as (
       delete from login_throttle where scope = 'account_address' and key = $2
     ), give_back as (
       update login_throttle set attempts = greatest(attempts - 1, 0)
        where ((scope = 'account' and key = $1) or (scope = 'address' and key = $3)) and window_ends_at > now()
     )
     insert into login_throttle (scope, key, window_ends_at)
     values ('known_address', $2, now() + make_interval(secs => $4))
     on conflict (scope, key) do update set window_ends_at = excluded.window_ends_at`,
    [key.account, key.account_address, key.address, KNOWN_ADDRESS_SECONDS],
  );
}

/** Drops counters whose window ended, a few at a time, skipping rows another sign-in holds. */
export async function sweepSignInCounters(db: Queryable): Promise<void> {
  await db.query(
    `delete from login_throttle where ctid = any(array(
       select ctid from login_throttle where window_ends_at < now() limit 100 for update skip locked))`,
  );
}
