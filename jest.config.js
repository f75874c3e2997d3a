/**
 * Three tiers, each a jest project:
 * - unit: no I/O beyond reading committed files; seconds (`npm run test:unit`).
 * - integration: real circom, snarkjs, dynalite, anvil and HTTP (with unit: `npm test`, with coverage).
 * - e2e: real Chromium against the built site (`npm run test:e2e`, which builds web/out first).
 */
const tier = (name) => ({
  displayName: name,
  rootDir: __dirname,
  roots: [`<rootDir>/test/${name}`],
  testMatch: ["**/*.test.ts"],
  testEnvironment: "node",
  transform: { "^.+\\.(t|j)s$": ["@swc/jest"] },
  // snarkjs and the zk-kit packages ship ESM next to CJS; jest takes their "require" builds.
  // @noble 2.x is ESM only, so swc turns it into CommonJS for jest.
  transformIgnorePatterns: ["/node_modules/(?!@noble/)"],
});

/** @type {import('jest').Config} */
module.exports = {
  projects: [tier("unit"), tier("integration"), tier("e2e")],
  testTimeout: 120000,
  collectCoverageFrom: [
    "protocol/**/*.ts",
    "audit/**/*.ts",
    "local/**/*.ts",
    "contracts/src/**/*.ts",
    "functions/**/*.ts",
    "cli/**/*.ts",
    "infra/lib/**/*.ts",
    // The Lambda entries run as the bundles synth produces, in child processes (test/integration/infra).
    "!functions/lambda/{api-lambda,public-api,council-api,log-worker}.ts",
  ],
  coverageReporters: ["text-summary", ["text", { skipFull: true }]],
  // Measured by `npm test` (unit + integration).
  coverageThreshold: {
    "./protocol/": { branches: 90, lines: 95, functions: 95 },
    // The uncovered branches are defensive: a dropped transaction, a runner without a provider.
    "./contracts/src/": { branches: 75, lines: 95, functions: 90 },
    // Uncovered branches are mostly defensive (`?? ""` on router params, SDK error shapes).
    "./functions/": { branches: 75, lines: 92, functions: 90 },
    // The observer's commands.
    "./cli/": { branches: 60, lines: 85, functions: 85 },
    "./infra/lib/": { branches: 80, lines: 95, functions: 95 },
  },
};
