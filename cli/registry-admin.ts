/**
 * What a deployer does on a public chain before `cdk deploy`: deploy the registry, register the
 * service's anchor signer as a council. Keys come from the environment, never from flags, so they
 * stay out of shell history and process listings.
 */
import { getAddress, Wallet } from "ethers";
import { deployBling } from "../contracts/src/deploy";
import { RegistryClient } from "../contracts/src/registry-client";
import { rpcProvider } from "../contracts/src/rpc-provider";
import { UsageError, type CliIo } from "./cli-io";
import { parseFlags } from "./source-flags";

export const ADMIN_USAGE = `bling deploy-registry --rpc URL [--owner ADDR]
  Deploys the ballot verifier and BlingRegistry, signed by BLING_DEPLOYER_KEY (hex, from the
  environment); prints the deployment (chainId, registry, deployBlock: the CDK context).

bling add-council --rpc URL --registry ADDR --signer ADDR
  Registers a council signer (the address of the deployment's anchor key), signed by the registry
  owner's BLING_OWNER_KEY.

bling signer-address
  Reads a hex private key on standard input and prints its address.
`;

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const HEX_KEY = /^(0x)?[0-9a-fA-F]{64}$/;

/** A private key as ethers takes it (0x-prefixed), or a UsageError saying where it came from. */
function privateKey(key: string, from: string): string {
  if (!HEX_KEY.test(key)) throw new UsageError(`${from} must hold a 32-byte hex private key`);
  return key.startsWith("0x") ? key : `0x${key}`;
}

const keyFrom = (name: string): string => privateKey(process.env[name]?.trim() ?? "", name);

function rpcOf(rpc: string | undefined): string {
  if (rpc === undefined || !/^https?:\/\//.test(rpc)) throw new UsageError("--rpc URL is required");
  return rpc;
}

function addressOf(flag: string, value: string | undefined): string {
  if (value === undefined || !ADDRESS.test(value)) throw new UsageError(`--${flag} must be a 0x-prefixed address`);
  return getAddress(value);
}

async function signerOn(rpc: string, keyName: string): Promise<Wallet> {
  const probe = rpcProvider(rpc, 1n);
  const chainId = BigInt((await probe.send("eth_chainId", [])) as string);
  probe.destroy();
  return new Wallet(keyFrom(keyName), rpcProvider(rpc, chainId));
}

export async function runDeployRegistry(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { rpc: { type: "string" }, owner: { type: "string" }, help: { type: "boolean" } });
  if (flags.help) return (io.out(ADMIN_USAGE), 0);
  const rpc = rpcOf(flags.rpc);
  const owner = flags.owner === undefined ? undefined : addressOf("owner", flags.owner);
  const deployer = await signerOn(rpc, "BLING_DEPLOYER_KEY");
  try {
    const deployment = await deployBling(deployer, owner);
    io.out(`${JSON.stringify({ ...deployment, chainId: Number(deployment.chainId) }, null, 2)}\n`);
    return 0;
  } finally {
    deployer.provider?.destroy();
  }
}

export async function runAddCouncil(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    rpc: { type: "string" },
    registry: { type: "string" },
    signer: { type: "string" },
    help: { type: "boolean" },
  });
  if (flags.help) return (io.out(ADMIN_USAGE), 0);
  const rpc = rpcOf(flags.rpc);
  const registryAddress = addressOf("registry", flags.registry);
  const signer = addressOf("signer", flags.signer);
  const owner = await signerOn(rpc, "BLING_OWNER_KEY");
  try {
    const registry = new RegistryClient(registryAddress, owner);
    if (await registry.isCouncil(signer)) io.out(`${signer} is already a council signer\n`);
    else {
      await registry.addCouncil(signer);
      io.out(`${signer} is now a council signer of ${registryAddress}\n`);
    }
    return 0;
  } finally {
    owner.provider?.destroy();
  }
}

/** Reads all of standard input (the key is piped in, e.g. from `aws secretsmanager get-secret-value`). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

export async function runSignerAddress(args: string[], io: CliIo, input = readStdin): Promise<number> {
  const flags = parseFlags(args, { help: { type: "boolean" } });
  if (flags.help) return (io.out(ADMIN_USAGE), 0);
  io.out(`${new Wallet(privateKey(await input(), "standard input")).address}\n`);
  return 0;
}
