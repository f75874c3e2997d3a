// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {BLING_SEALED_SIGNAL_COUNT_K2, BLING_SEALED_SIGNAL_COUNT_K8} from "./generated/BlingConstants.sol";

/// @notice The function of the generated verifier of the 2-slot sealed circuit (generated/SealedBallotVerifierK2.sol).
interface ISealedBallotVerifierK2 {
    function verifyProof(
        uint256[2] calldata a,
        uint256[2][2] calldata b,
        uint256[2] calldata c,
        uint256[BLING_SEALED_SIGNAL_COUNT_K2] calldata signals
    ) external view returns (bool);
}

/// @notice The function of the generated verifier of the 8-slot sealed circuit (generated/SealedBallotVerifierK8.sol).
interface ISealedBallotVerifierK8 {
    function verifyProof(
        uint256[2] calldata a,
        uint256[2][2] calldata b,
        uint256[2] calldata c,
        uint256[BLING_SEALED_SIGNAL_COUNT_K8] calldata signals
    ) external view returns (bool);
}
