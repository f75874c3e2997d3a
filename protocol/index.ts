/**
 * The BLING protocol library: what web, functions and cli import. Browser-safe
 * (no Node built-ins); Node code loads artifacts from `./artifacts`.
 */
export * from "./constants";
export * from "./field";
export * from "./identity";
export * from "./census";
export * from "./census-frontier";
export * from "./rules";
export * from "./ballot";
export * from "./verify";
export * from "./artifact-check";
export * from "./canonical-json";
export * from "./transparency-log";
export type * from "./manifest";
export * from "./pairing-verifier";
