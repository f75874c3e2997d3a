/** The core's ChainAnchor on the BlingRegistry contract, through the typed client (contracts/). */
import type { BlockTag } from "ethers";
import type { RegistryClient } from "../../contracts/src/registry-client";
import type { ChainAnchor, ChainView } from "../core/ports";

export interface AnchorSettings {
  /**
   * Blocks on top of the one holding a write before it counts as anchored (0: the latest block
   * counts). A public chain can reorganise its newest blocks; what they held may vanish.
   */
  confirmations: number;
}

export function registryAnchor(registry: RegistryClient, settings: AnchorSettings = { confirmations: 0 }): ChainAnchor {
  const { confirmations } = settings;
  if (!Number.isSafeInteger(confirmations) || confirmations < 0)
    throw new Error(`confirmations must be a whole number >= 0, not ${confirmations}`);
  const at = async (view: ChainView): Promise<BlockTag> =>
    view === "latest" || confirmations === 0 ? "latest" : Math.max(0, (await registry.blockNumber()) - confirmations);
  return {
    openedSpecHash: async (id, view) => (await registry.getReferendum(id, await at(view)))?.specHash ?? null,
    // A sealed referendum's key goes on chain with the rest, so the registry checks its ballots against it.
    open: async ({ electionKey, ...anchor }) => {
      await registry.openReferendum({ ...anchor, electionKey: electionKey ?? null });
    },
    lastCheckpointSize: async (id, view) => (await registry.lastCheckpoint(id, await at(view)))?.logSize ?? 0,
    checkpoint: async (id, logSize, logRoot) => {
      await registry.checkpoint(id, logSize, logRoot);
    },
    closedLog: async (id, view) => registry.getClosing(id, await at(view)),
    closeLog: async (closing) => {
      await registry.closeLog(closing);
    },
    isTallied: async (id, view) => (await registry.getTally(id, await at(view))) !== null,
    publishTally: async (tally) => {
      await registry.publishTally(tally);
    },
  };
}
