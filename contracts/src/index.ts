/**
 * BLING's chain layer: contract artifacts, the typed registry client, deployment and calldata.
 * Browser-safe; the local anvil helper is `local/anvil.ts` (Node only).
 */
export * from "./artifacts";
export * from "./calldata";
export * from "./deploy";
export * from "./registry-client";
export * from "./registry-errors";
export type * from "./registry-types";
