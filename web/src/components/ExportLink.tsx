// "Exportar CSV": a link the browser downloads with the session cookie, so a large export streams
// straight to disk instead of through the page's memory.
export function ExportLink({ href, label = "Exportar CSV" }: { href: string; label?: string }) {
  return (
    <a className="btn btn-secondary" href={href} download>
      {label}
    </a>
  );
}
