// A row action that may be unavailable: disabled, with the reason as a tooltip (on a wrapper,
// since disabled buttons get no hover) and in its accessible name. Row actions change orders:
// not shown to a role that cannot.
import { Button } from "../components/ui.tsx";
import { useCan } from "../permissions.tsx";

export function ActionButton({
  label,
  onClick,
  pending,
  disabledReason,
  variant = "secondary",
  busy,
}: {
  label: string;
  onClick: () => void;
  pending?: boolean;
  /** Set when the action is not possible now: the button is disabled and says why. */
  disabledReason?: string | null;
  variant?: "primary" | "secondary";
  /** Another action of the same row is running. */
  busy?: boolean;
}) {
  const canOperate = useCan("operate");
  if (!canOperate) return null;
  const disabled = Boolean(disabledReason);
  return (
    <span className="tooltip-wrap" title={disabledReason ?? undefined}>
      <Button
        variant={variant}
        className="btn-small"
        pending={pending}
        disabled={disabled || busy}
        aria-label={disabledReason ? `${label}: ${disabledReason}` : undefined}
        onClick={onClick}
      >
        {label}
      </Button>
    </span>
  );
}
