import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", ".build/", ".cache/", "circuits/artifacts/", "coverage/", "jest.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/explicit-module-boundary-types": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // Dependency direction (DESIGN.md): circuits is the bottom layer and imports no other part of BLING.
    files: ["circuits/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/contracts/**",
                "**/functions/**",
                "**/infra/**",
                "**/web/**",
                "**/cli/**",
                "**/test/**",
                "**/bench/**",
              ],
              message: "circuits/ is the protocol's bottom layer: it imports no other part of BLING.",
            },
          ],
        },
      ],
    },
  },
  { files: ["eslint.config.mjs"], ...tseslint.configs.disableTypeChecked },
);
