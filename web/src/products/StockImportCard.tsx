// Importar CSV: a stock count from a spreadsheet (SKU;quantidade). The file is previewed first:
// each line with the count it sets and the stock before, or its error; nothing is written until
// "Importar", which applies exactly the previewed valid lines (the lines with errors are skipped).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useId, useState } from "react";
import { Button, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { applyImport, type ImportPreview, PRODUCTS_KEY, previewImport } from "./products-api.ts";

export function StockImportCard({ onClose }: { onClose: () => void }) {
  const fileId = useId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);

  const preview = useMutation({ mutationFn: (csv: string) => previewImport(csv) });
  const apply = useMutation({
    mutationFn: ({ csv, token }: { csv: string; token: string }) => applyImport(csv, token),
    onSuccess: (result) => {
      toast(
        "success",
        `Estoque importado: ${result.applied} produto(s) contado(s)${result.skipped ? `, ${result.skipped} linha(s) com erro ignorada(s)` : ""}.`,
      );
      void queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY });
      onClose();
    },
  });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    apply.reset();
    if (!chosen) return;
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    preview.mutate(text);
  };

  const result: ImportPreview | undefined = preview.data;
  return (
    <section className="card" aria-labelledby="importar-titulo">
      <div className="toolbar">
        <h2 id="importar-titulo">Importar estoque (CSV)</h2>
        <Button variant="ghost" onClick={onClose}>
          Fechar
        </Button>
      </div>
      <p className="muted small">
        Uma linha por produto: <code>SKU;quantidade</code>, separado por ponto e vírgula (como o Excel salva
        em português). A quantidade é a contagem: o estoque passa a ser esse número. Pode ter uma linha de
        cabeçalho. Nada é gravado antes de você conferir a prévia.
      </p>
      <div className="field">
        <label htmlFor={fileId}>Arquivo CSV</label>
        <input id={fileId} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void choose(e)} />
      </div>
      {preview.isPending ? <p role="status">Lendo o arquivo…</p> : null}
      {preview.isError ? <Notice kind="error">{describeError(preview.error)}</Notice> : null}
      {result && file ? (
        <>
          <p role="status">
            {result.valid} linha(s) serão importadas
            {result.errors > 0 ? `; ${result.errors} linha(s) com erro não serão importadas` : ""}.
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Prévia da importação de {file.name}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Linha
                  </th>
                  <th scope="col">SKU</th>
                  <th scope="col">Produto</th>
                  <th scope="col" className="num">
                    Estoque atual
                  </th>
                  <th scope="col" className="num">
                    Novo estoque
                  </th>
                  <th scope="col">Situação</th>
                </tr>
              </thead>
              <tbody>
                {result.lines.map((l) => (
                  <tr key={l.line} className={l.error ? "line-error" : undefined}>
                    <td className="num">{l.line}</td>
                    <td>
                      <code>{l.sku || "—"}</code>
                    </td>
                    <td>{l.name ?? "—"}</td>
                    <td className="num">
                      {l.stockBefore === null ? "—" : l.countedBefore ? l.stockBefore : "Não contado"}
                    </td>
                    <td className="num">{l.quantity ?? l.quantityText}</td>
                    <td>{l.error ?? "OK"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {apply.isError ? <Notice kind="error">{describeError(apply.error)}</Notice> : null}
          <Button
            variant="primary"
            disabled={result.valid === 0}
            pending={apply.isPending}
            onClick={() => apply.mutate({ csv: file.text, token: result.token })}
          >
            Importar {result.valid} linha(s)
          </Button>
        </>
      ) : null}
    </section>
  );
}
