/**
 * A local EVM chain for `npm start` and the integration tests: anvil from npm
 * `@foundry-rs/anvil`, on 127.0.0.1 and a port the OS picks. Node only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { HDNodeWallet, Mnemonic, type JsonRpcProvider } from "ethers";
import { deployBling, type BlingDeployment } from "../contracts/src/deploy";
import { RegistryClient } from "../contracts/src/registry-client";
import { rpcProvider } from "../contracts/src/rpc-provider";

/** anvil's well-known development mnemonic: its keys are public, so this chain holds nothing of value. */
export const DEV_MNEMONIC = "test test test test test test test test test test test junk";
export const LOCAL_CHAIN_ID = 31337;
const ACCOUNTS = 10;

export interface LocalChainOptions {
  /** Load the chain from this file if it exists, and dump it there on stop (anvil `--state`). */
  statePath?: string;
  /** Seconds between blocks; by default every transaction is mined at once. */
  blockTime?: number;
  /** How long anvil may take to answer. */
  startTimeoutMs?: number;
}

export interface LocalChain {
  rpcUrl: string;
  chainId: bigint;
  provider: JsonRpcProvider;
  /** Funded development account `index` (0..9), connected to the provider. */
  wallet(index: number): HDNodeWallet;
  /** Moves the chain's clock forward and mines a block, so time-bound rules can be tested. */
  increaseTime(seconds: number): Promise<void>;
  /** Timestamp of the latest block. */
  now(): Promise<number>;
  /** Stops anvil (dumping its state when `statePath` is set) and waits until it has exited. */
  stop(): Promise<void>;
}

/** Path of the anvil binary for this platform, from the `@foundry-rs/anvil-<os>-<arch>` package npm installed. */
export function anvilBinary(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const binary = process.platform === "win32" ? "anvil.exe" : "anvil";
  return join(dirname(require.resolve(`${pkg}/package.json`)), "bin", binary);
}

function anvilArgs(options: LocalChainOptions): string[] {
  const args = ["--host", "127.0.0.1", "--port", "0", "--chain-id", String(LOCAL_CHAIN_ID)];
  args.push("--mnemonic", DEV_MNEMONIC, "--accounts", String(ACCOUNTS));
  if (options.blockTime !== undefined) args.push("--block-time", String(options.blockTime));
  if (options.statePath !== undefined) args.push("--state", options.statePath);
  return args;
}

/** Resolves with the address anvil prints once it listens; rejects if it exits or stays silent. */
function listeningAddress(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const fail = (reason: string): void => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`anvil ${reason}; it printed:\n${output.slice(-2000)}`));
    };
    const timer = setTimeout(() => {
      fail(`did not listen within ${timeoutMs} ms`);
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Listening on (\S+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null): void => {
      fail(`exited with ${code}`);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Starts anvil and resolves once it answers JSON-RPC. */
export async function startLocalChain(options: LocalChainOptions = {}): Promise<LocalChain> {
  // The platform binary itself, not the npx wrapper: killing the wrapper would leave anvil running.
  const child = spawn(anvilBinary(), anvilArgs(options), { stdio: ["ignore", "pipe", "pipe"] });
  // If the caller never stops the chain (a crash, a failed test), anvil must not outlive this process.
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);
  const address = await listeningAddress(child, options.startTimeoutMs ?? 15000).catch((error: unknown) => {
    process.off("exit", killOnExit);
    throw error;
  });
  // Keep draining anvil's log so a full pipe never blocks it.
  child.stdout.resume();
  child.stderr.resume();
  const rpcUrl = `http://${address}`;
  const provider = rpcProvider(rpcUrl, LOCAL_CHAIN_ID, 50);
  const chainId = BigInt((await provider.send("eth_chainId", [])) as string);
  const mnemonic = Mnemonic.fromPhrase(DEV_MNEMONIC);
  return {
    rpcUrl,
    chainId,
    provider,
    wallet: (index) => HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${index}`).connect(provider),
    increaseTime: async (seconds) => {
      await provider.send("evm_increaseTime", [seconds]);
      await provider.send("evm_mine", []);
    },
    now: async () => {
      const block = await provider.getBlock("latest");
      if (!block) throw new Error("anvil returned no latest block");
      return block.timestamp;
    },
    stop: async () => {
      process.off("exit", killOnExit);
      provider.destroy();
      child.kill("SIGTERM");
      await exited(child, 10000);
    },
  };
}

/** A local chain with BLING deployed: account 0 owns the registry, the given accounts are councils. */
export interface LocalBling {
  chain: LocalChain;
  deployment: BlingDeployment;
  owner: HDNodeWallet;
  /** The registry, written through the owner. */
  registry: RegistryClient;
}

/**
 * Starts anvil, deploys the verifier and registry from account 0 and registers councils.
 * @param councilAccounts Development accounts (indexes) to register as councils.
 */
export async function startLocalBling(
  councilAccounts: number[] = [1],
  options: LocalChainOptions = {},
): Promise<LocalBling> {
  const chain = await startLocalChain(options);
  try {
    const owner = chain.wallet(0);
    const deployment = await deployBling(owner);
    const registry = new RegistryClient(deployment.registry, owner, deployment.deployBlock);
    for (const index of councilAccounts) await registry.addCouncil(chain.wallet(index).address);
    return { chain, deployment, owner, registry };
  } catch (error) {
    await chain.stop();
    throw error;
  }
}
