// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {BLING_PUBLIC_SIGNAL_COUNT, BLING_SIGNAL_NULLIFIER} from "../generated/BlingConstants.sol";
import {BlingRegistry} from "../BlingRegistry.sol";

/**
 * @title PerVoteBallotBox
 * @notice The design BLING does not use, kept only so the benchmark can measure it in the same run:
 * every ballot is a transaction that verifies its proof on chain and stores its nullifier (as a
 * Semaphore group's validateProof does). It does not even count votes on chain, so its gas is a
 * lower bound for a per-vote design.
 */
contract PerVoteBallotBox {
    error Bling__InvalidBallot(uint256 id);
    error Bling__NullifierUsed(uint256 id, uint256 nullifier);

    event BallotCast(uint256 indexed id, uint256[BLING_PUBLIC_SIGNAL_COUNT] signals);

    BlingRegistry public immutable registry;
    mapping(uint256 id => mapping(uint256 nullifier => bool)) public isNullifierUsed;

    constructor(BlingRegistry registry_) {
        registry = registry_;
    }

    function castBallot(
        uint256 id,
        uint256[2] calldata a,
        uint256[2][2] calldata b,
        uint256[2] calldata c,
        uint256[BLING_PUBLIC_SIGNAL_COUNT] calldata signals
    ) external {
        uint256 nullifier = signals[BLING_SIGNAL_NULLIFIER];
        if (isNullifierUsed[id][nullifier]) revert Bling__NullifierUsed(id, nullifier);
        if (!registry.verifyBallot(id, a, b, c, signals)) revert Bling__InvalidBallot(id);
        isNullifierUsed[id][nullifier] = true;
        emit BallotCast(id, signals);
    }
}
