import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Files under `folder` may not import from `above` (the layers built on it), test/ or bench/. */
function layer(folder, above) {
  return {
    files: [`${folder}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...above, "test", "bench"].map((name) => `**/${name}/**`),
              message: `${folder}/ sits below ${above.join(", ")} (DESIGN.md) and never imports tests or benchmarks.`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".build/",
      ".cache/",
      "circuits/artifacts/",
      "contracts/artifacts/",
      "coverage/",
      "jest.config.js",
      "web/out/",
      "web/.next/",
      "web/public/",
      "web/next-env.d.ts",
      "test-artifacts/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/explicit-module-boundary-types": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `_name` marks a binding kept on purpose, e.g. keys left out of a rest object.
      "@typescript-eslint/no-unused-vars": ["error", { varsIgnorePattern: "^_", argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  // Dependency direction (DESIGN.md): circuits <- contracts <- functions <- infra; nothing imports tests or benchmarks.
  layer("circuits", ["contracts", "functions", "infra", "web", "cli"]),
  layer("contracts", ["functions", "infra", "web", "cli"]),
  // The observer's commands use only what any third party has: the protocol, the chain client and
  // the public API types (only the local stack mounts the service itself).
  {
    files: ["cli/audit/**/*.ts", "cli/verify.ts", "cli/export.ts", "cli/run-cli.ts", "cli/bling.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/functions/core/**",
                "**/functions/adapters/**",
                "**/functions/handlers/**",
                "**/test/**",
                "**/bench/**",
              ],
              message: "observer commands import circuits, contracts and functions/api only (DESIGN.md).",
            },
          ],
        },
      ],
    },
  },
  // The website is a third party to the service too: the protocol, the chain client, the public API
  // types, and the observer's pure audit checks (not its Node-only dump and key loading).
  {
    files: ["web/**/*.ts", "web/**/*.tsx"],
    ignores: ["web/scripts/**", "web/next.config.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/functions/core/**",
                "**/functions/adapters/**",
                "**/functions/handlers/**",
                "**/functions/lambda/**",
                "@aws-sdk/*",
                "**/infra/**",
                "**/circuits/src/artifacts",
                "**/test/**",
                "**/bench/**",
                "node:*",
              ],
              message: "web/ imports circuits, contracts, functions/api and cli/audit's pure checks only (DESIGN.md).",
            },
            {
              regex: "(^|/)cli/(?!audit/)|(^|/)cli/audit/(dump|trusted-circuit)$",
              message: "of cli/, web/ uses only the audit's pure checks (no Node file access).",
            },
          ],
        },
      ],
    },
  },
  { files: ["eslint.config.mjs", "**/*.cjs"], ...tseslint.configs.disableTypeChecked },
  // CommonJS shims (the `bling` bin) load TypeScript through tsx's require hook.
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: Object.fromEntries(
        ["require", "module", "exports", "process", "console", "Buffer", "__dirname", "__filename"].map((name) => [
          name,
          "readonly",
        ]),
      ),
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
