/** The core's ChainAnchor on the BlingRegistry contract, through the typed client (contracts/). */
import type { RegistryClient } from "../../contracts/src/registry-client";
import type { ChainAnchor } from "../core/ports";

export function registryAnchor(registry: RegistryClient): ChainAnchor {
  return {
    openedSpecHash: async (id) => (await registry.getReferendum(id))?.specHash ?? null,
    open: async (anchor) => {
      await registry.openReferendum(anchor);
    },
    lastCheckpointSize: async (id) => (await registry.lastCheckpoint(id))?.logSize ?? 0,
    checkpoint: async (id, logSize, logRoot) => {
      await registry.checkpoint(id, logSize, logRoot);
    },
    isTallied: async (id) => (await registry.getTally(id)) !== null,
    publishTally: async (tally) => {
      await registry.publishTally(tally);
    },
  };
}
