/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(t|j)s$": ["@swc/jest"] },
  // snarkjs and the zk-kit packages ship ESM next to CJS; jest takes their "require" builds.
  transformIgnorePatterns: ["/node_modules/"],
  testTimeout: 120000,
  collectCoverageFrom: ["circuits/src/**/*.ts", "contracts/src/**/*.ts"],
  coverageReporters: ["text-summary", ["text", { skipFull: true }]],
  coverageThreshold: {
    "./circuits/src/": { branches: 90, lines: 95, functions: 95 },
    // The uncovered branches are defensive: a dropped transaction, a runner without a provider.
    "./contracts/src/": { branches: 75, lines: 95, functions: 90 },
  },
};
