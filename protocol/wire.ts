/**
 * The protocol's wire forms as zod schemas, each beside its type: what a ballot is on the wire,
 * and the one definition of a field element and of 32-byte hex. Browser-safe.
 */
import { z } from "zod";
import { PUBLIC_SIGNAL_COUNT } from "./constants";
import { isCanonicalFieldElement } from "./field";

export const fieldElement = z.string().refine(isCanonicalFieldElement, "must be a canonical field element (decimal)");
export const hex32 = z.string().regex(/^[0-9a-f]{64}$/, "must be 32 bytes of lowercase hex");

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
