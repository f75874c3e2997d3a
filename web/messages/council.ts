import { defineMessages } from "./define";

/** Strings of the council pages; keys start with "council.". */
export const councilMessages = defineMessages({}, {});
