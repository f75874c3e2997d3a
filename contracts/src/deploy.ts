import { ContractFactory, type Signer } from "ethers";
import { BALLOT_VERIFIER, BLING_REGISTRY, type ContractArtifact } from "./artifacts";

/** Where BLING lives on a chain: what clients need to find and read it. */
export interface BlingDeployment {
  chainId: bigint;
  registry: string;
  verifier: string;
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
 * Deploys the ballot verifier and the registry that uses it.
 * @param owner Who adds and removes councils; the deployer unless given.
 */
export async function deployBling(deployer: Signer, owner?: string): Promise<BlingDeployment> {
  const registryOwner = owner ?? (await deployer.getAddress());
  const verifier = await deployContract(BALLOT_VERIFIER, deployer);
  const registry = await deployContract(BLING_REGISTRY, deployer, verifier.address, registryOwner);
  const network = await deployer.provider?.getNetwork();
  if (!network) throw new Error("deployBling needs a signer with a provider");
  return {
    chainId: network.chainId,
    registry: registry.address,
    verifier: verifier.address,
    owner: registryOwner,
    deployBlock: registry.blockNumber,
  };
}
