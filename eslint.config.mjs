import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX, { createNodeResolver } from "eslint-plugin-import-x";

import walls from "./eslint.walls.cjs";

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
  ...walls,
  // No import cycle anywhere (types included): a cycle is a floor plan drawn wrong.
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/extensions": [".ts", ".tsx", ".js"],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
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
