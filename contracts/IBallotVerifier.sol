// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {BLING_PUBLIC_SIGNAL_COUNT} from "./generated/BlingConstants.sol";

/// @notice The function of the snarkjs-generated Groth16 verifier (generated/BallotVerifier.sol) the registry calls.
interface IBallotVerifier {
    function verifyProof(
        uint256[2] calldata a,
        uint256[2][2] calldata b,
        uint256[2] calldata c,
        uint256[BLING_PUBLIC_SIGNAL_COUNT] calldata signals
    ) external view returns (bool);
}
