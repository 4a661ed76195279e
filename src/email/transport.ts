// The mailer port and its SMTP adapter (nodemailer, from PONTE_SMTP_URL). The port is one
// `send`; what an error means for the outbox (try again later, or never) is decided here.
import nodemailer from "nodemailer";

export type FromHeader = string | { name: string; address: string };

export interface OutgoingEmail {
  from: FromHeader;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Ours, fixed when the e-mail was queued: a resend repeats it so mailboxes can drop the copy. */
  messageId: string;
}

export interface Mailer {
  /** Resolves once the server accepted the message; `response` is its reply (e.g. "250 2.0.0 Ok: queued"). */
  send(email: OutgoingEmail): Promise<{ messageId: string; response: string }>;
  close(): void;
}

export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport({
    url,
    // A stuck server must not hold an attempt for long: the outbox's lease assumes it ends.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(email) {
      const info = await transport.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
      });
      return { messageId: info.messageId, response: info.response };
    },
    close: () => transport.close(),
  };
}

export interface SendFailure {
  /** True: the server refused for good (5xx); false: worth another attempt (4xx, connection, timeout). */
  permanent: boolean;
  reason: string;
}

/**
 * SMTP replies 5xx are permanent (unknown mailbox, message refused), except a refused login:
 * that is Ponte's configuration, and the e-mail should go once it is fixed. Everything else, 4xx
 * (greylisting, 421 "try later"), refused or dropped connections and timeouts, is transient.
 */
export function classifySendError(error: unknown): SendFailure {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const reason = (e?.response || e?.message || String(error)).replace(/\s+/g, " ").trim().slice(0, 500);
  const code = typeof e?.responseCode === "number" ? e.responseCode : undefined;
  if (e?.code === "EAUTH") return { permanent: false, reason };
  if (code !== undefined && code >= 500 && code < 600) return { permanent: true, reason };
  // Refused by nodemailer before any server saw it (a malformed address): no retry will help.
  if (e?.code === "EENVELOPE" && code === undefined) return { permanent: true, reason };
  return { permanent: false, reason };
}

/** The address part of "Name <address>" or a bare address. */
export function addressOf(from: string): string {
  const match = /<([^<>]+)>\s*$/.exec(from);
  return (match ? match[1]! : from).trim();
}

/** "Loja Centro" <ponte@…> when PONTE_MAIL_FROM is a bare address; as configured when it names itself. */
export function fromHeader(configured: string, storeName: string): FromHeader {
  if (configured.includes("<")) return configured;
  return { name: storeName, address: configured };
}

/** The From as the outbox shows it. */
export const fromText = (from: FromHeader) =>
  typeof from === "string" ? from : `"${from.name.replace(/["\\]/g, "")}" <${from.address}>`;
