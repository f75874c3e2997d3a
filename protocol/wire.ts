/**
 * The protocol's wire forms as zod schemas, each beside its type: what a ballot is on the wire,
 * and the one definition of a field element, of a canonical decimal and of 32-byte hex. Browser-safe.
 */
import { z } from "./zod";
import { PUBLIC_SIGNAL_COUNT, SEALED_OPTION_COUNTS, sealedSignalLayout } from "./constants";
import { isCanonicalFieldElement } from "./field";

const HEX32 = /^[0-9a-f]{64}$/;

export const fieldElement = z.string().refine(isCanonicalFieldElement, "must be a canonical field element (decimal)");
/** A non-negative integer in canonical decimal (no sign, no leading zero), of any size: counts, ids. */
export const canonicalDecimal = z.string().regex(/^(0|[1-9][0-9]*)$/, "must be a decimal integer");
export const hex32 = z.string().regex(HEX32, "must be 32 bytes of lowercase hex");
/** 32 bytes as the chain reads them back (a Solidity bytes32 through ethers): 0x, then lowercase hex. */
export const hex32Prefixed = z
  .string()
  .refine((value) => value.startsWith("0x") && HEX32.test(value.slice(2)), "must be 0x and 32 bytes of lowercase hex");
/** An Ed25519 signature: 64 bytes of lowercase hex. */
export const signatureHex = z.string().regex(/^[0-9a-f]{128}$/, "must be 64 bytes of lowercase hex");

/** What a citizen submits: anything else is refused before any verification. */
const SIGNAL_COUNTS = [PUBLIC_SIGNAL_COUNT, ...SEALED_OPTION_COUNTS.map((k) => sealedSignalLayout(k).count)];
const MIN_SIGNALS = Math.min(...SIGNAL_COUNTS);
const MAX_SIGNALS = Math.max(...SIGNAL_COUNTS);

export const ballotSubmission = z.object({
  proof: z.object({
    pi_a: z.array(z.string()).length(3),
    pi_b: z.array(z.array(z.string()).length(2)).length(3),
    pi_c: z.array(z.string()).length(3),
    protocol: z.literal("groth16"),
    curve: z.literal("bn128"),
  }),
  // Public-vote (v1.1) and sealed (v2, per slot count) ballots differ in length; the statement's
  // decoder holds each to its circuit's exact layout.
  publicSignals: z.array(z.string()).min(MIN_SIGNALS).max(MAX_SIGNALS),
});
export type BallotSubmission = z.infer<typeof ballotSubmission>;

/**
 * The same schema, but keeping keys it does not name, at every depth: how an observer reads what
 * the service published. The service strips unknown keys from what it is sent; an observer must
 * not, because they are hashed and signed with the rest (an entry's leaf hash covers every key).
 * Objects lose object-level refinements here; the protocol objects have none.
 */
export function lenient<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>> {
  return keepUnknownKeys(schema) as z.ZodType<z.output<T>>;
}

function keepUnknownKeys(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, field] of Object.entries<z.ZodType>(schema.shape)) {
      shape[key] = keepUnknownKeys(field);
    }
    return z.looseObject(shape);
  }
  if (schema instanceof z.ZodOptional) return keepUnknownKeys(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return keepUnknownKeys(schema.unwrap() as z.ZodType).nullable();
  return schema;
}

/**
 * The first problem of a failed parse, as one line: `path: message` (`(root)` for the whole value).
 * @param at Where the parsed value sits in a larger one, prefixed to the path.
 */
export function firstIssue(error: z.ZodError, at: readonly (string | number)[] = []): string {
  const [issue] = error.issues;
  if (!issue) return "invalid";
  return `${[...at, ...issue.path].map(String).join(".") || "(root)"}: ${issue.message}`;
}
