// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {
    BLING_SNARK_FIELD_SIZE,
    BLING_VOTE_OPTIONS,
    BLING_MAX_VOTE_VALUE,
    BLING_MAX_TOTAL,
    BLING_PUBLIC_SIGNAL_COUNT,
    BLING_SIGNAL_CENSUS_ROOT,
    BLING_SIGNAL_REFERENDUM_ID,
    BLING_SIGNAL_VOTE,
    BLING_SIGNAL_MAX_VALUE,
    BLING_SIGNAL_MIN_TOTAL,
    BLING_SIGNAL_MAX_TOTAL,
    BLING_SIGNAL_COST_EXPONENT
} from "./generated/BlingConstants.sol";
import {IBallotVerifier} from "./IBallotVerifier.sol";

/**
 * @title BlingRegistry
 * @notice Public anchor of BLING referenda (DESIGN.md, Anchoring). Ballots stay off chain in the
 * service's transparency log; the chain holds what lets anyone audit it: at opening the spec hash,
 * census root and ballot rules, while open the log's signed heads (size, root), and at the end the
 * tally with the final log head and the root of the counted-nullifier set. Gas per ballot therefore
 * falls toward zero as one checkpoint covers more ballots. At the effective close (the scheduled
 * one or the council's earlier one) the council anchors the closing head once; after it the log
 * takes no checkpoint, and the tally must cover exactly that closing log.
 * @dev Only hashes, roots, counts and times are stored: no personal data. Every rejection is a
 * custom error; every write follows check, write, emit.
 */
contract BlingRegistry {
    /// @notice What a ballot may contain; mirrors protocol/rules.ts `BallotRules`.
    struct Rules {
        uint8 options;
        uint32 maxValue;
        uint64 minTotal;
        uint64 maxTotal;
        uint8 costExponent;
    }

    struct Referendum {
        address council;
        uint64 opensAt;
        uint64 closesAt;
        bytes32 specHash;
        uint256 censusRoot;
        Rules rules;
    }

    /// @notice A signed tree head of the referendum's ballot log, as anchored.
    struct Checkpoint {
        uint64 logSize;
        uint64 anchoredAt;
        bytes32 logRoot;
    }

    /// @notice The log as it stood at the close: what the tally must cover, and when it was anchored.
    struct Closing {
        uint64 closedAt;
        uint64 logSize;
        uint64 anchoredAt;
        bytes32 logRoot;
    }

    struct Tally {
        uint64[BLING_VOTE_OPTIONS] counts;
        uint64 logSize;
        uint64 publishedAt;
        bytes32 logRoot;
        bytes32 nullifierSetRoot;
    }

    error Bling__NotOwner(address caller);
    error Bling__ZeroAddress();
    error Bling__CouncilAlreadyAdded(address council);
    error Bling__NotCouncil(address caller);
    error Bling__NotReferendumCouncil(uint256 id, address caller);
    error Bling__InvalidReferendumId(uint256 id);
    error Bling__ReferendumAlreadyOpened(uint256 id);
    error Bling__UnknownReferendum(uint256 id);
    error Bling__InvalidCensusRoot(uint256 censusRoot);
    error Bling__InvalidRules();
    error Bling__InvalidSchedule(uint64 opensAt, uint64 closesAt);
    error Bling__CheckpointNotGrowing(uint64 lastLogSize, uint64 logSize);
    error Bling__TallyAlreadyPublished(uint256 id);
    error Bling__LogAlreadyClosed(uint256 id);
    error Bling__ClosingAfterSchedule(uint64 closedAt, uint64 closesAt);
    error Bling__ClosingInFuture(uint64 closedAt, uint64 blockTime);
    error Bling__ClosingBehindCheckpoint(uint64 lastLogSize, uint64 logSize);
    error Bling__ClosingRootMismatch(bytes32 checkpointRoot, bytes32 logRoot);
    error Bling__LogNotClosed(uint256 id);
    error Bling__TallyNotAtClosing(uint64 closingLogSize, bytes32 closingLogRoot);
    error Bling__CountBeyondOptions(uint256 option);

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event CouncilAdded(address indexed council);
    event CouncilRemoved(address indexed council);
    event ReferendumOpened(
        uint256 indexed id,
        address indexed council,
        bytes32 specHash,
        uint256 censusRoot,
        Rules rules,
        uint64 opensAt,
        uint64 closesAt
    );
    event LogCheckpointed(uint256 indexed id, uint256 index, uint64 logSize, bytes32 logRoot);
    event LogClosed(uint256 indexed id, uint64 closedAt, uint64 logSize, bytes32 logRoot);
    event TallyPublished(
        uint256 indexed id,
        uint64[BLING_VOTE_OPTIONS] counts,
        uint64 logSize,
        bytes32 logRoot,
        bytes32 nullifierSetRoot
    );

    /// @notice The Groth16 verifier generated from the ballot circuit's zkey.
    IBallotVerifier public immutable ballotVerifier;
    address public owner;
    mapping(address council => bool) public isCouncil;

    mapping(uint256 id => Referendum) private _referenda;
    mapping(uint256 id => Checkpoint[]) private _checkpoints;
    mapping(uint256 id => Closing) private _closings;
    mapping(uint256 id => Tally) private _tallies;

    modifier onlyOwner() {
        if (msg.sender != owner) revert Bling__NotOwner(msg.sender);
        _;
    }

    /// @dev A council writes only referenda it opened, and only while the owner keeps it registered.
    modifier onlyReferendumCouncil(uint256 id) {
        address council = _referenda[id].council;
        if (council == address(0)) revert Bling__UnknownReferendum(id);
        if (!isCouncil[msg.sender]) revert Bling__NotCouncil(msg.sender);
        if (council != msg.sender) revert Bling__NotReferendumCouncil(id, msg.sender);
        _;
    }

    constructor(IBallotVerifier verifier, address initialOwner) {
        if (address(verifier) == address(0) || initialOwner == address(0)) revert Bling__ZeroAddress();
        ballotVerifier = verifier;
        owner = initialOwner;
        emit OwnershipTransferred(address(0), initialOwner);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert Bling__ZeroAddress();
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    function addCouncil(address council) external onlyOwner {
        if (council == address(0)) revert Bling__ZeroAddress();
        if (isCouncil[council]) revert Bling__CouncilAlreadyAdded(council);
        isCouncil[council] = true;
        emit CouncilAdded(council);
    }

    /// @notice A removed council can no longer write, not even the referenda it opened.
    function removeCouncil(address council) external onlyOwner {
        if (!isCouncil[council]) revert Bling__NotCouncil(council);
        isCouncil[council] = false;
        emit CouncilRemoved(council);
    }

    /**
     * @notice Opens a referendum once: freezes its spec hash, census root and ballot rules.
     * @param id The referendum id, a field element the ballots' nullifiers are bound to.
     * @param censusRoot LeanIMT root of the census; 0 (an empty census) is refused.
     */
    function openReferendum(
        uint256 id,
        bytes32 specHash,
        uint256 censusRoot,
        Rules calldata rules,
        uint64 opensAt,
        uint64 closesAt
    ) external {
        if (!isCouncil[msg.sender]) revert Bling__NotCouncil(msg.sender);
        if (id == 0 || id >= BLING_SNARK_FIELD_SIZE) revert Bling__InvalidReferendumId(id);
        if (_referenda[id].council != address(0)) revert Bling__ReferendumAlreadyOpened(id);
        if (censusRoot == 0 || censusRoot >= BLING_SNARK_FIELD_SIZE) revert Bling__InvalidCensusRoot(censusRoot);
        if (!_areRulesValid(rules)) revert Bling__InvalidRules();
        if (opensAt >= closesAt || closesAt <= block.timestamp) revert Bling__InvalidSchedule(opensAt, closesAt);

        _referenda[id] = Referendum(msg.sender, opensAt, closesAt, specHash, censusRoot, rules);
        emit ReferendumOpened(id, msg.sender, specHash, censusRoot, rules, opensAt, closesAt);
    }

    /// @notice Anchors a signed head of the ballot log; sizes strictly increase until the close.
    function checkpoint(uint256 id, uint64 logSize, bytes32 logRoot) external onlyReferendumCouncil(id) {
        // A head after the closing one would let the log grow past the close unseen by the tally.
        if (_closings[id].anchoredAt != 0) revert Bling__LogAlreadyClosed(id);
        Checkpoint[] storage checkpoints = _checkpoints[id];
        uint64 lastLogSize = checkpoints.length == 0 ? 0 : checkpoints[checkpoints.length - 1].logSize;
        if (logSize <= lastLogSize) revert Bling__CheckpointNotGrowing(lastLogSize, logSize);

        checkpoints.push(Checkpoint(logSize, uint64(block.timestamp), logRoot));
        emit LogCheckpointed(id, checkpoints.length - 1, logSize, logRoot);
    }

    /**
     * @notice Anchors the closing head of the log once: the head at the effective close `closedAt`
     * (the scheduled close or an earlier one the council decided), at least the last checkpoint and
     * equal to it at the same size. Afterwards no checkpoint is taken and the tally covers exactly
     * this log. Observers judge the delay between `closedAt` and the block time it was anchored at.
     */
    function closeLog(uint256 id, uint64 closedAt, uint64 logSize, bytes32 logRoot) external onlyReferendumCouncil(id) {
        Referendum storage referendum = _referenda[id];
        if (_closings[id].anchoredAt != 0) revert Bling__LogAlreadyClosed(id);
        if (closedAt > referendum.closesAt) revert Bling__ClosingAfterSchedule(closedAt, referendum.closesAt);
        // A close in the future would seal the log while ballots may still be accepted.
        if (closedAt > block.timestamp) revert Bling__ClosingInFuture(closedAt, uint64(block.timestamp));
        Checkpoint[] storage checkpoints = _checkpoints[id];
        if (checkpoints.length != 0) {
            Checkpoint storage last = checkpoints[checkpoints.length - 1];
            if (logSize < last.logSize) revert Bling__ClosingBehindCheckpoint(last.logSize, logSize);
            if (logSize == last.logSize && logRoot != last.logRoot) {
                revert Bling__ClosingRootMismatch(last.logRoot, logRoot);
            }
        }

        _closings[id] = Closing(closedAt, logSize, uint64(block.timestamp), logRoot);
        emit LogClosed(id, closedAt, logSize, logRoot);
    }

    /**
     * @notice Publishes the tally once, after the closing head is anchored: counts per option over
     * the latest ballot of each nullifier, the closing log head exactly, and the root of the sorted
     * set of counted nullifiers. An early close can thus be tallied at once.
     */
    function publishTally(
        uint256 id,
        uint64[BLING_VOTE_OPTIONS] calldata counts,
        uint64 logSize,
        bytes32 logRoot,
        bytes32 nullifierSetRoot
    ) external onlyReferendumCouncil(id) {
        Referendum storage referendum = _referenda[id];
        if (_tallies[id].publishedAt != 0) revert Bling__TallyAlreadyPublished(id);
        Closing storage closing = _closings[id];
        if (closing.anchoredAt == 0) revert Bling__LogNotClosed(id);
        if (logSize != closing.logSize || logRoot != closing.logRoot) {
            revert Bling__TallyNotAtClosing(closing.logSize, closing.logRoot);
        }
        for (uint256 i = referendum.rules.options; i < BLING_VOTE_OPTIONS; ++i) {
            if (counts[i] != 0) revert Bling__CountBeyondOptions(i);
        }

        _tallies[id] = Tally(counts, logSize, uint64(block.timestamp), logRoot, nullifierSetRoot);
        emit TallyPublished(id, counts, logSize, logRoot, nullifierSetRoot);
    }

    /**
     * @notice Whether a ballot is valid for a referendum: its census root, referendum id and rules
     * equal the anchored ones, vote slots past the referendum's options are 0, and the Groth16 proof
     * verifies. Anyone can call it; the service's acceptance does the same off chain.
     */
    function verifyBallot(
        uint256 id,
        uint256[2] calldata a,
        uint256[2][2] calldata b,
        uint256[2] calldata c,
        uint256[BLING_PUBLIC_SIGNAL_COUNT] calldata signals
    ) external view returns (bool) {
        Referendum storage referendum = _referenda[id];
        if (referendum.council == address(0)) return false;
        if (!_matchesReferendum(referendum, id, signals)) return false;
        return ballotVerifier.verifyProof(a, b, c, signals);
    }

    function getReferendum(uint256 id) external view returns (Referendum memory) {
        Referendum memory referendum = _referenda[id];
        if (referendum.council == address(0)) revert Bling__UnknownReferendum(id);
        return referendum;
    }

    function checkpointCount(uint256 id) external view returns (uint256) {
        return _checkpoints[id].length;
    }

    /// @notice Checkpoints [from, from + limit) of a referendum, clipped to those that exist.
    function getCheckpoints(uint256 id, uint256 from, uint256 limit) external view returns (Checkpoint[] memory page) {
        Checkpoint[] storage checkpoints = _checkpoints[id];
        uint256 end = from + limit < checkpoints.length ? from + limit : checkpoints.length;
        page = new Checkpoint[](from < end ? end - from : 0);
        for (uint256 i = 0; i < page.length; ++i) page[i] = checkpoints[from + i];
    }

    /// @notice The closing head, or a zero closing (anchoredAt 0) before the log is closed.
    function getClosing(uint256 id) external view returns (Closing memory) {
        return _closings[id];
    }

    /// @notice The tally, or a zero tally (publishedAt 0) while none is published.
    function getTally(uint256 id) external view returns (Tally memory) {
        return _tallies[id];
    }

    function _areRulesValid(Rules calldata rules) private pure returns (bool) {
        if (rules.options == 0 || rules.options > BLING_VOTE_OPTIONS) return false;
        if (rules.maxValue == 0 || rules.maxValue > BLING_MAX_VOTE_VALUE) return false;
        if (rules.maxTotal == 0 || rules.maxTotal > BLING_MAX_TOTAL || rules.minTotal > rules.maxTotal) return false;
        if (rules.costExponent != 1 && rules.costExponent != 2) return false;
        // Some ballot must be able to reach minTotal, as protocol/rules.ts requires.
        return rules.minTotal <= uint256(rules.options) * uint256(rules.maxValue) ** rules.costExponent;
    }

    function _matchesReferendum(
        Referendum storage referendum,
        uint256 id,
        uint256[BLING_PUBLIC_SIGNAL_COUNT] calldata signals
    ) private view returns (bool) {
        Rules storage rules = referendum.rules;
        if (signals[BLING_SIGNAL_CENSUS_ROOT] != referendum.censusRoot) return false;
        if (signals[BLING_SIGNAL_REFERENDUM_ID] != id) return false;
        if (signals[BLING_SIGNAL_MAX_VALUE] != rules.maxValue) return false;
        if (signals[BLING_SIGNAL_MIN_TOTAL] != rules.minTotal) return false;
        if (signals[BLING_SIGNAL_MAX_TOTAL] != rules.maxTotal) return false;
        if (signals[BLING_SIGNAL_COST_EXPONENT] != rules.costExponent) return false;
        for (uint256 i = rules.options; i < BLING_VOTE_OPTIONS; ++i) {
            if (signals[BLING_SIGNAL_VOTE + i] != 0) return false;
        }
        return true;
    }
}
