import { Contract, toBeHex, type BlockTag, type ContractRunner, type Log } from "ethers";
import type { BallotRules } from "../../protocol";
import { BLING_REGISTRY } from "./artifacts";
import { SEALED_SIGNAL_COUNTS, toSolidityBallot } from "./calldata";
import { decodeRegistryError } from "./registry-errors";
import type {
  AnchorReceipt,
  AnchoredCheckpoint,
  AnchoredClosing,
  ClosingAnchor,
  AnchoredReferendum,
  ElectionKeyAnchor,
  AnchoredTally,
  ReferendumAnchor,
  RegistryEvent,
  TallyAnchor,
} from "./registry-types";

interface RulesResult {
  options: bigint;
  maxValue: bigint;
  minTotal: bigint;
  maxTotal: bigint;
  costExponent: bigint;
}
interface ReferendumResult {
  council: string;
  opensAt: bigint;
  closesAt: bigint;
  specHash: string;
  censusRoot: bigint;
  rules: RulesResult;
  electionKey: bigint[];
}
interface CheckpointResult {
  logSize: bigint;
  anchoredAt: bigint;
  logRoot: string;
}
interface ClosingResult {
  closedAt: bigint;
  logSize: bigint;
  anchoredAt: bigint;
  logRoot: string;
}
interface TallyResult {
  counts: bigint[];
  logSize: bigint;
  publishedAt: bigint;
  logRoot: string;
  nullifierSetRoot: string;
}

const CHECKPOINT_PAGE = 500;

function toRules(rules: RulesResult): BallotRules {
  return {
    options: Number(rules.options),
    maxValue: Number(rules.maxValue),
    minTotal: Number(rules.minTotal),
    maxTotal: Number(rules.maxTotal),
    costExponent: rules.costExponent === 2n ? 2 : 1,
  };
}

/** The registry stores (0, 0) for a public-vote referendum (no key). */
const NO_ELECTION_KEY: ElectionKeyAnchor = [0n, 0n];

function toElectionKey([x = 0n, y = 0n]: readonly bigint[]): ElectionKeyAnchor | null {
  return x === 0n && y === 0n ? null : [x, y];
}

function toReferendum(id: bigint, r: ReferendumResult): AnchoredReferendum {
  return {
    id,
    council: r.council,
    specHash: r.specHash,
    censusRoot: r.censusRoot,
    rules: toRules(r.rules),
    electionKey: toElectionKey(r.electionKey),
    opensAt: Number(r.opensAt),
    closesAt: Number(r.closesAt),
  };
}

/**
 * Typed access to a deployed BlingRegistry. Writes wait for the mined receipt and turn the
 * contract's custom errors into `RegistryError`s; reads come from views or from events.
 */
export class RegistryClient {
  readonly contract: Contract;

  /**
   * @param address The registry's address.
   * @param runner A signer for writes, a provider for reads.
   * @param fromBlock The block the registry was deployed at: event queries start there.
   */
  constructor(
    readonly address: string,
    runner: ContractRunner,
    readonly fromBlock = 0,
  ) {
    this.contract = new Contract(address, BLING_REGISTRY.abi, runner);
  }

  /** The same registry through another signer (another council, the owner). */
  connect(runner: ContractRunner): RegistryClient {
    return new RegistryClient(this.address, runner, this.fromBlock);
  }

  /** Calls a view; R is what the ABI says it returns, checked by the round-trip tests. */
  private view<R>(name: string, ...args: unknown[]): Promise<R> {
    return this.contract.getFunction(name).staticCall(...args) as Promise<R>;
  }

  /** A view as of block `at` (a number or "latest"): reads a state that enough confirmations hold. */
  private viewAt<R>(at: BlockTag, name: string, ...args: unknown[]): Promise<R> {
    return this.contract.getFunction(name).staticCall(...args, { blockTag: at }) as Promise<R>;
  }

  /** The number of the chain's latest block. */
  async blockNumber(): Promise<number> {
    const provider = this.contract.runner?.provider;
    if (!provider) throw new Error("RegistryClient.blockNumber needs a runner with a provider");
    return provider.getBlockNumber();
  }

  /** The timestamp (Unix seconds) of the chain's latest block. */
  async chainTime(): Promise<number> {
    const provider = this.contract.runner?.provider;
    if (!provider) throw new Error("RegistryClient.chainTime needs a runner with a provider");
    const block = await provider.getBlock("latest");
    if (!block) throw new Error("the chain returned no latest block");
    return block.timestamp;
  }

  private async write(name: string, ...args: unknown[]): Promise<AnchorReceipt> {
    try {
      const tx = await this.contract.getFunction(name).send(...args);
      const receipt = await tx.wait();
      if (!receipt) throw new Error(`${name}: transaction ${tx.hash} was dropped`);
      return { transactionHash: receipt.hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed };
    } catch (error) {
      throw decodeRegistryError(error) ?? error;
    }
  }

  owner(): Promise<string> {
    return this.view<string>("owner");
  }

  isCouncil(address: string): Promise<boolean> {
    return this.view<boolean>("isCouncil", address);
  }

  addCouncil(address: string): Promise<AnchorReceipt> {
    return this.write("addCouncil", address);
  }

  removeCouncil(address: string): Promise<AnchorReceipt> {
    return this.write("removeCouncil", address);
  }

  transferOwnership(address: string): Promise<AnchorReceipt> {
    return this.write("transferOwnership", address);
  }

  /** Opens a public-vote referendum, or a sealed one when the anchor carries an election key. */
  openReferendum(anchor: ReferendumAnchor): Promise<AnchorReceipt> {
    const { id, specHash, censusRoot, rules, opensAt, closesAt } = anchor;
    const electionKey = anchor.electionKey ?? NO_ELECTION_KEY;
    return this.write("openReferendum", id, specHash, censusRoot, rules, electionKey, opensAt, closesAt);
  }

  checkpoint(id: bigint, logSize: number, logRoot: string): Promise<AnchorReceipt> {
    return this.write("checkpoint", id, logSize, logRoot);
  }

  closeLog(closing: ClosingAnchor): Promise<AnchorReceipt> {
    const { id, closedAt, logSize, logRoot } = closing;
    return this.write("closeLog", id, closedAt, logSize, logRoot);
  }

  publishTally(tally: TallyAnchor): Promise<AnchorReceipt> {
    const { id, counts, logSize, logRoot, nullifierSetRoot } = tally;
    return this.write("publishTally", id, counts, logSize, logRoot, nullifierSetRoot);
  }

  /** The anchored referendum (as of block `at`), or null when none was opened with this id. */
  async getReferendum(id: bigint, at: BlockTag = "latest"): Promise<AnchoredReferendum | null> {
    try {
      return toReferendum(id, await this.viewAt<ReferendumResult>(at, "getReferendum", id));
    } catch (error) {
      if (decodeRegistryError(error)?.errorName === "UnknownReferendum") return null;
      throw error;
    }
  }

  /** Every checkpoint of a referendum, oldest first. */
  async getCheckpoints(id: bigint): Promise<AnchoredCheckpoint[]> {
    const count = Number(await this.view<bigint>("checkpointCount", id));
    const checkpoints: AnchoredCheckpoint[] = [];
    for (let from = 0; from < count; from += CHECKPOINT_PAGE) {
      const results = await this.view<CheckpointResult[]>("getCheckpoints", id, from, CHECKPOINT_PAGE);
      results.forEach((c, i) =>
        checkpoints.push({
          index: from + i,
          logSize: Number(c.logSize),
          logRoot: c.logRoot,
          anchoredAt: Number(c.anchoredAt),
        }),
      );
    }
    return checkpoints;
  }

  /** The latest checkpoint (as of block `at`), or null before the first. */
  async lastCheckpoint(id: bigint, at: BlockTag = "latest"): Promise<AnchoredCheckpoint | null> {
    const count = Number(await this.viewAt<bigint>(at, "checkpointCount", id));
    if (count === 0) return null;
    const [last] = await this.viewAt<CheckpointResult[]>(at, "getCheckpoints", id, count - 1, 1);
    if (!last) return null;
    return {
      index: count - 1,
      logSize: Number(last.logSize),
      logRoot: last.logRoot,
      anchoredAt: Number(last.anchoredAt),
    };
  }

  /** The closing head (as of block `at`), or null before the log is closed. */
  async getClosing(id: bigint, at: BlockTag = "latest"): Promise<AnchoredClosing | null> {
    const c = await this.viewAt<ClosingResult>(at, "getClosing", id);
    if (c.anchoredAt === 0n) return null;
    return {
      id,
      closedAt: Number(c.closedAt),
      logSize: Number(c.logSize),
      logRoot: c.logRoot,
      anchoredAt: Number(c.anchoredAt),
    };
  }

  /** The published tally (as of block `at`), or null before it is published. */
  async getTally(id: bigint, at: BlockTag = "latest"): Promise<AnchoredTally | null> {
    const t = await this.viewAt<TallyResult>(at, "getTally", id);
    if (t.publishedAt === 0n) return null;
    return {
      id,
      counts: [...t.counts],
      logSize: Number(t.logSize),
      logRoot: t.logRoot,
      nullifierSetRoot: t.nullifierSetRoot,
      publishedAt: Number(t.publishedAt),
    };
  }

  /**
   * Whether the registry, on chain, accepts a ballot for a referendum (anchored root, id and rules,
   * unused slots 0, Groth16 proof). A ballot that is not even well formed is false without a call.
   */
  async verifyBallot(id: bigint, ballot: unknown): Promise<boolean> {
    const calldata = toSolidityBallot(ballot);
    if (!calldata) return false;
    const { a, b, c, signals } = calldata;
    return this.view<boolean>("verifyBallot", id, a, b, c, signals);
  }

  /**
   * Whether the registry, on chain, accepts a sealed ballot for a sealed referendum (the signal count
   * of the referendum's circuit; anchored root, id, election key, option count and rules; Groth16
   * proof). A ballot that is not even well formed is false without a call.
   */
  async verifySealedBallot(id: bigint, ballot: unknown): Promise<boolean> {
    const calldata = toSolidityBallot(ballot, SEALED_SIGNAL_COUNTS);
    if (!calldata) return false;
    const { a, b, c, signals } = calldata;
    return this.view<boolean>("verifySealedBallot", id, a, b, c, signals);
  }

  /** Every event of one referendum (opened, checkpoints, closing, tally) in chain order, in one log query. */
  async referendumEvents(id: bigint, toBlock: number | "latest" = "latest"): Promise<RegistryEvent[]> {
    const provider = this.contract.runner?.provider;
    if (!provider) throw new Error("RegistryClient.referendumEvents needs a runner with a provider");
    const topics = ["ReferendumOpened", "LogCheckpointed", "LogClosed", "TallyPublished"].map(
      (name) => this.contract.interface.getEvent(name)?.topicHash ?? "",
    );
    const logs = await provider.getLogs({
      address: this.address,
      topics: [topics, toBeHex(id, 32)],
      fromBlock: this.fromBlock,
      toBlock,
    });
    return logs.map((log) => this.toEvent(log));
  }

  private toEvent(log: Log): RegistryEvent {
    const parsed = this.contract.interface.parseLog(log);
    if (!parsed) throw new Error(`unexpected registry log ${log.transactionHash}:${log.index}`);
    const origin = { blockNumber: log.blockNumber, transactionHash: log.transactionHash, logIndex: log.index };
    const a = parsed.args;
    const id = a.getValue("id") as bigint;
    switch (parsed.name) {
      case "ReferendumOpened":
        return {
          kind: "ReferendumOpened",
          referendum: toReferendum(id, a.toObject(true) as unknown as ReferendumResult),
          ...origin,
        };
      case "LogCheckpointed":
        return {
          kind: "LogCheckpointed",
          id,
          index: Number(a.getValue("index") as bigint),
          head: { logSize: Number(a.getValue("logSize") as bigint), logRoot: a.getValue("logRoot") as string },
          ...origin,
        };
      case "LogClosed":
        return {
          kind: "LogClosed",
          closing: {
            id,
            closedAt: Number(a.getValue("closedAt") as bigint),
            logSize: Number(a.getValue("logSize") as bigint),
            logRoot: a.getValue("logRoot") as string,
          },
          ...origin,
        };
      default:
        return {
          kind: "TallyPublished",
          tally: {
            id,
            counts: [...(a.getValue("counts") as bigint[])],
            logSize: Number(a.getValue("logSize") as bigint),
            logRoot: a.getValue("logRoot") as string,
            nullifierSetRoot: a.getValue("nullifierSetRoot") as string,
          },
          ...origin,
        };
    }
  }
}
