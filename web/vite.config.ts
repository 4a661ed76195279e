import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The panel is served by Ponte's own HTTP server at `/`; in development, `vite` proxies the API to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
