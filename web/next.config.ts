import { join } from "node:path";
import type { NextConfig } from "next";

const root = join(__dirname, "..");

/**
 * A static export (S3 + CloudFront serve it; `npm start` serves it locally): every page is built
 * once and reads `/config.json` at runtime, so one build runs on every stage.
 */
const config: NextConfig = {
  output: "export",
  trailingSlash: true,
  images: { unoptimized: true },
  // The protocol library and API types live beside web/ in the one package.
  turbopack: { root },
  outputFileTracingRoot: root,
  // `npm run typecheck` and `npm run lint` check web/ with the rest of the repository.
  typescript: { ignoreBuildErrors: true, tsconfigPath: "tsconfig.json" },
  poweredByHeader: false,
  productionBrowserSourceMaps: false,
};

export default config;
