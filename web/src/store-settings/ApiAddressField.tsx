// The store's API address field (connect form, Geral): empty means the platform's own API.
import { Field } from "../components/ui.tsx";

export function ApiAddressField(props: {
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(field) => (
        <input {...field} type="url" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Field>
  );
}
