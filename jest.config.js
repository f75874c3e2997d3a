/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(t|j)s$": ["@swc/jest"] },
  // snarkjs and the zk-kit packages ship ESM next to CJS; jest takes their "require" builds.
  transformIgnorePatterns: ["/node_modules/"],
  testTimeout: 120000,
  collectCoverageFrom: ["circuits/src/**/*.ts"],
  coverageReporters: ["text-summary"],
  coverageThreshold: {
    "./circuits/src/": { branches: 90, lines: 95, functions: 95 },
  },
};
