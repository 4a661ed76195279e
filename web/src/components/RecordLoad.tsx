// A record's page while it loads: the spinner, "não encontrado" (a bad id or a 404), or why it
// could not be read; the record itself once it is there.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError } from "../api.ts";
import { describeError } from "../errors-pt.ts";
import { Loading, Notice, PageHeader } from "./ui.tsx";

export function RecordLoad<T>({
  id,
  query,
  title,
  loadingLabel,
  notFound,
  children,
}: {
  id: number;
  query: UseQueryResult<T>;
  /** The page's title while the record cannot be shown. */
  title: string;
  loadingLabel: string;
  notFound: ReactNode;
  children: (record: T) => ReactNode;
}) {
  if (!Number.isSafeInteger(id) || id <= 0) return notFound;
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return notFound;
    return (
      <>
        <PageHeader title={title} />
        <Notice kind="error">{describeError(query.error)}</Notice>
      </>
    );
  }
  return children(query.data);
}
