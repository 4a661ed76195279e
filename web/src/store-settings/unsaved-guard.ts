// Unsaved changes are not lost by a stray click: closing or reloading the tab asks the
// browser's own question, and following a panel link asks ours. (The panel's router is the
// declarative one, which has no navigation blocker, so links are checked where they are
// clicked, before the router sees the click.)
import { useEffect } from "react";

export const LEAVE_QUESTION = "Há alterações não salvas. Sair sem salvar?";

export function useUnsavedGuard(dirty: boolean, question = LEAVE_QUESTION) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank") return;
      if (link.origin !== window.location.origin) return;
      if (link.pathname === window.location.pathname && link.search === window.location.search) return;
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty, question]);
}
