// What the two Falhas lists share: rows picked for Reprocessar (one, or the selected), a
// row's payload opened under it, rows just sent shown as queued until their failure changes,
// and the list's frame — loading, error, empty, the table, Carregar mais.
import { Fragment, type ReactNode, useState } from "react";
import { ActionsHeader, Button, ListError, Loading, LoadMore, Notice } from "../components/ui.tsx";
import { useCan } from "../permissions.tsx";
import { type RetryRequest, type useFailures, useRetry } from "./failures-api.ts";

interface Failure {
  /** When it last failed: a change means the retry ran. */
  updatedAt?: string;
  /** The same, for failed pushes. */
  failedAt?: string;
}

const failedAt = (f: Failure) => f.updatedAt ?? f.failedAt ?? "";

export interface FailureTableProps<T extends Failure> {
  list: ReturnType<typeof useFailures<T>>;
  keyOf: (item: T) => string;
  /** The POST /failures/retry body that retries these rows. */
  request: (items: T[]) => RetryRequest;
  /** Accessible names of the row's checkbox and buttons, naming the row. */
  labels: (item: T) => { select: string; retry: string; payload: string };
  headers: { label: string; numeric?: boolean }[];
  /** The row's header cell and data cells, one per header. */
  cells: (item: T, queued: boolean) => ReactNode;
  payload: (item: T) => ReactNode;
  payloadId: (item: T) => string;
  caption: string;
  loadingLabel: string;
  emptyText: string;
  selectAllLabel: string;
  bulkLabel: string;
  /** The row button's text: Reprocessar, or Reenviar for pushes. */
  retryText?: string;
  /** More buttons for the toolbar, after the bulk Reprocessar. */
  actions?: ReactNode;
}

const toggled = (set: Set<string>, key: string) => {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
};

export function FailureTable<T extends Failure>(props: FailureTableProps<T>) {
  const { list, keyOf, request, labels, headers } = props;
  const retry = useRetry();
  // Reprocessar and the payload (the customer's documents unmasked) are for who may operate.
  const canOperate = useCan("operate");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Set<string>>(new Set());
  /** Rows sent to Reprocessar, with the failure time they had: they show as queued until it changes. */
  const [queued, setQueued] = useState<Map<string, string>>(new Map());
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // Selected rows that left the list (fixed by a retry) simply stop counting.
  const chosen = items.filter((item) => selected.has(keyOf(item)));
  const allChecked = items.length > 0 && chosen.length === items.length;
  const sending = (rows: T[]) =>
    retry.isPending && JSON.stringify(retry.variables) === JSON.stringify(request(rows));

  const send = (rows: T[]) =>
    retry.mutate(request(rows), {
      onSuccess: () => {
        const keys = rows.map(keyOf);
        setQueued((q) => new Map([...q, ...rows.map((r) => [keyOf(r), failedAt(r)] as const)]));
        setSelected((s) => new Set([...s].filter((k) => !keys.includes(k))));
      },
    });

  return (
    <>
      <div className="toolbar bulk-bar" hidden={!canOperate}>
        <Button
          variant="primary"
          disabled={chosen.length === 0}
          pending={chosen.length > 0 && sending(chosen)}
          onClick={() => send(chosen)}
        >
          {props.bulkLabel}
          {chosen.length > 0 ? ` (${chosen.length})` : ""}
        </Button>
        {props.actions}
      </div>
      {list.isPending ? <Loading label={props.loadingLabel} /> : null}
      <ListError list={list} />
      {list.isSuccess && items.length === 0 ? <Notice kind="success">{props.emptyText}</Notice> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="ops-table">
            <caption className="visually-hidden">{props.caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="select-col">
                  <input
                    type="checkbox"
                    className="check"
                    aria-label={props.selectAllLabel}
                    checked={allChecked}
                    onChange={() => setSelected(allChecked ? new Set() : new Set(items.map(keyOf)))}
                  />
                </th>
                {headers.map((h) => (
                  <th key={h.label} scope="col" className={h.numeric ? "num" : undefined}>
                    {h.label}
                  </th>
                ))}
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const key = keyOf(item);
                const isOpen = open.has(key);
                const payloadId = props.payloadId(item);
                const label = labels(item);
                return (
                  <Fragment key={key}>
                    <tr className="row-error">
                      <td className="select-col">
                        <input
                          type="checkbox"
                          className="check"
                          aria-label={label.select}
                          checked={selected.has(key)}
                          onChange={() => setSelected((s) => toggled(s, key))}
                        />
                      </td>
                      {props.cells(item, queued.get(key) === failedAt(item))}
                      <td>
                        <div className="row-actions" hidden={!canOperate}>
                          <Button
                            className="btn-small"
                            pending={sending([item])}
                            aria-label={label.retry}
                            onClick={() => send([item])}
                          >
                            {props.retryText ?? "Reprocessar"}
                          </Button>
                          <Button
                            className="btn-small"
                            variant="ghost"
                            aria-expanded={isOpen}
                            aria-controls={isOpen ? payloadId : undefined}
                            aria-label={label.payload}
                            onClick={() => setOpen((s) => toggled(s, key))}
                          >
                            {isOpen ? "Ocultar payload" : "Ver payload"}
                          </Button>
                        </div>
                      </td>
                    </tr>
                    {isOpen ? (
                      <tr className="payload-row">
                        <td colSpan={headers.length + 2} id={payloadId}>
                          {props.payload(item)}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore list={list} />
    </>
  );
}
