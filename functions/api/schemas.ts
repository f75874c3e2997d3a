/**
 * Request and public-object schemas of the API (zod), shared with web/ and cli/. Field elements
 * travel as canonical decimal strings; times as Unix seconds.
 */
import { z } from "../../protocol/zod";
import { VOTE_OPTIONS } from "../../protocol/constants";
import { MERGE_DELAY } from "../../protocol/spec";
import { fieldElement } from "../../protocol/wire";
import { trusteeKey } from "../../protocol/trustee-transcript";
import { BlingError } from "./errors";

/** Largest request body the API reads (a ballot is about 1.5 KB; a draft with a long description more). */
export const MAX_BODY_BYTES = 64 * 1024;
/** Most items one page of census leaves or log entries returns. */
export const MAX_PAGE = 1000;
/** Most registration codes one request issues. */
export const MAX_CODES_PER_REQUEST = 10_000;

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

/** Most trustees a referendum can have: every share check and decryption costs each trustee per member. */
export const MAX_TRUSTEES = 16;

/**
 * Who holds the election key: named trustees (council members, a notary, an observer organisation)
 * of whom any `threshold` together can decrypt the final totals, and fewer learn nothing.
 */
export const trusteesChoice = z
  .object({
    names: z.array(z.string().trim().min(1).max(200)).min(1).max(MAX_TRUSTEES),
    threshold: z.int().min(1).max(MAX_TRUSTEES),
  })
  .refine((t) => t.threshold <= t.names.length, {
    message: "the threshold cannot exceed the number of trustees",
    path: ["threshold"],
  })
  .refine((t) => new Set(t.names.map((name) => name.toLowerCase())).size === t.names.length, {
    message: "every trustee needs a name of their own",
    path: ["names"],
  });
export type TrusteesChoice = z.infer<typeof trusteesChoice>;

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
    /** The secret ballot's key holders; a referendum without trustees has public votes (protocol v1.1). */
    trustees: trusteesChoice.optional(),
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

/** A trustee joins a referendum's key generation with its invitation code and a proved key. */
export const trusteeJoin = z.object({ code: z.string().min(1).max(64), key: trusteeKey });

export const censusCreate = z.object({ name: z.string().trim().min(1).max(200) });

export const codesRequest = z.object({ count: z.int().min(1).max(MAX_CODES_PER_REQUEST) });

export const registration = z.object({
  code: z.string().min(1).max(64),
  commitment: fieldElement,
});

/** `?from=&limit=` of a paged read. */
export const pageQuery = z.object({
  from: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
});

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
