import type { InterfaceAbi } from "ethers";
import ballotVerifier from "../artifacts/BallotVerifier.json";
import blingRegistry from "../artifacts/BlingRegistry.json";
import perVoteBallotBox from "../artifacts/PerVoteBallotBox.json";
import sealedBallotVerifierK2 from "../artifacts/SealedBallotVerifierK2.json";
import sealedBallotVerifierK8 from "../artifacts/SealedBallotVerifierK8.json";

/** A compiled contract as `npm run build:contracts` writes it to contracts/artifacts/. */
export interface ContractArtifact {
  contractName: string;
  sourceName: string;
  abi: InterfaceAbi;
  bytecode: string;
  deployedBytecode: string;
}

export const BALLOT_VERIFIER: ContractArtifact = ballotVerifier;
export const BLING_REGISTRY: ContractArtifact = blingRegistry;
/** The generated verifiers of the sealed (v2) ballot circuits, 2 and 8 slots. */
export const SEALED_BALLOT_VERIFIER_K2: ContractArtifact = sealedBallotVerifierK2;
export const SEALED_BALLOT_VERIFIER_K8: ContractArtifact = sealedBallotVerifierK8;
/** The per-vote design BLING compares itself with in the benchmark; never deployed for a referendum. */
export const PER_VOTE_BALLOT_BOX: ContractArtifact = perVoteBallotBox;
