import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { yesNo } from "../../../protocol/rules";
import { LOCAL_CHAIN_ID, startLocalBling, startLocalChain } from "../../../local/anvil";
import { RegistryClient } from "../../../contracts/src/registry-client";
import { anchorOf } from "../../fixtures/chain-fixtures";

/** Whether anything still answers JSON-RPC at the URL. */
async function answers(rpcUrl: string): Promise<boolean> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
  }).catch(() => null);
  return response !== null;
}

describe("# startLocalChain", () => {
  it("should listen on 127.0.0.1 with funded dev accounts, and be gone after stop", async () => {
    const chain = await startLocalChain();
    try {
      expect(chain.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(chain.chainId).toBe(BigInt(LOCAL_CHAIN_ID));
      expect(await chain.provider.getBalance(chain.wallet(9).address)).toBeGreaterThan(10n ** 21n);
      const before = await chain.now();
      await chain.increaseTime(1000);
      expect(await chain.now()).toBeGreaterThanOrEqual(before + 1000);
    } finally {
      await chain.stop();
    }
    expect(await answers(chain.rpcUrl)).toBe(false);
  });

  it("should run two chains side by side on different ports", async () => {
    const [one, two] = await Promise.all([startLocalChain(), startLocalChain()]);
    try {
      expect(one.rpcUrl).not.toBe(two.rpcUrl);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  it("should keep the deployed registry and its referenda across a restart with a state file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bling-chain-"));
    const statePath = join(dir, "anvil-state.json");
    try {
      const first = await startLocalBling([1], { statePath });
      const anchor = anchorOf(await first.chain.now(), yesNo(), 42n);
      await first.registry.connect(first.chain.wallet(1)).openReferendum(anchor);
      await first.chain.stop();

      const second = await startLocalChain({ statePath });
      try {
        const reader = new RegistryClient(first.deployment.registry, second.provider, first.deployment.deployBlock);
        expect((await reader.getReferendum(anchor.id))?.specHash).toBe(anchor.specHash);
        expect(await reader.referendumEvents(anchor.id)).toHaveLength(1);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("should fail clearly when anvil cannot start", async () => {
    // anvil refuses a negative block time at argument parsing and exits.
    await expect(startLocalChain({ blockTime: -1, startTimeoutMs: 5000 })).rejects.toThrow(/anvil exited/);
  });
});
