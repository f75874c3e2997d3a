import { ContractFactory, type Signer } from "ethers";
import {
  BALLOT_VERIFIER,
  BLING_REGISTRY,
  SEALED_BALLOT_VERIFIER_K2,
  SEALED_BALLOT_VERIFIER_K8,
  type ContractArtifact,
} from "./artifacts";

/** Where BLING lives on a chain: what clients need to find and read it. */
export interface BlingDeployment {
  chainId: bigint;
  registry: string;
  /** The public-vote (v1.1) ballot verifier. */
  verifier: string;
  /** The sealed (v2) ballot verifiers the registry calls, by slot count. */
  sealedVerifiers: { k2: string; k8: string };
  owner: string;
  /** Block of the registry's deployment: event queries start here. */
  deployBlock: number;
}

/** Deploys a contract from its artifact and waits until it is mined. */
export async function deployContract(
  artifact: ContractArtifact,
  deployer: Signer,
  ...args: unknown[]
): Promise<{ address: string; blockNumber: number }> {
  const contract = await new ContractFactory(artifact.abi, artifact.bytecode, deployer).deploy(...args);
  const receipt = await contract.deploymentTransaction()?.wait();
  if (!receipt) throw new Error(`${artifact.contractName}: deployment was not mined`);
  return { address: await contract.getAddress(), blockNumber: receipt.blockNumber };
}

/**
 * Deploys the ballot verifiers (public-vote and sealed) and the registry that uses them.
 * @param owner Who adds and removes councils; the deployer unless given.
 */
export async function deployBling(deployer: Signer, owner?: string): Promise<BlingDeployment> {
  const registryOwner = owner ?? (await deployer.getAddress());
  const verifier = await deployContract(BALLOT_VERIFIER, deployer);
  const k2 = await deployContract(SEALED_BALLOT_VERIFIER_K2, deployer);
  const k8 = await deployContract(SEALED_BALLOT_VERIFIER_K8, deployer);
  const registry = await deployContract(
    BLING_REGISTRY,
    deployer,
    verifier.address,
    k2.address,
    k8.address,
    registryOwner,
  );
  const network = await deployer.provider?.getNetwork();
  if (!network) throw new Error("deployBling needs a signer with a provider");
  return {
    chainId: network.chainId,
    registry: registry.address,
    verifier: verifier.address,
    sealedVerifiers: { k2: k2.address, k8: k8.address },
    owner: registryOwner,
    deployBlock: registry.blockNumber,
  };
}
