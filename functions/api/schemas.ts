/**
 * Request and public-object schemas of the API (zod), shared with web/ and cli/. Field elements
 * travel as canonical decimal strings; times as Unix seconds.
 */
import { z } from "zod";
import {
  isCanonicalFieldElement,
  PUBLIC_SIGNAL_COUNT,
  VOTE_OPTIONS,
  type BallotRules,
  type RulesPreset,
} from "../../circuits/src";
import { BlingError } from "./errors";

/** Largest request body the API reads (a ballot is about 1.5 KB; a draft with a long description more). */
export const MAX_BODY_BYTES = 64 * 1024;
/** Most items one page of census leaves or log entries returns. */
export const MAX_PAGE = 1000;
/** Most registration codes one request issues. */
export const MAX_CODES_PER_REQUEST = 10_000;

export const fieldElement = z.string().refine(isCanonicalFieldElement, "must be a canonical field element (decimal)");
export const hex32 = z.string().regex(/^[0-9a-f]{64}$/, "must be 32 bytes of lowercase hex");
/**
 * Bounds of a referendum's maximum merge delay (MMD, seconds): every accepted ballot is in the log
 * within it. The floor leaves the sequencer's sweep (every MMD/4) room on a one-minute schedule.
 */
export const MERGE_DELAY = { min: 60, default: 600, max: 86_400 } as const;

const unixSeconds = z
  .int()
  .min(0)
  .max(2 ** 40);

/** How a council picks ballot rules: a preset and its parameter; the option count comes from `options`. */
export const rulesChoice = z.discriminatedUnion("preset", [
  z.object({ preset: z.literal("yes-no") }),
  z.object({ preset: z.literal("single-choice") }),
  z.object({ preset: z.literal("approval"), maxApprovals: z.int().min(1).max(VOTE_OPTIONS) }),
  z.object({ preset: z.literal("cumulative"), budget: z.int().min(1).max(65535) }),
  z.object({
    preset: z.literal("quadratic"),
    credits: z
      .int()
      .min(1)
      .max(2 ** 32),
  }),
]);
export type RulesChoice = z.infer<typeof rulesChoice>;

export const referendumDraft = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).default(""),
    options: z.array(z.string().trim().min(1).max(200)).min(1).max(VOTE_OPTIONS),
    rules: rulesChoice,
    revoting: z.boolean().default(false),
    maxMergeDelay: z.int().min(MERGE_DELAY.min).max(MERGE_DELAY.max).default(MERGE_DELAY.default),
    censusId: z.string().min(1).max(64),
    opensAt: unixSeconds,
    closesAt: unixSeconds,
  })
  .refine((d) => d.opensAt < d.closesAt, { message: "opensAt must be before closesAt", path: ["closesAt"] })
  .refine((d) => d.rules.preset !== "yes-no" || d.options.length === 2, {
    message: "a yes/no referendum has exactly two options",
    path: ["options"],
  })
  // More approvals than options would put no limit on the ballot at all.
  .refine((d) => d.rules.preset !== "approval" || d.rules.maxApprovals <= d.options.length, {
    message: "an approval ballot allows at most as many approvals as there are options",
    path: ["rules", "maxApprovals"],
  });
export type ReferendumDraft = z.infer<typeof referendumDraft>;
/** A draft as a client sends it: fields with a default may be left out. */
export type ReferendumDraftInput = z.input<typeof referendumDraft>;

export const censusCreate = z.object({ name: z.string().trim().min(1).max(200) });

export const codesRequest = z.object({ count: z.int().min(1).max(MAX_CODES_PER_REQUEST) });

export const registration = z.object({
  code: z.string().min(1).max(64),
  commitment: fieldElement,
});

/** What a citizen submits: anything else is refused before any verification. */
export const ballotSubmission = z.object({
  proof: z.object({
    pi_a: z.array(z.string()).length(3),
    pi_b: z.array(z.array(z.string()).length(2)).length(3),
    pi_c: z.array(z.string()).length(3),
    protocol: z.literal("groth16"),
    curve: z.literal("bn128"),
  }),
  publicSignals: z.array(z.string()).length(PUBLIC_SIGNAL_COUNT),
});
export type BallotSubmission = z.infer<typeof ballotSubmission>;

/** `?from=&limit=` of a paged read. */
export const pageQuery = z.object({
  from: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
});

/**
 * The public spec of an opened referendum: frozen at open, hashed (SHA-256 of its RFC 8785 bytes)
 * and anchored. Everything an observer needs to check a ballot against it.
 */
export interface ReferendumSpec {
  protocol: number;
  id: string;
  councilId: string;
  title: string;
  description: string;
  options: string[];
  rules: BallotRules & { preset: RulesPreset };
  revoting: boolean;
  /** Maximum merge delay (seconds): a signed promise whose entry is not in the log this long after its receivedAt is evidence of misbehaviour. */
  maxMergeDelay: number;
  opensAt: number;
  closesAt: number;
  census: { id: string; root: string; size: number; depth: number };
  circuit: { name: string; zkeySha256: string; ceremony: string };
  /** Ed25519 public key (hex) that signs the ballot log's promises and tree heads. */
  logPublicKey: string;
}

/**
 * Parses input with a schema.
 * @throws BlingError INPUT_INVALID with the first problem's path and message.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  const first = issues[0];
  throw new BlingError("INPUT_INVALID", first ? `${first.path || "body"}: ${first.message}` : undefined, issues);
}
