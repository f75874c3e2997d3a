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
    BLING_SIGNAL_COST_EXPONENT,
    BLING_SEALED_SIGNAL_CENSUS_ROOT,
    BLING_SEALED_SIGNAL_REFERENDUM_ID,
    BLING_SEALED_SIGNAL_ELECTION_KEY,
    BLING_SEALED_SIGNAL_OPTIONS,
    BLING_SEALED_SIGNAL_MAX_VALUE,
    BLING_SEALED_SIGNAL_MIN_TOTAL,
    BLING_SEALED_SIGNAL_MAX_TOTAL,
    BLING_SEALED_SIGNAL_COST_EXPONENT,
    BLING_SEALED_SLOTS_K2,
    BLING_SEALED_SIGNAL_COUNT_K2,
    BLING_SEALED_SIGNAL_COUNT_K8,
    BLING_BABYJUB_A,
    BLING_BABYJUB_D
} from "./generated/BlingConstants.sol";
import {IBallotVerifier} from "./IBallotVerifier.sol";
import {ISealedBallotVerifierK2, ISealedBallotVerifierK8} from "./ISealedBallotVerifiers.sol";

/**
 * @title BlingRegistry
 * @notice Public anchor of BLING referenda (DESIGN.md, Anchoring). Ballots stay off chain in the
 * service's transparency log; the chain holds what lets anyone audit it: at opening the spec hash,
 * census root, ballot rules and, for a sealed referendum (protocol v2), the election key; while open
 * the log's signed heads (size, root); and at the end the tally with the final log head and the
 * root of the counted-nullifier set (for a sealed referendum, the combined totals). Gas per ballot therefore
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
        /// @dev The Baby Jubjub key sealed ballots are encrypted to; (0, 0) for a public-vote (v1.1) referendum.
        uint256[2] electionKey;
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
    error Bling__InvalidElectionKey(uint256 x, uint256 y);
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
        uint256[2] electionKey,
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

    /// @notice The Groth16 verifier generated from the public-vote (v1.1) ballot circuit's zkey.
    IBallotVerifier public immutable ballotVerifier;
    /// @notice The verifiers generated from the sealed (v2) circuits' zkeys: 2 slots (yes/no) and 8.
    ISealedBallotVerifierK2 public immutable sealedVerifierK2;
    ISealedBallotVerifierK8 public immutable sealedVerifierK8;
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

    constructor(
        IBallotVerifier verifier,
        ISealedBallotVerifierK2 verifierK2,
        ISealedBallotVerifierK8 verifierK8,
        address initialOwner
    ) {
        if (
            address(verifier) == address(0) ||
            address(verifierK2) == address(0) ||
            address(verifierK8) == address(0) ||
            initialOwner == address(0)
        ) revert Bling__ZeroAddress();
        ballotVerifier = verifier;
        sealedVerifierK2 = verifierK2;
        sealedVerifierK8 = verifierK8;
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
     * @notice Opens a referendum once: freezes its spec hash, census root, ballot rules and, for a
     * sealed referendum, the election key its ballots are encrypted to.
     * @param id The referendum id, a field element the ballots' nullifiers are bound to.
     * @param censusRoot LeanIMT root of the census; 0 (an empty census) is refused.
     * @param electionKey (0, 0) opens a public-vote (v1.1) referendum; any other value opens a sealed
     * one (v2) and must be a Baby Jubjub point with x != 0 (see `_isElectionKeyValid`).
     */
    function openReferendum(
        uint256 id,
        bytes32 specHash,
        uint256 censusRoot,
        Rules calldata rules,
        uint256[2] calldata electionKey,
        uint64 opensAt,
        uint64 closesAt
    ) external {
        if (!isCouncil[msg.sender]) revert Bling__NotCouncil(msg.sender);
        if (id == 0 || id >= BLING_SNARK_FIELD_SIZE) revert Bling__InvalidReferendumId(id);
        if (_referenda[id].council != address(0)) revert Bling__ReferendumAlreadyOpened(id);
        if (censusRoot == 0 || censusRoot >= BLING_SNARK_FIELD_SIZE) revert Bling__InvalidCensusRoot(censusRoot);
        if (!_areRulesValid(rules)) revert Bling__InvalidRules();
        if (!_isElectionKeyValid(electionKey)) revert Bling__InvalidElectionKey(electionKey[0], electionKey[1]);
        if (opensAt >= closesAt || closesAt <= block.timestamp) revert Bling__InvalidSchedule(opensAt, closesAt);

        Referendum storage referendum = _referenda[id];
        referendum.council = msg.sender;
        referendum.opensAt = opensAt;
        referendum.closesAt = closesAt;
        referendum.specHash = specHash;
        referendum.censusRoot = censusRoot;
        referendum.rules = rules;
        // A public-vote referendum leaves the key's two slots zero instead of writing zeros (~4,400 gas).
        if (electionKey[0] != 0) referendum.electionKey = electionKey;
        emit ReferendumOpened(id, msg.sender, specHash, censusRoot, rules, electionKey, opensAt, closesAt);
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
     * @notice Whether a public-vote (v1.1) ballot is valid for a referendum: the referendum is not
     * sealed, the ballot's census root, referendum id and rules equal the anchored ones, vote slots
     * past the referendum's options are 0, and the Groth16 proof verifies. Anyone can call it; the
     * service's acceptance does the same off chain.
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
        // A sealed referendum takes only sealed ballots: a public vote would show what it chose.
        if (_isSealed(referendum)) return false;
        if (!_matchesReferendum(referendum, id, signals)) return false;
        return ballotVerifier.verifyProof(a, b, c, signals);
    }

    /**
     * @notice Whether a sealed (v2) ballot is valid for a sealed referendum: its signal count is that
     * of the referendum's circuit (2 slots for up to 2 options, else 8, as protocol/constants.ts
     * `sealedCircuitFor`), its census root, referendum id, election key, option count and rules
     * equal the anchored ones, and the circuit's Groth16 proof verifies. A ballot encrypted to
     * another key or made for another option count is refused before any pairing.
     * @param signals The public signals in `sealedSignalLayout(k)` order, 11 + 4k of them.
     */
    function verifySealedBallot(
        uint256 id,
        uint256[2] calldata a,
        uint256[2][2] calldata b,
        uint256[2] calldata c,
        uint256[] calldata signals
    ) external view returns (bool) {
        Referendum storage referendum = _referenda[id];
        if (referendum.council == address(0) || !_isSealed(referendum)) return false;
        bool twoSlots = referendum.rules.options <= BLING_SEALED_SLOTS_K2;
        if (signals.length != (twoSlots ? BLING_SEALED_SIGNAL_COUNT_K2 : BLING_SEALED_SIGNAL_COUNT_K8)) return false;
        if (!_matchesSealedReferendum(referendum, id, signals)) return false;
        // The generated verifiers take fixed-size arrays: the length is checked above.
        if (twoSlots) {
            uint256[BLING_SEALED_SIGNAL_COUNT_K2] memory fixedK2;
            for (uint256 i = 0; i < BLING_SEALED_SIGNAL_COUNT_K2; ++i) fixedK2[i] = signals[i];
            return sealedVerifierK2.verifyProof(a, b, c, fixedK2);
        }
        uint256[BLING_SEALED_SIGNAL_COUNT_K8] memory fixedK8;
        for (uint256 i = 0; i < BLING_SEALED_SIGNAL_COUNT_K8; ++i) fixedK8[i] = signals[i];
        return sealedVerifierK8.verifyProof(a, b, c, fixedK8);
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

    /// @dev A sealed referendum's key has x != 0 (`_isElectionKeyValid`); a public one stores (0, 0).
    function _isSealed(Referendum storage referendum) private view returns (bool) {
        return referendum.electionKey[0] != 0;
    }

    /**
     * @dev (0, 0) (no key: a public-vote referendum), or canonical field elements on Baby Jubjub with
     * x != 0. The points with x = 0 are the identity (0, 1), a key anyone can "decrypt", and (0, -1),
     * of order 2. The prime-order subgroup check (l·P = O) would cost a scalar multiplication here;
     * observers make it off chain, comparing the anchored key with the spec's (protocol/babyjub.ts).
     */
    function _isElectionKeyValid(uint256[2] calldata key) private pure returns (bool) {
        uint256 x = key[0];
        uint256 y = key[1];
        if (x == 0) return y == 0;
        if (x >= BLING_SNARK_FIELD_SIZE || y >= BLING_SNARK_FIELD_SIZE) return false;
        uint256 p = BLING_SNARK_FIELD_SIZE;
        uint256 xx = mulmod(x, x, p);
        uint256 yy = mulmod(y, y, p);
        uint256 lhs = addmod(mulmod(BLING_BABYJUB_A, xx, p), yy, p);
        uint256 rhs = addmod(1, mulmod(BLING_BABYJUB_D, mulmod(xx, yy, p), p), p);
        return lhs == rhs;
    }

    function _matchesSealedReferendum(
        Referendum storage referendum,
        uint256 id,
        uint256[] calldata signals
    ) private view returns (bool) {
        Rules storage rules = referendum.rules;
        if (signals[BLING_SEALED_SIGNAL_CENSUS_ROOT] != referendum.censusRoot) return false;
        if (signals[BLING_SEALED_SIGNAL_REFERENDUM_ID] != id) return false;
        if (signals[BLING_SEALED_SIGNAL_ELECTION_KEY] != referendum.electionKey[0]) return false;
        if (signals[BLING_SEALED_SIGNAL_ELECTION_KEY + 1] != referendum.electionKey[1]) return false;
        if (signals[BLING_SEALED_SIGNAL_OPTIONS] != rules.options) return false;
        if (signals[BLING_SEALED_SIGNAL_MAX_VALUE] != rules.maxValue) return false;
        if (signals[BLING_SEALED_SIGNAL_MIN_TOTAL] != rules.minTotal) return false;
        if (signals[BLING_SEALED_SIGNAL_MAX_TOTAL] != rules.maxTotal) return false;
        return signals[BLING_SEALED_SIGNAL_COST_EXPONENT] == rules.costExponent;
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
