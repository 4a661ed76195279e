// The body of a table built with TanStack Table: one row per record, the cell of the column
// that names the record as its row header (so screen readers announce it with each cell).
import { flexRender, type Table } from "@tanstack/react-table";

export function TableRows<T>({
  table,
  rowHeader,
  rowClassName,
  cellClassName,
}: {
  table: Table<T>;
  /** The id of the column whose cell names the row. */
  rowHeader: string;
  rowClassName?: (record: T) => string | undefined;
  cellClassName?: (columnId: string) => string | undefined;
}) {
  return (
    <tbody>
      {table.getRowModel().rows.map((row) => (
        <tr key={row.id} className={rowClassName?.(row.original)}>
          {row.getVisibleCells().map((cell) => {
            const content = flexRender(cell.column.columnDef.cell, cell.getContext());
            return cell.column.id === rowHeader ? (
              <th key={cell.id} scope="row">
                {content}
              </th>
            ) : (
              <td key={cell.id} className={cellClassName?.(cell.column.id)}>
                {content}
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
}
