// What an action will do beyond Ponte, said before it is done: on the store (the pushes its Envio
// à loja table and platform would send) and to the customer (whether an e-mail goes, and who sends
// it), with the "Notificar cliente" choice that decides the second.
import { useId } from "react";

export type EmailsBy = "ponte" | "platform" | null;

export function storeSentence(effects: readonly string[]): string {
  return effects.length === 0 ? "Nada é enviado à loja." : `Na loja: ${effects.join("; ")}.`;
}

export function customerSentence(notify: boolean, hasEmail: boolean, emailsBy: EmailsBy): string {
  if (!notify) return "O cliente não recebe e-mail.";
  if (emailsBy === "platform") return "A plataforma da loja avisa o cliente por e-mail.";
  return hasEmail
    ? "O cliente recebe um e-mail avisando."
    : "O cliente não tem e-mail cadastrado: nada é enviado.";
}

/** The sentences, and the Notificar cliente checkbox when `onNotify` lets the operator choose. */
export function ActionEffects({
  effects,
  notify,
  hasEmail,
  emailsBy,
  onNotify,
}: {
  /** Absent: the store's side is not previewed here (said elsewhere). */
  effects?: readonly string[];
  notify: boolean;
  hasEmail: boolean;
  emailsBy: EmailsBy;
  onNotify?: (notify: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="action-effects">
      {effects ? <p>{storeSentence(effects)}</p> : null}
      {onNotify ? (
        <div className="check-field">
          <input
            id={id}
            type="checkbox"
            className="check"
            checked={notify}
            disabled={!hasEmail && emailsBy !== "platform"}
            onChange={(e) => onNotify(e.target.checked)}
          />
          <label htmlFor={id}>Notificar cliente</label>
        </div>
      ) : null}
      <p>{customerSentence(notify, hasEmail, emailsBy)}</p>
    </div>
  );
}
