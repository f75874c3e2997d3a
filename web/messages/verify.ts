import { defineMessages } from "./define";

/** Strings of the verify pages; keys start with "verify.". */
export const verifyMessages = defineMessages({}, {});
